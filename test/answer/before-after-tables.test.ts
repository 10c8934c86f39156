import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** A fictional fare notice, written for this test: each ticket's price now and after the change. */
const NOTICE = `---
title: "Harrowgate Ferries: fare changes (fictional)"
---
Fictional document written for testing; the operator and its fares are invented.

The following ferry fares change on 1 June:

| Ticket | Current price | New price |
| --- | --- | --- |
| Foot passenger single | £4.20 | £4.60 |
| Car and driver return | £38.00 | £41.50 |
| Cycle supplement | £1.00 | £1.00 |

Even after the fare rise, a car and driver return will cost less than three foot passenger returns did in 2019.
`;

describe('tables giving a figure before and after a change', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'harrowgate-fares.md': NOTICE });
  });
  afterAll(() => t?.cleanup());

  it('answer how much more it will be with the new figure minus the current one', async () => {
    const r = await askChat(t.app, 'How much more will a car and driver return cost after the fare rise?');
    expect(r.abstained).toBe(false);
    const check = r.checks.find((c) => c.status === 'computed' && c.op === 'difference');
    expect(check?.value).toBeCloseTo(3.5, 9);
    expect(r.answer).toContain('£41.50');
  });

  it('answer by how much it goes up with the rate from the current figure to the new one', async () => {
    const r = await askChat(t.app, 'By how much does the car and driver return fare go up?');
    const check = r.checks.find((c) => c.status === 'computed' && c.op === 'growth_rate');
    expect(check?.value).toBeCloseTo(((41.5 - 38) / 38) * 100, 9);
  });

  it('take no figure the text writes in words ("three") for the computed one as the text’s own', async () => {
    const r = await askChat(t.app, 'How much more will a car and driver return cost after the fare rise?');
    expect(r.answer).toMatch(/^Car and driver return increased by £3\.5, from £38\.00 in Current price to £41\.50/);
    expect(r.answer).not.toMatch(/as the text states/);
  });
});
