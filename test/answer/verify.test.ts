import { beforeAll, describe, expect, it } from 'vitest';
import type { CalcRecord } from '../../src/answer/grounding/figure-checks.js';
import { citingStatements, MarkerNumbering, rewriteMarkers } from '../../src/answer/grounding/markers.js';
import { narrowQuote } from '../../src/answer/grounding/quotes.js';
import { verifyAnswer } from '../../src/answer/grounding/verify.js';
import type { Citation } from '../../src/answer/schema.js';
import { chunkDocument, loadCorpus } from '../../src/ingest/index.js';
import { calculate } from '../../src/numbers/index.js';
import type { Chunk, SourceDocument } from '../../src/types.js';
import { CORPUS_DIR, INTERVIEW_ID } from './llm/snapshot.js';

let doc: SourceDocument;
let chunks: Chunk[];
let docs: Map<string, SourceDocument>;

beforeAll(async () => {
  const loaded = await loadCorpus(CORPUS_DIR);
  doc = loaded.docs.find((d) => d.docId === INTERVIEW_ID)!;
  chunks = chunkDocument(doc);
  docs = new Map([[doc.docId, doc]]);
});

const chunkWith = (needle: string) => chunks.find((c) => c.text.includes(needle))!;

/** A citation quoting exactly `phrase` (its first occurrence) under number `n`. */
function cite(n: number, phrase: string): Citation {
  const start = doc.text.indexOf(phrase);
  if (start < 0) throw new Error(`not in the document: ${phrase}`);
  const chunk = chunks.find((c) => c.start <= start && start < c.end)!;
  const end = start + phrase.length;
  return {
    n,
    chunkId: chunk.id,
    docId: doc.docId,
    title: doc.title,
    section: chunk.section,
    speaker: chunk.speaker,
    quote: phrase,
    start,
    end,
    score: 0.5,
  };
}

const calc = (op: string, args: Record<string, unknown>): CalcRecord => {
  const { value, display, formula } = calculate(op, args);
  return { op, args, value, display, formula };
};

const DIGITAL_SERVICE =
  'from US$164.84 billion in 2011 to US$294.76 billion in 2020, with a compound annual growth rate of 6.7%';
const WEI_HAO_SCALE =
  'the scale of my country’s digital trade increased from US$200 billion in 2015 to US$294.76 billion in 2020, an increase of 47.4%, and its proportion in service trade increased from 30.6% to 44.5%';
const EXPORTS = 'cross-border e-commerce exports increased by 44.1% year-on-year';

describe('narrowQuote', () => {
  it('picks the sentence with the statement’s numbers, verbatim and without the speaker label', () => {
    const chunk = chunkWith('US$164.84 billion');
    const q = narrowQuote(
      doc.text,
      chunk,
      'Digital service trade went from US$164.84 billion in 2011 to US$294.76 billion in 2020.',
    );
    expect(doc.text.slice(q.start, q.end)).toBe(q.quote);
    expect(q.quote).toMatch(
      /^In the past ten years, the scale of my country’s digital service trade has basically doubled/,
    );
    expect(q.quote).toContain('US$164.84 billion in 2011');
    expect(q.quote.length).toBeLessThan(chunk.text.length / 2);
  });

  it('matches words regardless of inflection and digits regardless of width', () => {
    const chunk = chunkWith('44.1% year-on-year');
    const q = narrowQuote(doc.text, chunk, 'Exporting by cross-border e-commerce grew ４４.１％ year on year.', {
      maxSentences: 1,
    });
    expect(q.quote).toMatch(/^In the first half of 2021, .*exports increased by 44\.1% year-on-year\.$/);
    const byWords = narrowQuote(doc.text, chunk, 'laws and regulations for digital trade are forming', {
      maxSentences: 1,
    });
    expect(byWords.quote).toBe(
      'The third is the preliminary formation of the digital trade laws, regulations and policy system.',
    );
  });

  it('adds the adjacent sentence only when it supplies more of the statement', () => {
    const chunk = chunkWith('nearly 10 times');
    const two = narrowQuote(
      doc.text,
      chunk,
      'Cross-border e-commerce grew nearly 10 times in five years and 28.6% in the first half of 2021.',
    );
    expect(two.quote).toBe(
      'The scale of cross-border e-commerce in my country has increased nearly 10 times in five years. In the first half of 2021, the growth rate of cross-border e-commerce reached 28.6% year-on-year, and cross-border e-commerce exports increased by 44.1% year-on-year.',
    );
    const one = narrowQuote(doc.text, chunk, 'The e-commerce scale increased nearly 10 times.');
    expect(one.quote).toBe(
      'The scale of cross-border e-commerce in my country has increased nearly 10 times in five years.',
    );
  });

  it('falls back to the first sentence, never the whole multi-sentence chunk', () => {
    const chunk = chunkWith('US$164.84 billion');
    const q = narrowQuote(doc.text, chunk, 'bananas and umbrellas');
    expect(q.quote).toBe('Generally speaking, China is relatively competitive in the development of digital trade.');
    expect(doc.text.slice(q.start, q.end)).toBe(q.quote);
  });
});

