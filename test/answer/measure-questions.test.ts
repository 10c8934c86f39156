import { describe, expect, it } from 'vitest';
import { countedNoun } from '../../src/answer/grounding/question-words.js';
import { extractShortAnswer, spanCandidates } from '../../src/answer/grounding/short-answer.js';
import { missingMeasure } from '../../src/answer/offline/measure-check.js';
import { asksNamedMeasure, detectSpanType } from '../../src/answer/question/span-type.js';
import { tagText } from '../../src/language/tagger.js';
import { tokenize } from '../../src/retrieval/tokenizer.js';

/* Questions that name what they measure or count without "how much" or "how many". All sentences are fictional. */

describe('questions naming a measured quantity', () => {
  it.each([
    ['What was core inflation in March?', 'number'],
    ['What was the rainfall in Tolvey in June?', 'number'],
    ['What was the attendance at the final?', 'number'],
    ['What was the unemployment in the valley?', 'number'],
  ])('%s asks for a number', (q, type) => expect(detectSpanType(q)).toBe(type));

  it('reads a measured noun, not a kind of figure, as asking for the unit too', () => {
    expect(asksNamedMeasure('What was the rainfall in Tolvey in June?')).toBe(true);
    expect(asksNamedMeasure('What is the number of boards on the Basic plan?')).toBe(false);
  });

  it('answers with the measure and its unit, not a share of another month', () => {
    const s = 'Rainfall was 48 mm, 61% of the June average of 79 mm.';
    expect(extractShortAnswer(s, 'What was the rainfall in Tolvey in June?', 'number')?.text).toBe('48 mm');
    const share = spanCandidates(s, 'What was the rainfall in Tolvey in June?', 'number').find((c) => c.text === '61%');
    expect(share?.features.ofAsked).toBe(0);
  });
});

describe('questions counting with "the number of"', () => {
  it('answers with the count, not a price per thing counted', () => {
    const s = 'The Basic plan costs £4 per user per month, with a minimum of 5 users, and adds a shared calendar.';
    expect(extractShortAnswer(s, 'What is the minimum number of users on the Basic plan?', 'number')?.text).toBe('5');
  });

  it('counts the noun after a partitive "of the"', () => {
    const counted = (q: string) => countedNoun(tagText(q).tokens);
    expect(counted('How many of the students were girls?')).toBe('student');
    expect(counted('How many boats were built?')).toBe('boat');
  });

  it('offers no measure as the count of things a question asks for, but does for a count of units', () => {
    const s = 'Pupils in the early group fell asleep in 19 minutes, compared with 31 minutes before.';
    const spans = (q: string) =>
      spanCandidates(s, q, 'number')
        .filter((c) => c.exact)
        .map((c) => c.text);
    expect(spans('How many of the pupils fell asleep early?').some((t) => t.includes('minutes'))).toBe(false);
    expect(spans('How many minutes did pupils in the early group take to fall asleep?')).toContain('19');
  });

  it('counts the head of a noun phrase, not a noun that modifies another', () => {
    const s = 'The chain grew to 140 shops with four new shop openings in May.';
    expect(extractShortAnswer(s, 'What is the number of shops in the chain?', 'number')?.text).toBe('140');
    const openings = spanCandidates(s, 'How many shops does the chain have?', 'number').find((c) => c.text === 'four');
    expect(openings?.features.countsAsked).toBe(0);
  });
});

describe('measures named in other words', () => {
  const missing = (q: string, s: string) => missingMeasure(q, new Set(tokenize(s)));

  it('takes a noun that counts people for "people"', () => {
    expect(missing('How many people watched the final?', 'A crowd of 1,846 watched the final.')).toBeUndefined();
    expect(missing('How many people watched the final?', '1,846 spectators watched the final.')).toBeUndefined();
    expect(missing('How many people watched the final?', 'The final lasted 95 minutes.')).toBe('people');
  });

  it('takes a derived form of the measure word', () => {
    expect(missing('What was the payment to each member?', 'Each member pays £40 a year.')).toBeUndefined();
    expect(missing('What was the payment to each member?', 'Each member was given 40 tickets.')).toBe('payment');
  });
});

describe('bounds', () => {
  it('takes "up to" and "at least" for a maximum and a minimum', () => {
    const terms = new Set(tokenize('The Basic plan keeps up to 5 boards.'));
    expect(missingMeasure('What is the maximum number of boards on the Basic plan?', terms)).toBeUndefined();
    expect(missingMeasure('What is the minimum storage on the Basic plan?', terms)).toBe('storage');
  });
});
