import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** A fictional council budget with a spending table and prose about it, written for this test. */
const BUDGET = `---
title: "Wendlebury Parish Council budget 2026"
---
Fictional document written for testing; all names and figures are invented.

| Service line | 2025 (£000) | 2026 (£000) |
| --- | --- | --- |
| Libraries | 410 | 372 |
| Parks | 220 | 236 |
| Precept | 1,180 | 1,240 |

Library spending falls because the Orchard Lane branch library will close in June 2026.

The precept for a Band B home will rise by 3.1%, from £161.40 to £166.40 a year.
`;

describe('which questions are sent to the tables', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'wendlebury-budget.md': BUDGET });
  });
  afterAll(() => t?.cleanup());

  it('answers "which <thing>" from the text, not with a figure cell of a row sharing its words', async () => {
    const r = await askChat(t.app, 'Which branch library is Wendlebury closing?');
    expect(r.abstained).toBe(false);
    expect(r.answer).toContain('Orchard Lane');
    expect(r.citations[0]?.table).toBeUndefined();
  });

  it('still looks a figure up in the table', async () => {
    const r = await askChat(t.app, 'How much did Wendlebury spend on libraries in 2026?');
    expect(r.short?.text).toBe('372');
    expect((await askChat(t.app, 'How much will the precept raise in 2026?')).short?.text).toBe('1,240');
  });

  it('answers from the sentence that has every word of the question when the table lacks some', async () => {
    const r = await askChat(t.app, 'How much will the Band B precept be in 2026?');
    expect(r.abstained).toBe(false);
    expect(r.short?.text).toBe('£166.40');
    expect(r.citations[0]?.table).toBeUndefined();
  });
});
