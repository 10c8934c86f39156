import { describe, expect, it } from 'vitest';
import { earlierFigure, levelFigure } from '../../src/answer/grounding/level-figures.js';
import { extractShortAnswer } from '../../src/answer/grounding/short-answer.js';

/** Sentences of a fictional results call. */
const LABELLED =
  'We ended June with 1.84 million members, up from 1.52 million a year ago and 1.79 million at the end of March.';
const BASED = 'Operating margin was 14.2%, down from 16.5%, because fuel costs rose.';

const spanOf = (sentence: string, text: string) => {
  const start = sentence.indexOf(text);
  return { text, start, end: start + text.length };
};

describe('earlierFigure', () => {
  it('takes the figure the sentence labels with the earlier period the question asks about', () => {
    const q = 'How many members did the club have a year ago?';
    expect(earlierFigure(q, LABELLED, spanOf(LABELLED, '1.79 million')).text).toBe('1.52 million');
    expect(earlierFigure(q, LABELLED, spanOf(LABELLED, '1.84 million')).text).toBe('1.52 million');
  });

  it('else takes the figure the chosen one is set against ("down from 16.5%")', () => {
    const got = earlierFigure('What was the operating margin the previous year?', BASED, spanOf(BASED, '14.2%'));
    expect(got).toEqual(spanOf(BASED, '16.5%'));
  });

  it('keeps the chosen figure when the question asks for no earlier period', () => {
    expect(earlierFigure('What was the operating margin?', BASED, spanOf(BASED, '14.2%')).text).toBe('14.2%');
    expect(earlierFigure('How many members are there?', LABELLED, spanOf(LABELLED, '1.84 million')).text).toBe(
      '1.84 million',
    );
  });

  it('keeps the chosen figure when two figures of its kind are labelled with earlier periods', () => {
    const two = 'Churn was 2.1% a year ago and 2.4% two years ago; it is now 1.7%.';
    expect(earlierFigure('What was churn a year earlier?', two, spanOf(two, '1.7%')).text).toBe('1.7%');
  });

  it('leads a short answer with the earlier figure', () => {
    expect(extractShortAnswer(LABELLED, 'How many members did the club have a year ago?', 'number')?.text).toBe(
      '1.52 million',
    );
    expect(extractShortAnswer(BASED, 'What was the operating margin a year earlier?', 'number')?.text).toBe('16.5%');
  });
});

describe('levelFigure', () => {
  const RISE = 'The fee for a family pass will rise by 6.5%, from £92.00 to £98.00 a year.';

  it('takes the level a change reaches for a question asking what the figure is', () => {
    expect(levelFigure('How much will the family pass cost?', RISE, spanOf(RISE, '6.5%')).text).toBe('£98.00');
    expect(extractShortAnswer(RISE, 'How much will the family pass fee be?', 'number')?.text).toBe('£98.00');
  });

  it('keeps the change when the question asks about one, or the figure when it is no change', () => {
    expect(levelFigure('By what percentage will the fee rise?', RISE, spanOf(RISE, '6.5%')).text).toBe('6.5%');
    expect(levelFigure('How much will the pass cost?', RISE, spanOf(RISE, '£92.00')).text).toBe('£92.00');
  });
});
