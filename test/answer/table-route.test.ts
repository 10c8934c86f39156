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

Library spending falls because the Orchard Lane branch library will close in June 2026.
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
  });
});
