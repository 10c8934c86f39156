import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** A fictional harbour budget whose row labels join two services, written for this test. */
const BUDGET = `---
title: "Quillmouth Harbour Board: spending plan"
---
Fictional document written for testing; all names and figures are invented.

The harbour board set its spending plan for the next two years at its March meeting.

| Service | 2025 (£000) | 2026 (£000) |
| --- | --- | --- |
| Dredging and moorings | 820 | 1,025 |
| Lighting and signage | 240 | 252 |
| Lighting | 95 | 90 |
| Pilotage, towage and berthing | 610 | 634 |
| Total | 1,765 | 2,001 |
`;

describe('table rows whose labels join two things', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await makeCorpusApp({ 'quillmouth-budget.md': BUDGET });
  });
  afterAll(() => t?.cleanup());

  it('are named by one of the things they join', async () => {
    const r = await askChat(t.app, 'By how much did the dredging budget grow?');
    expect(r.abstained).toBe(false);
    expect(r.answer).toMatch(/25\.0\d?%/);
    const towage = await askChat(t.app, 'How much will be spent on towage in 2026?');
    expect(towage.short?.text).toBe('634');
  });

  it('lose to a row the question names whole', async () => {
    const r = await askChat(t.app, 'How much was spent on lighting in 2025?');
    expect(r.short?.text).toBe('95');
  });
});
