import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHUNKER_VERSION, chunkDocument, countWords } from '../../src/ingest/chunker.js';
import { splitSentences } from '../../src/ingest/sentences.js';
import type { Chunk, SourceDocument } from '../../src/types.js';
import { loadInterview, QUESTIONS } from './corpus-doc.js';

const NUMBERS = ['US$294.76 billion', '1.69 trillion yuan', '44.5%', 'US$164.84 billion', '47.4%', 'US$54.56 billion'];

function occurrences(text: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) at.push(i);
  return at;
}

function cutsInside(cuts: number[], text: string, needle: string): boolean {
  return occurrences(text, needle).some((at) => cuts.some((c) => c > at && c < at + needle.length));
}

function expectWellFormed(doc: SourceDocument, chunks: Chunk[]): void {
  let previousEnd = 0;
  chunks.forEach((c, i) => {
    expect(doc.text.slice(c.start, c.end)).toBe(c.text);
    expect(c.text).toBe(c.text.trim());
    expect(c.ordinal).toBe(i);
    expect(c.docId).toBe(doc.docId);
    expect(c.title).toBe(doc.title);
    expect(c.start).toBeGreaterThanOrEqual(previousEnd);
    previousEnd = c.end;
  });
  expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
}

describe('chunkDocument on the interview', () => {
  let doc: SourceDocument;
  let chunks: Chunk[];
  const containing = (s: string) => {
    const found = chunks.filter((c) => c.text.includes(s));
    expect(found, s).toHaveLength(1);
    return found[0]!;
  };
  beforeAll(async () => {
    doc = await loadInterview();
    chunks = chunkDocument(doc);
  });

  it('produces verbatim, ordered chunks with unique ids', () => {
    expect(chunks.length).toBeGreaterThan(5);
    expectWellFormed(doc, chunks);
  });

  it('derives ids from a content hash, stable across runs', async () => {
    for (const c of chunks) {
      expect(c.id).toMatch(/^[0-9a-f]{16}$/);
      expect(c.id).toBe(createHash('sha256').update(`${doc.docId}\n${c.text}`).digest('hex').slice(0, 16));
    }
    const again = chunkDocument(await loadInterview());
    expect(again.map((c) => c.id)).toEqual(chunks.map((c) => c.id));
    expect(typeof CHUNKER_VERSION).toBe('string');
  });

  it('attributes passages to the right speaker', () => {
    expect(containing('US$294.76 billion in 2020, an increase of 47.4%').speaker).toBe('Wei Hao');
    expect(containing('The central government proposes to support Beijing').speaker).toBe('Wei Hao');
    expect(containing('First of all, cross-border e-commerce is thriving').speaker).toBe('Chen Hongna');
    expect(containing('from US$164.84 billion in 2011 to US$294.76 billion in 2020').speaker).toBe('Chen Hongna');
    expect(containing('has exceeded 50%').speaker).toBe('Chen Jin');
    expect(containing('Digital trade is a major focus')).toMatchObject({ speaker: null, section: null });
  });

  it('uses the two interviewer questions as sections and never the interviewer as speaker', () => {
    expect(new Set(chunks.map((c) => c.section))).toEqual(new Set([null, ...QUESTIONS]));
    expect(chunks.some((c) => c.speaker === 'China Economic Times')).toBe(false);
    expect(chunks.some((c) => c.text.includes('China Economic Times:'))).toBe(false);
    expect(chunks.some((c) => c.text.startsWith('Create a digital trade demonstration zone'))).toBe(false);
    expect(containing('First of all, cross-border').section).toBe(QUESTIONS[1]);
    expect(containing('The central government proposes to support Beijing').section).toBe(QUESTIONS[0]);
  });

  it('keeps speaker labels in the chunk text and starts each turn with its label', () => {
    for (const name of ['Li Jun', 'Chen Jin', 'Wei Hao', 'Chen Hongna']) {
      const turns = chunks.filter((c) => c.text.startsWith(`${name}: `));
      expect(turns, name).toHaveLength(2);
      for (const t of turns) expect(t.speaker).toBe(name);
    }
  });

  it('never cuts a chunk or a sentence inside a number', () => {
    const chunkCuts = chunks.flatMap((c) => [c.start, c.end]);
    const sentenceCuts = chunks.flatMap((c) => splitSentences(c.text, c.start).flatMap((s) => [s.start, s.end]));
    for (const n of NUMBERS) {
      expect(occurrences(doc.text, n).length, n).toBeGreaterThan(0);
      expect(cutsInside(chunkCuts, doc.text, n), n).toBe(false);
      expect(cutsInside(sentenceCuts, doc.text, n), n).toBe(false);
    }
  });

  it('sizes chunks within 60–220 words except a whole short turn', () => {
    const outside = chunks.filter((c) => countWords(c.text) < 60 || countWords(c.text) > 220);
    expect(outside.map((c) => [c.speaker, c.section])).toEqual([['Chen Jin', QUESTIONS[1]]]);
    const turn = outside[0]!;
    expect(turn.text.startsWith('Chen Jin: Judging from the development situation')).toBe(true);
    expect(doc.text.slice(turn.end).trimStart().startsWith('Wei Hao:')).toBe(true);
    expect(countWords(turn.text)).toBeLessThan(60);
  });

  it('splits long paragraphs at sentence boundaries when maxWords is small', () => {
    const small = chunkDocument(doc, { minWords: 30, maxWords: 80 });
    expectWellFormed(doc, small);
    const sentenceEnds = new Set(splitSentences(doc.text).map((s) => s.end));
    const sentenceStarts = new Set(splitSentences(doc.text).map((s) => s.start));
    for (const c of small) {
      expect(countWords(c.text)).toBeLessThanOrEqual(80);
      expect(sentenceStarts.has(c.start), c.text.slice(0, 40)).toBe(true);
      expect(sentenceEnds.has(c.end), c.text.slice(-40)).toBe(true);
    }
    const cuts = small.flatMap((c) => [c.start, c.end]);
    for (const n of NUMBERS) expect(cutsInside(cuts, doc.text, n), n).toBe(false);
    expect(small.find((c) => c.text.includes('US$294.76 billion in 2020, an increase'))?.speaker).toBe('Wei Hao');
  });

  it('merges short tails within the same speaker and section only', () => {
    const small = chunkDocument(doc, { minWords: 30, maxWords: 80 });
    for (let i = 1; i < small.length; i++) {
      const [a, b] = [small[i - 1]!, small[i]!];
      const sameGroup = a.speaker === b.speaker && a.section === b.section;
      const merged = countWords(doc.text.slice(a.start, b.end));
      if (sameGroup && (countWords(a.text) < 30 || countWords(b.text) < 30)) expect(merged).toBeGreaterThan(80);
    }
  });

  it('rejects invalid sizes', () => {
    expect(() => chunkDocument(doc, { minWords: 300, maxWords: 200 })).toThrow(/Invalid chunk size/);
    expect(() => chunkDocument(doc, { maxWords: 0 })).toThrow(/Invalid chunk size/);
  });
});

