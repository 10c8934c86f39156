import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/ingest/sentences.js';

const texts = (text: string, offset = 0) => splitSentences(text, offset).map((s) => s.text);

describe('splitSentences', () => {
  it('splits on sentence punctuation followed by a capital, digit or quote', () => {
    expect(texts('Trade grew. It grew fast! Did it? "Yes," he said. 2021 was better.')).toEqual([
      'Trade grew.',
      'It grew fast!',
      'Did it?',
      '"Yes," he said.',
      '2021 was better.',
    ]);
  });

  it('never splits inside numbers', () => {
    const text =
      'Trade rose from US$164.84 billion to US$294.76 billion in 2020. Imports totaled 1.69 trillion yuan. The share rose to 44.5%. Growth was 3.5 times faster.';
    expect(texts(text)).toEqual([
      'Trade rose from US$164.84 billion to US$294.76 billion in 2020.',
      'Imports totaled 1.69 trillion yuan.',
      'The share rose to 44.5%.',
      'Growth was 3.5 times faster.',
    ]);
  });

  it('does not split after abbreviations, initials or list numbers', () => {
    const text =
      'Mr. Smith met Dr. Jones at the U.S. Treasury on Jan. 5 to discuss No. 5 vs. No. 6 among other items, e.g. Tariffs, i.e. Duties, etc. Then J. K. Rowling spoke. She left.';
    expect(texts(text)).toEqual([
      'Mr. Smith met Dr. Jones at the U.S. Treasury on Jan. 5 to discuss No. 5 vs. No. 6 among other items, e.g. Tariffs, i.e. Duties, etc. Then J. K. Rowling spoke.',
      'She left.',
    ]);
    expect(texts('1. Introduction to trade')).toEqual(['1. Introduction to trade']);
    expect(texts('He said no. Then he left.')).toEqual(['He said no.', 'Then he left.']);
  });

  it('treats a period followed by a comma or a lowercase word as inside the sentence', () => {
    expect(texts('It reduces trade costs. , the birth of new industries. From the perspective of China.')).toEqual([
      'It reduces trade costs. , the birth of new industries.',
      'From the perspective of China.',
    ]);
    expect(texts('It grew 31.1%. speed. Next one.')).toEqual(['It grew 31.1%. speed.', 'Next one.']);
  });

  it('ends a sentence at every newline and trims whitespace', () => {
    expect(texts('  Heading without period\n\nBody sentence one. Body two.  \n')).toEqual([
      'Heading without period',
      'Body sentence one.',
      'Body two.',
    ]);
  });

  it('starts a new sentence at a list bullet inside a line, and keeps a bullet at a line start with its item', () => {
    expect(texts('Costs rose by: • an increase of $5 million; • a fall of 2% in fees.\n• A bullet line.')).toEqual([
      'Costs rose by:',
      '• an increase of $5 million;',
      '• a fall of 2% in fees.',
      '• A bullet line.',
    ]);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(texts('He said "stop." Then left. It was “done.” Next.')).toEqual([
      'He said "stop."',
      'Then left.',
      'It was “done.”',
      'Next.',
    ]);
    expect(texts('Really?! Yes.')).toEqual(['Really?!', 'Yes.']);
  });

  it('splits CJK text without spaces, with exact offsets', () => {
    const text = '数字贸易发展迅速。跨境电商增长了31.1%！这是真的吗？是的。';
    const spans = splitSentences(text, 10);
    expect(spans.map((s) => s.text)).toEqual(['数字贸易发展迅速。', '跨境电商增长了31.1%！', '这是真的吗？', '是的。']);
    for (const s of spans) expect(text.slice(s.start - 10, s.end - 10)).toBe(s.text);
    expect(spans[0]!.start).toBe(10);
    expect(spans[3]!.end).toBe(10 + text.length);
  });

  it('keeps CJK closing quotes and brackets with the sentence', () => {
    expect(texts('他说：“很好。”然后离开了。「是吗？」她问。')).toEqual([
      '他说：“很好。”',
      '然后离开了。',
      '「是吗？」',
      '她问。',
    ]);
  });

  it('returns absolute offsets that slice back to the sentence', () => {
    const text = '  First one. Second one!\nThird one?  ';
    const offset = 1234;
    const spans = splitSentences(text, offset);
    expect(spans).toHaveLength(3);
    for (const s of spans) {
      expect(text.slice(s.start - offset, s.end - offset)).toBe(s.text);
      expect(s.text).toBe(s.text.trim());
    }
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n \t')).toEqual([]);
  });

  it('splits the real corpus without breaking numbers', () => {
    const raw = readFileSync(new URL('../../corpus/digital-trade-interview.md', import.meta.url), 'utf8');
    const spans = splitSentences(raw);
    for (const s of spans) expect(raw.slice(s.start, s.end)).toBe(s.text);
    for (const needle of [
      'US$294.76 billion',
      '1.69 trillion yuan',
      '44.5%',
      'US$164.84 billion',
      'US$54.56 billion',
    ]) {
      for (let at = raw.indexOf(needle); at !== -1; at = raw.indexOf(needle, at + 1)) {
        const inside = spans.some(
          (s) => (s.start > at && s.start < at + needle.length) || (s.end > at && s.end < at + needle.length),
        );
        expect(inside, needle).toBe(false);
      }
    }
    expect(spans.some((s) => s.text.startsWith(', the birth'))).toBe(false);
    expect(spans.some((s) => s.text.startsWith('com'))).toBe(false);
  });
});
