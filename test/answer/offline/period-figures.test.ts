import { describe, expect, it } from 'vitest';
import type { EvidenceSentence } from '../../../src/answer/offline/evidence.js';
import { figuresForYears } from '../../../src/answer/offline/period-figures.js';
import { writtenYears } from '../../../src/answer/question/question.js';
import { extractClaims, isCheckable } from '../../../src/numbers/index.js';

/** A fictional sentence as evidence: its text and checkable figures, at offset 0. */
function sentence(text: string): EvidenceSentence {
  return { text, start: 0, figures: extractClaims(text, 0).filter(isCheckable) } as unknown as EvidenceSentence;
}
const texts = (s: EvidenceSentence, years: number[]) => figuresForYears(s, years)?.map((f) => f.text) ?? null;

describe('figuresForYears', () => {
  const listed = sentence(
    'Mooring fees were $4.2 million and $3.9 million for the years ended June 30, 2024 and 2023, respectively.',
  );

  it('pairs a list of figures with the years the sentence lists, in the order asked', () => {
    expect(texts(listed, [2024, 2023])).toEqual(['$4.2 million', '$3.9 million']);
    expect(texts(listed, [2023, 2024])).toEqual(['$3.9 million', '$4.2 million']);
  });

  it('takes one figure for each year the sentence dates', () => {
    const dated = sentence('Fictional ferry fees were $4.2 million in 2024, against $3.9 million in 2023.');
    expect(texts(dated, [2023, 2024])).toEqual(['$3.9 million', '$4.2 million']);
  });

  it('finds none when the years are not all told apart', () => {
    expect(texts(listed, [2024, 2022])).toBeNull();
    expect(texts(sentence('Fees rose to $4.2 million in 2024.'), [2024, 2023])).toBeNull();
  });

  it('picks the one asked year out of a respectively list, and leaves a single dated year to the short answer', () => {
    const three = sentence(
      'Depreciation was $2.5 million, $2.6 million and $2.4 million in 2024, 2023 and 2022, respectively.',
    );
    expect(texts(three, [2023])).toEqual(['$2.6 million']);
    expect(texts(listed, [2024])).toEqual(['$4.2 million']);
    expect(texts(sentence('Fictional ferry fees were $4.2 million in 2024.'), [2024])).toBeNull();
  });
});

describe('writtenYears', () => {
  it('lists the years in the order written, each once, not other four-digit numbers', () => {
    expect(writtenYears('In 2019 and 2018, 1,500 staff (of 2019) worked 1200 shifts.')).toEqual([2019, 2018]);
  });
});
