import { describe, expect, it } from 'vitest';
import { missingQuestionFigure } from '../../src/answer/offline/figure-match.js';

describe('missingQuestionFigure', () => {
  it('asks only for the year of a split fiscal year, not for its short end', () => {
    expect(
      missingQuestionFigure('What rent rise was proposed for 2025–26?', 'Rents rise by 3.5% from 1 April 2025.'),
    ).toBe(undefined);
    expect(missingQuestionFigure('What rent rise was proposed for 2025–26?', 'Rents rose by 3.1% in 2024.')).toBe(
      '2025',
    );
  });

  it('finds a number, year or century the question writes that the sentence does not give', () => {
    expect(missingQuestionFigure('How many boats sailed in 1705?', 'In 1700 about 40 boats sailed.')).toBe('1705');
    expect(missingQuestionFigure('What did the 63 keepers light?', 'The 65 keepers lit the lamps.')).toBe('63');
    expect(missingQuestionFigure('Who sold the mill in the 14th century?', 'In 1418 Ana sold the mill.')).toBe(
      '14th century',
    );
  });

  it('takes a figure set against the year before as one for the year asked', () => {
    const sentence = 'Operating profit rose to EUR 118.0 million from EUR 97.4 million in 2022.';
    expect(missingQuestionFigure('What operating profit was reported for 2023?', sentence)).toBeUndefined();
    expect(missingQuestionFigure('What operating profit was reported for 2024?', sentence)).toBe('2024');
    expect(
      missingQuestionFigure('How many visitors came in 2023?', 'Visitors were fewer than in 2022.'),
    ).toBeUndefined();
    expect(missingQuestionFigure('How many visitors came in 2023?', 'In 2022 there were 40 visitors.')).toBe('2023');
  });

  it('takes a number inside a range or bound the sentence states in the same unit as given', () => {
    const q = 'If we cancel 40 days before we arrive, do we get any money back?';
    expect(missingQuestionFigure(q, 'If you cancel between 59 and 29 days before arrival, we refund 50%.')).toBe(
      undefined,
    );
    expect(missingQuestionFigure(q, 'If you cancel 30 days or more before arrival, we refund everything.')).toBe(
      undefined,
    );
    expect(missingQuestionFigure(q, 'If you cancel 60 days or more before arrival, we refund everything.')).toBe('40');
    expect(missingQuestionFigure(q, 'If you cancel 28 days or fewer before arrival, there is no refund.')).toBe('40');
    const dose = 'What is the dose of the 500 mg tablets?';
    expect(missingQuestionFigure(dose, 'Do not take more than 6 tablets (1,500 mg) in any 24 hours.')).toBe('500');
    expect(missingQuestionFigure('What happened in 1995?', 'From 1990 to 2000 the town grew.')).toBe('1995');
  });

  it('matches the same value however the sentence writes it', () => {
    expect(missingQuestionFigure('When were 10000 lamps lit?', 'By 1883, 10,000 lamps were lit.')).toBeUndefined();
    expect(missingQuestionFigure('Who sold the mill in the 15th century?', 'In 1418 Ana sold it.')).toBeUndefined();
    expect(
      missingQuestionFigure('What was built in the 18th-century?', 'In the eighteenth century a mill was built.'),
    ).toBeUndefined();
    expect(missingQuestionFigure('What was grown in the 1620s?', 'In 1625 rye was grown.')).toBeUndefined();
    expect(missingQuestionFigure('What was grown in 1625?', 'In the 1620s rye was grown.')).toBeUndefined();
    expect(missingQuestionFigure('Who wrote the 5-year plan?', 'Ana wrote the Five-Year Plan.')).toBeUndefined();
  });

  it('leaves out claimed amounts and percentages, counts of the answers and numbers inside names', () => {
    expect(
      missingQuestionFigure('Is it true that exports were 90% of trade?', 'Exports were 50% of trade.'),
    ).toBeUndefined();
    expect(
      missingQuestionFigure('Was the mill sold for $100 million?', 'It was sold for $40 million.'),
    ).toBeUndefined();
    expect(missingQuestionFigure('What 2 rules does the charter set?', 'The charter sets rules.')).toBeUndefined();
    expect(missingQuestionFigure('What does the Π2 class hold?', 'The class holds it.')).toBeUndefined();
    expect(missingQuestionFigure('What is in Schedule 6?', 'It is in Schedule 5.')).toBe('6');
  });

  it('asks the passage for an amount given as a threshold', () => {
    const q = 'Who must approve a claim above £2,000?';
    const sentence = 'Any claim above £500 must be approved by the finance director.';
    expect(missingQuestionFigure(q, sentence, sentence)).toBe('£2,000');
    expect(missingQuestionFigure(q, sentence, `${sentence} Claims above £2,000 go to the board.`)).toBeUndefined();
    expect(missingQuestionFigure('Who approves claims under $500?', 'Small claims go to managers.')).toBeUndefined();
  });
});
