import { describe, expect, it } from 'vitest';
import { measureWords, missingMeasure } from '../../../src/answer/offline/measure-check.js';
import { tokenize } from '../../../src/retrieval/tokenizer.js';

const words = (q: string) => measureWords(q).map((t) => t.text);
const terms = (s: string) => new Set(tokenize(s));

describe('measure words of a figure question', () => {
  it.each([
    ["What was Orlen's net income in the third quarter of 2023?", ['net', 'income']],
    ["What was Tarvia's core inflation rate in March?", ['core', 'inflation']],
    ["what was orlen's net income in q3 2023", ['net', 'income']],
    ["What was the company's net income in 2023?", ['net', 'income']],
    ['What operating margin did the lamp division achieve?', ['operating', 'margin']],
    ['How much revenue did the ferry lanes generate?', ['revenue']],
    ['How many kilometres of track were laid?', []],
    ['How many dollars did the mill earn?', []],
    ['What is the new deposit facility rate?', ['deposit', 'facility']],
    ['What is the current ferry fare?', ['ferry', 'fare']],
    ['How much was the harbour trade worth in 2020?', []],
    ['Which pilots talk about fees, and what figures do they give?', []],
  ])('%s', (q, expected) => expect(words(q)).toEqual(expected));
});

describe('missingMeasure', () => {
  it('names the first measure word a sentence lacks, by stem, or none', () => {
    const q = "What was Orlen's net income in the third quarter?";
    expect(missingMeasure(q, terms('Revenue reached $1.2 billion in the third quarter.'))).toBe('net');
    expect(missingMeasure(q, terms('Net income was $71 million in the quarter.'))).toBeUndefined();
  });

  it('tells revenue from profit, and profit from earnings alike', () => {
    const q = "What was Corrant's revenue in 2023?";
    expect(missingMeasure(q, terms('Operating profit rose to £71 million from £64 million in 2023.'))).toBe('revenue');
    expect(missingMeasure(q, terms('Turnover was £793 million in 2023.'))).toBeUndefined();
    expect(missingMeasure("What was Corrant's profit in 2023?", terms('Earnings were £64 million in 2023.'))).toBe(
      undefined,
    );
  });

  it('measures some people by a figure for people in general, not by one for things', () => {
    const q = 'How many users can edit one diagram at once?';
    expect(missingMeasure(q, terms('Up to 12 people can now edit the same diagram at the same time.'))).toBeUndefined();
    expect(missingMeasure(q, terms('Up to 12 diagrams can now be open at the same time.'))).toBe('users');
  });

  it('accepts a word of the same concept group ("size" for "volume")', () => {
    expect(
      missingMeasure('What export volume did the port reach?', terms('Exports reached a size of 3 million tonnes.')),
    ).toBeUndefined();
  });
});
