import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passageText } from '../../../src/answer/grounding/table-context.js';
import { createLlmAnswerer } from '../../../src/answer/llm/agent.js';
import { loadMarkdown } from '../../../src/ingest/load-markdown.js';
import type { KnowledgeSnapshot } from '../../../src/retrieval/knowledge-base.js';
import { type FakeOpenAI, startFakeOpenAI } from '../../fakes/fake-openai.js';
import { CHAT, call, messagesOf, passageNumber, say, script } from './script.js';
import { buildTestSnapshot, extraDocument, llmTestConfig } from './snapshot.js';

/** A fictional annual-report excerpt with a results table (in millions). */
const REPORT_ID = 'harlow-report';
const report = extraDocument(
  REPORT_ID,
  loadMarkdown(readFileSync(new URL('../../fixtures/tables/harlow-annual-report-2019.md', import.meta.url), 'utf8'))
    .text,
);

let fake: FakeOpenAI;
let snapshot: KnowledgeSnapshot;

beforeAll(async () => {
  [fake, snapshot] = await Promise.all([startFakeOpenAI(), buildTestSnapshot([report])]);
});
afterAll(() => fake.close());

describe('LLM answerer over tables', () => {
  it('shows tables with their units, records the cells a calculation used, and cites the row with its headers', async () => {
    let prompt = '';
    script(fake, [
      (req) => {
        prompt = messagesOf(req)
          .map((m) => m.content ?? '')
          .join('\n');
        return call('growth_rate', { from: '1,745', to: '1,634' });
      },
      (req) => {
        const n = passageNumber(req, '| Total net sales |');
        return say(`Total net sales were 1,745 and then 1,634 [${n}], a change of -6.36%.`);
      },
    ]);
    const draft = await createLlmAnswerer(llmTestConfig(fake.url)).answer({
      question: 'What is the percentage change in total net sales of Harlow Fittings between 2018 and 2019?',
      history: [],
      k: 4,
      snapshot,
    });
    expect(prompt).toMatch(/\[figures in millions\]\n\| \| Fiscal year \| \|/u);

    const check = draft.checks.find((c) => c.status === 'computed')!;
    expect(check).toMatchObject({ op: 'growth_rate', display: '-6.36%' });
    expect(check.cells?.map((c) => [c.text, c.series, c.period])).toEqual([
      ['1,745', 'Total net sales', 'Fiscal year 2018'],
      ['1,634', 'Total net sales', 'Fiscal year 2019'],
    ]);
    for (const c of check.cells!) expect(report.text.slice(c.start, c.end)).toBe(c.text);

    const cited = draft.citations.find((c) => c.table)!;
    expect(cited.quote).toBe('| Total net sales | 1,634 | 1,745 |');
    expect(cited.table?.headers).toEqual(['', 'Fiscal year 2019', 'Fiscal year 2018']);
    expect(draft.checks.some((c) => c.status === 'unverified')).toBe(false);
    fake.setHandler(CHAT, undefined);
  });

  it('gives a passage that starts below a table header the header rows, caption and units again', () => {
    const start = report.text.indexOf('| Industrial fittings');
    const end = report.text.indexOf('| Operating expenses');
    const chunk = {
      id: 'x',
      docId: REPORT_ID,
      title: 't',
      section: null,
      speaker: null,
      ordinal: 0,
      start,
      end,
      text: report.text.slice(start, end),
    };
    const text = passageText(snapshot, chunk);
    expect(
      text.startsWith(
        '[table: Table 2: Consolidated results] [figures in millions]\n| | Fiscal year | |\n| --- | --- | --- |\n| | 2019 | 2018 |\n| Industrial fittings',
      ),
    ).toBe(true);
    expect(text.endsWith(chunk.text)).toBe(true);
  });
});
