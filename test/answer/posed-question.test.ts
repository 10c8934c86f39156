import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** A fictional club committee record and FAQ, written for this test. */
const MINUTES = `---
title: "Ashcombe Rowing Club committee notes"
---
Fictional document written for testing; all names and figures are invented.

The committee chose the Fenwick boathouse builder for the new slipway. Some members will ask why we did not pick the lowest tender.

The lowest tender used softwood piles, which the river authority does not permit below the flood line. Fenwick also offered a twenty-year warranty.

The next committee meeting is on 14 March.
`;

describe('a why-question the best sentence poses itself', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'ashcombe-notes.md': MINUTES });
  });
  afterAll(() => t?.cleanup());

  it('is answered by the sentences that follow it', async () => {
    const r = await askChat(t.app, 'Why did the committee not pick the lowest tender for the slipway?');
    expect(r.abstained).toBe(false);
    expect(r.citations[0]?.quote).toContain('softwood piles');
    expect(r.answer.indexOf('softwood')).toBeLessThan(r.answer.indexOf('will ask why'));
  });
});
