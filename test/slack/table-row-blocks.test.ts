import { describe, expect, it } from 'vitest';
import type { ChatResponse, Citation, TableRowRef } from '../../src/answer/schema.js';
import { buildAnswerMessage, sourceElement, tableRowText } from '../../src/slack/answer-blocks.js';
import type { SlackBlock } from '../../src/slack/block-types.js';

/** The citation the offline answerer gives for "What was the total net sales in 2019?" over test/fixtures/tables. */
const SALES: Citation = {
  n: 1,
  chunkId: 'fb5a58405a9ac4cc',
  docId: 'harlow-annual-report-2019',
  title: 'Harlow Fittings: Annual Report 2019 (excerpt)',
  section: 'Results of operations',
  speaker: null,
  quote: '| Total net sales | 1,634 | 1,745 |',
  start: 433,
  end: 468,
  score: 1,
  table: {
    caption: 'Table 2: Consolidated results',
    headers: ['', 'Fiscal year 2019', '2018'],
    cells: ['Total net sales', '1,634', '1,745'],
  },
};

function response(citations: Citation[]): ChatResponse {
  return {
    answer: 'Total net sales, Fiscal year 2019: 1,634 million [1].',
    citations,
    checks: [],
    claims: [],
    abstained: false,
    mode: 'offline',
    timings: { retrieveMs: 1, answerMs: 1, totalMs: 2 },
  };
}

const texts = (block: SlackBlock): string[] =>
  block.type === 'section' ? [block.text.text] : block.type === 'context' ? block.elements.map((e) => e.text) : [];

describe('a cited table row in Slack', () => {
  it('shows the caption and header: cell pairs, label first, instead of the pipes', () => {
    expect(sourceElement(SALES)).toBe(
      '[1] Harlow Fittings: Annual Report 2019 (excerpt) - Table 2: Consolidated results\nTotal net sales — Fiscal year 2019: 1,634 · 2018: 1,745',
    );
    const message = buildAnswerMessage(response([SALES]));
    const sources = message.blocks.filter((b) => b.type === 'context').flatMap(texts);
    expect(sources).toEqual([sourceElement(SALES)]);
    expect(message.blocks.flatMap(texts).join('\n')).not.toContain('| Total net sales |');
  });

  it('skips empty cells, keeps a labelled first column, and does without a caption', () => {
    const staff: TableRowRef = {
      caption: null,
      headers: ['Headcount', '2019', '2018', '2017'],
      cells: ['Production staff', '2,140', '', '2,280'],
    };
    expect(tableRowText(staff)).toBe('Headcount: Production staff — 2019: 2,140 · 2017: 2,280');
    expect(sourceElement({ ...SALES, n: 2, table: staff })).toBe(
      '[2] Harlow Fittings: Annual Report 2019 (excerpt)\nHeadcount: Production staff — 2019: 2,140 · 2017: 2,280',
    );
    expect(tableRowText({ caption: null, headers: ['', '2019'], cells: ['', '1,634'] })).toBe('2019: 1,634');
  });

  it('escapes Slack control characters in headers and cells and falls back to the quote for an empty row', () => {
    const table: TableRowRef = { caption: 'R&D <costs>', headers: ['', 'Q1 <b>'], cells: ['<!channel> & co', '12'] };
    expect(sourceElement({ ...SALES, table })).toBe(
      '[1] Harlow Fittings: Annual Report 2019 (excerpt) - R&amp;D &lt;costs&gt;\n&lt;!channel&gt; &amp; co — Q1 &lt;b&gt;: 12',
    );
    expect(sourceElement({ ...SALES, table: { caption: 'Empty', headers: ['', ''], cells: ['', ''] } })).toBe(
      '[1] Harlow Fittings: Annual Report 2019 (excerpt): "| Total net sales | 1,634 | 1,745 |"',
    );
  });

  it('keeps wide rows and many of them within Slack limits', () => {
    const columns = 400;
    const wide: TableRowRef = {
      caption: 'C'.repeat(1000),
      headers: Array.from({ length: columns }, (_, i) => `Year ended December 31, ${1700 + i} & restated`),
      cells: Array.from({ length: columns }, (_, i) => (i === 0 ? 'L'.repeat(800) : `<${i}>`)),
    };
    const message = buildAnswerMessage(
      response(Array.from({ length: 600 }, (_, i) => ({ ...SALES, n: i + 1, table: wide }))),
    );
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const block of message.blocks) {
      if (block.type === 'context') expect(block.elements.length).toBeLessThanOrEqual(10);
      for (const text of texts(block)) {
        expect(text.length).toBeGreaterThan(0);
        expect(text.length).toBeLessThanOrEqual(3000);
        expect(text).not.toMatch(/&[a-z]*…/);
      }
    }
    expect(sourceElement({ ...SALES, table: wide }).length).toBeLessThan(1000);
  });
});
