import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/answer/question/question.js';
import { askChat, makeCorpusApp, type TestApp } from '../helpers/app.js';

/** A fictional results release with two fiscal years, written for this test. */
const RESULTS = `---
title: "Tolvane Grid AG: results for the 2024 financial year"
---
Fictional document written for testing; all names and figures are invented.

Tolvane Grid AG's financial year ends on 31 March. Free cash flow rose 12.5% to EUR 81.0 million.

| EUR million | FY24 | FY23 |
| --- | --- | --- |
| Revenue | 640.2 | 602.7 |
| Free cash flow | 81.0 | 72.0 |
`;

describe('two-digit fiscal years in questions', () => {
  it('are years, not figures', () => {
    const q = analyzeQuestion('What was free cash flow in FY22?');
    expect(q.years).toEqual([2022]);
    expect(q.numbers).not.toContain(22);
  });

  describe('over a report that covers other years', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await makeCorpusApp({ 'tolvane-results.md': RESULTS });
    });
    afterAll(() => t?.cleanup());

    it('abstain on a year the report does not give', async () => {
      const r = await askChat(t.app, "What was Tolvane's free cash flow in FY22?");
      expect(r.abstained).toBe(true);
      expect(r.answer).toContain('2022');
    });

    it('answer a year it gives', async () => {
      const r = await askChat(t.app, "What was Tolvane's free cash flow in FY23?");
      expect(r.abstained).toBe(false);
      expect(r.answer).toContain('72.0');
    });
  });
});
