import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp } from '../helpers/app.js';

/** A fictional product manual whose model has a code with a digit. */
const MANUAL = `---
title: "Ostrel K2 cordless kettle: user manual (fictional)"
---
Fictional document written for testing; every name and figure in it is invented.

The Ostrel K2 costs £39 and boils a full kettle in about 4 minutes.

The Ostrel K2 is guaranteed for 2 years from the date of purchase.
`;

describe('names written with digits', () => {
  let t: Awaited<ReturnType<typeof makeCorpusApp>>;
  beforeAll(async () => {
    t = await makeCorpusApp({ 'ostrel-k2.md': MANUAL });
  });
  afterAll(() => t?.cleanup());

  it('abstains on a model code the documents never write ("K3" beside "K2")', async () => {
    const r = await askChat(t.app, 'How much does the Ostrel K3 cost?');
    expect(r.abstained).toBe(true);
    expect(r.answer).toMatch(/do not mention K3/);
  });

  it('answers for the code they write, and takes a quarter code for a period, not a name', async () => {
    const r = await askChat(t.app, 'How much does the Ostrel K2 cost?');
    expect(r.abstained).toBe(false);
    expect(r.answer).toContain('£39');
    expect((await askChat(t.app, 'How long is the Ostrel K2 guarantee in Q3?')).answer).not.toMatch(/mention Q3/);
  });
});
