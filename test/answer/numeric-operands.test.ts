import { describe, expect, it } from 'vitest';
import type { EvidenceSentence } from '../../src/answer/offline/evidence.js';
import { amountPair, type Figure } from '../../src/answer/offline/numeric-operands.js';
import { yearPercentPair } from '../../src/answer/offline/percent-operands.js';
import type { QuestionAnalysis } from '../../src/answer/question/question.js';
import { extractClaims } from '../../src/numbers/index.js';

/** The figures of fictional sentences, ranked in the order given, as operand pickers see them. */
function figuresOf(...texts: string[]): Figure[] {
  return texts.flatMap((text, rank) => {
    const figures = extractClaims(text, 0);
    const years = figures.filter((f) => f.unit === 'year').map((f) => f.value);
    const source = { text, start: 0, end: text.length, figures, years } as unknown as EvidenceSentence;
    return figures.map((f) => ({ ...f, source, rank }));
  });
}

const asking = (years: number[]) => ({ years }) as unknown as QuestionAnalysis;

describe('yearPercentPair', () => {
  it('pairs two percentages dated with the question’s years, earlier year first', () => {
    const pair = yearPercentPair(asking([2022, 2023]), figuresOf('Churn was 3.1% in 2023 and 2.7% in 2022.'));
    expect(pair?.map((f) => f.value)).toEqual([2.7, 3.1]);
  });

  it('takes a sentence’s only undated percentage for the other year it writes', () => {
    const figs = figuresOf(
      'The fee went from 4.75% to 4.50%.',
      'Leakage fell to 14.8% of the water put into supply in 2023, from 18.1% in 2022.',
    );
    const pair = yearPercentPair(asking([2022, 2023]), figs);
    expect(pair?.map((f) => [f.value, f.year])).toEqual([
      [18.1, 2022],
      [14.8, 2023],
    ]);
  });

  it('pairs nothing when the sentence does not write the other year or has more percentages than two', () => {
    expect(yearPercentPair(asking([2022, 2023]), figuresOf('Leakage fell to 14.8%, from 18.1% in 2022.'))).toBeNull();
    expect(
      yearPercentPair(asking([2022, 2023]), figuresOf('In 2023 it was 14.8% and 9.1%, from 18.1% in 2022.')),
    ).toBeNull();
    expect(yearPercentPair(asking([2023]), figuresOf('It was 14.8% in 2023, from 18.1% in 2021.'))).toBeNull();
  });

  it('for one year asked, pairs its percentage with the year before when the sentence writes it', () => {
    const pair = yearPercentPair(asking([2023]), figuresOf('It was 14.8% in 2023, from 18.1% in 2022.'));
    expect(pair?.map((f) => [f.value, f.year])).toEqual([
      [18.1, 2022],
      [14.8, 2023],
    ]);
  });
});

describe('amountPair', () => {
  it('for one year asked, sets a sentence’s only undated amount against the one dated the year before', () => {
    const figs = figuresOf('Revenue was $412.8 million, compared with $351.6 million in the second quarter of 2024.');
    expect(amountPair(asking([2025]), figs)?.map((f) => [f.value, f.year])).toEqual([
      [351.6, 2024],
      [412.8, 2025],
    ]);
    expect(amountPair(asking([2026]), figs)).toBeNull();
  });
});