describe('chunkDocument on other text', () => {
  const make = (text: string, extra: Partial<SourceDocument> = {}): SourceDocument => ({
    docId: 'x',
    title: 'X',
    path: 'x.txt',
    format: 'txt',
    text,
    ...extra,
  });

  it('chunks a Chinese interview by characters', () => {
    const sentence = (i: number) =>
      `数字贸易第${i}项指标在二〇二〇年增长了31.${i}%，跨境电商继续快速发展，带动了服务贸易的整体提升。`;
    const long = Array.from({ length: 20 }, (_, i) => sentence(i)).join('');
    const text = `数字贸易访谈\n记者：数字贸易发展得怎么样？\n李军：${long}\n陈红娜：总体来看发展较快。\n记者：下一步怎么做？\n李军：继续扩大开放。`;
    const doc = make(text, { title: '数字贸易访谈', interviewer: '记者', language: 'zh' });
    const chunks = chunkDocument(doc);
    expectWellFormed(doc, chunks);
    const li = chunks.filter((c) => c.speaker === '李军' && c.section === '数字贸易发展得怎么样？');
    expect(li.length).toBeGreaterThanOrEqual(2);
    for (const c of li) {
      expect(countWords(c.text)).toBeGreaterThanOrEqual(60);
      expect(countWords(c.text)).toBeLessThanOrEqual(220);
      expect(c.text.endsWith('。')).toBe(true);
    }
    expect(li[0]!.text.startsWith('李军：')).toBe(true);
    expect(chunks.map((c) => c.speaker)).toEqual([...li.map(() => '李军'), '陈红娜', '李军']);
    expect(chunks.at(-1)).toMatchObject({ text: '李军：继续扩大开放。', section: '下一步怎么做？' });
    expect(countWords('数字贸易')).toBe(2);
  });

  it('splits an unpunctuated run-on sentence between words, never inside numbers', () => {
    const words = Array.from({ length: 500 }, (_, i) => (i % 7 === 0 ? `US$${i}.25` : `word${i}`));
    const doc = make(words.join(' '));
    const chunks = chunkDocument(doc);
    expectWellFormed(doc, chunks);
    for (const c of chunks) {
      expect(countWords(c.text)).toBeLessThanOrEqual(220);
      expect(c.text).toMatch(/^(?:word|US\$)\d+/);
      expect(c.text).toMatch(/(?:word\d+|US\$\d+\.25)$/);
    }
    expect(chunks.map((c) => c.text).join(' ')).toBe(doc.text);
  });

  it('gives repeated passages distinct ids', () => {
    const para = 'Ann Lee: The same answer is given twice in this transcript.';
    const doc = make(`Host: First?\n${para}\nHost: Second?\n${para}`, { interviewer: 'Host' });
    const chunks = chunkDocument(doc);
    expect(chunks.map((c) => c.text)).toEqual([para, para]);
    expect(chunks[0]!.id).not.toBe(chunks[1]!.id);
  });

  it('returns no chunks for a document without body text', () => {
    expect(chunkDocument(make('X'))).toEqual([]);
  });
});

describe('countWords', () => {
  it('counts words, numbers and CJK characters', () => {
    expect(countWords('US$294.76 billion, an increase of 47.4%')).toBe(6);
    expect(countWords('cross-border e-commerce')).toBe(2);
    expect(countWords('跨境电商增长了31.1%！')).toBe(5);
    expect(countWords('  — ')).toBe(0);
  });
});