describe('verifyAnswer', () => {
  it('renumbers markers by first use, drops unused citations and removes unresolvable markers', () => {
    const citations = [cite(1, DIGITAL_SERVICE), cite(2, EXPORTS), cite(3, WEI_HAO_SCALE)];
    const r = verifyAnswer({
      answer:
        'Digital trade grew from US$200 billion in 2015 to US$294.76 billion in 2020 [3]. Digital service trade reached US$294.76 billion in 2020 [1, 3] [7]. Exports grew [9].',
      citations,
      calcResults: [],
      docs,
    });
    expect(r.answer).toBe(
      'Digital trade grew from US$200 billion in 2015 to US$294.76 billion in 2020 [1]. Digital service trade reached US$294.76 billion in 2020 [2][1]. Exports grew.',
    );
    expect(r.removed).toEqual([7, 9]);
    expect(r.citations.map((c) => [c.n, c.quote])).toEqual([
      [1, WEI_HAO_SCALE],
      [2, DIGITAL_SERVICE],
    ]);
    expect(r.claims.map((c) => c.citations)).toEqual([[1], [1, 2], []]);
    expect(r.claims[2]).toMatchObject({ supported: false, reason: 'no citation' });
  });

  it('accepts candidates as a map, reads full-width markers and expands ranges', () => {
    const citations = new Map([
      [4, cite(4, EXPORTS)],
      [5, cite(5, DIGITAL_SERVICE)],
      [6, cite(6, WEI_HAO_SCALE)],
    ]);
    const r = verifyAnswer({
      answer: 'Exports increased by 44.1% year-on-year ［４］. Both grew [5-6].',
      citations,
      calcResults: [],
      docs,
    });
    expect(r.answer).toBe('Exports increased by 44.1% year-on-year [1]. Both grew [2][3].');
    expect(r.citations.map((c) => c.n)).toEqual([1, 2, 3]);
  });

  it('drops candidates whose quote is not verbatim in the document', () => {
    const forged = { ...cite(1, EXPORTS), quote: 'exports increased by 99% year-on-year' };
    const r = verifyAnswer({ answer: 'Exports increased by 99% [1].', citations: [forged], calcResults: [], docs });
    expect(r.citations).toEqual([]);
    expect(r.removed).toEqual([1]);
    expect(r.claims[0]).toMatchObject({ supported: false, reason: 'number 99% not in cited passages or calculations' });
  });

  it('treats quoted and computed numbers as backed, at the precision written', () => {
    const cagr = calc('cagr', { start: 'US$164.84 billion', end: 'US$294.76 billion', startYear: 2011, endYear: 2020 });
    const growth = calc('growth_rate', { from: 'US$200 billion', to: 'US$294.76 billion' });
    const pp = calc('pp_change', { from: '30.6%', to: '44.5%' });
    const r = verifyAnswer({
      answer:
        'Digital service trade rose from US$164.84 billion in 2011 to 294.76 billion in 2020 [1]. ' +
        'That is a CAGR of ６.６７％, computed as (294.76 / 164.84)^(1/9) - 1 over nine years [1]. ' +
        'Digital trade reached US$0.29 trillion in 2020, 47.4% more than in 2015 [2]. ' +
        'Its share of service trade rose 13.9 percentage points, from 30.6% to 44.5% [2].',
      citations: [cite(1, DIGITAL_SERVICE), cite(2, WEI_HAO_SCALE)],
      calcResults: [cagr, growth, pp],
      docs,
    });
    expect(r.claims.map((c) => c.supported)).toEqual([true, true, true, true]);
    expect(r.checks.every((c) => c.status === 'computed')).toBe(true);
    expect(r.checks.map((c) => [c.op, c.citation])).toEqual([
      ['cagr', 1],
      ['pp_change', 2],
    ]);
    expect(r.checks[0]).toMatchObject({
      display: '6.67%',
      formula: '(294.76 / 164.84)^(1/9) - 1',
      claim: r.claims[1]!.text,
    });
  });

  it('rounds calculator results to the precision the answer writes', () => {
    const growth = calc('growth_rate', { from: 'US$200 billion', to: 'US$294.76 billion' });
    expect(growth.value).toBeCloseTo(47.38, 2);
    const r = verifyAnswer({
      answer: 'It grew 47.4% and then 47% [1].',
      citations: [cite(1, EXPORTS)],
      calcResults: [growth],
    });
    expect(r.checks).toHaveLength(1);
    expect(r.checks[0]).toMatchObject({ op: 'growth_rate', status: 'computed' });
    const wrong = verifyAnswer({ answer: 'It grew 47.3% [1].', citations: [cite(1, EXPORTS)], calcResults: [growth] });
    expect(wrong.checks[0]).toMatchObject({ op: 'unverified', value: 47.3, display: '47.3%', status: 'unverified' });
  });

  it('reports numbers that are neither quoted nor computed', () => {
    const r = verifyAnswer({
      answer: 'Cross-border e-commerce exports increased by 44.1% year-on-year, and profits by 12% [1].',
      citations: [cite(1, EXPORTS)],
      calcResults: [],
      docs,
    });
    expect(r.checks).toEqual([
      {
        op: 'unverified',
        args: {},
        value: 12,
        display: '12%',
        formula: null,
        claim: r.claims[0]!.text,
        status: 'unverified',
      },
    ]);
    expect(r.claims[0]).toMatchObject({ supported: false, reason: 'number 12% not in cited passages or calculations' });
  });

  it('does not check years, list numbers or markers', () => {
    const r = verifyAnswer({
      answer: '1. Digital service trade grew from 2011 to 2020 [1].\n2. Exports increased in 2021 [2].',
      citations: [cite(1, DIGITAL_SERVICE), cite(2, EXPORTS)],
      calcResults: [],
    });
    expect(r.checks).toEqual([]);
    expect(r.claims.every((c) => c.supported)).toBe(true);
  });

  it('supports framing and statements about coverage without a citation, and nothing else', () => {
    const r = verifyAnswer({
      answer:
        'Here is what the documents say:\nExports increased by 44.1% year-on-year [1].\nThe documents do not cover profits.\nProfits doubled.',
      citations: [cite(1, EXPORTS)],
      calcResults: [],
    });
    expect(r.claims.map((c) => [c.supported, c.reason])).toEqual([
      [true, 'framing'],
      [true, undefined],
      [true, 'states what the documents do not cover'],
      [false, 'number doubled not in cited passages or calculations'],
    ]);
  });

  it('flags a cited sentence that shares little with its quote', () => {
    const r = verifyAnswer({
      answer: 'Tourism revenues in coastal provinces collapsed because of typhoons [1].',
      citations: [cite(1, EXPORTS)],
      calcResults: [],
    });
    expect(r.claims[0]).toMatchObject({
      citations: [1],
      supported: false,
      reason: 'little overlap with cited passage',
    });
  });

  it('attaches markers written after the full stop to the sentence before', () => {
    const r = verifyAnswer({
      answer: 'Exports increased by 44.1% year-on-year. [1] That is fast.',
      citations: [cite(1, EXPORTS)],
      calcResults: [],
    });
    expect(r.claims[0]).toMatchObject({ citations: [1], supported: true });
    expect(r.claims[1]).toMatchObject({ text: 'That is fast.', citations: [] });
  });
});

describe('marker helpers', () => {
  it('rewrites markers incrementally and lists the statements citing each number', () => {
    const numbering = new MarkerNumbering((n) => n <= 3);
    expect(rewriteMarkers('A [3]. B [4]. C [1][3].', numbering)).toBe('A [1]. B. C [2][1].');
    expect(numbering.order).toEqual([3, 1]);
    expect(citingStatements('A rose [2]. B fell [2][1].')).toEqual(
      new Map([
        [2, ['A rose.', 'B fell.']],
        [1, ['B fell.']],
      ]),
    );
  });
});
