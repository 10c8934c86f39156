import { stopwords } from '@orama/stopwords/english';
import { describe, expect, it } from 'vitest';
import { isFiller, QUESTION_FILLER } from '../../src/answer/question/vocabulary.js';
import { matchSpeakerLabel } from '../../src/ingest/speaker-label.js';
import { FALL_WORDS, pastForms, RISE_VERBS, RISE_WORDS, verbForms } from '../../src/language/direction-words.js';
import { APOSTROPHE_FREE_NEGATIONS, FUNCTION_WORDS, functionWords } from '../../src/language/function-words.js';
import { roleOf } from '../../src/numbers/claims/context.js';
import { extractClaims } from '../../src/numbers/claims/extract.js';
import { conceptTable } from '../../src/retrieval/concepts.js';
import {
  STOPWORDS,
  stem,
  TOKENIZER_EXTRA_STOPWORDS,
  TOKENIZER_KEPT_WORDS,
  tokenize,
} from '../../src/retrieval/tokenizer.js';

const plainWords = stopwords.filter((w) => !w.includes("'"));

describe('FUNCTION_WORDS', () => {
  it('holds the maintained English list and the article it leaves out', () => {
    for (const w of stopwords) expect(FUNCTION_WORDS.has(w)).toBe(true);
    expect(FUNCTION_WORDS.has('a')).toBe(true);
    expect(FUNCTION_WORDS.has('growth')).toBe(false);
  });

  it('derives a consumer set with additions and kept words, leaving the source alone', () => {
    const words = functionWords({ add: ['thing'], keep: ['the'] });
    expect(words.has('thing')).toBe(true);
    expect(words.has('the')).toBe(false);
    expect(FUNCTION_WORDS.has('the')).toBe(true);
    expect(FUNCTION_WORDS.has('thing')).toBe(false);
  });

  it('spells only the negative contractions without an apostrophe', () => {
    expect(APOSTROPHE_FREE_NEGATIONS).toEqual(expect.arrayContaining(['dont', 'isnt', 'doesnt', 'wont']));
    for (const word of ['hell', 'ill', 'shell', 'wed', 'id']) expect(APOSTROPHE_FREE_NEGATIONS).not.toContain(word);
  });
});

describe('tokenizer stop words', () => {
  it('drops every function word of the maintained list except the kept ones', () => {
    for (const w of plainWords) expect(tokenize(w)).toEqual(TOKENIZER_KEPT_WORDS.includes(w) ? [stem(w)] : []);
  });

  it('keeps "us", "up", "down", "no" and the threshold words "above", "below", "under", "over" as terms', () => {
    expect(tokenize('up us down no')).toEqual(['up', 'us', 'down', 'no']);
    expect(tokenize('claims above 500 and under 200')).toEqual(['claim', stem('above'), '500', 'under', '200']);
    for (const w of TOKENIZER_KEPT_WORDS) expect(STOPWORDS.has(w)).toBe(false);
  });

  it('drops its own extra stop words and negative contractions however they are typed', () => {
    for (const w of TOKENIZER_EXTRA_STOPWORDS) expect(STOPWORDS.has(w)).toBe(true);
    expect(tokenize("exports also didn't doesnt don’t grow much")).toEqual(['export', 'grow']);
  });
});

describe('question filler', () => {
  it('counts every function word as filler', () => {
    for (const w of FUNCTION_WORDS) expect(QUESTION_FILLER.has(w)).toBe(true);
    expect(isFiller('because')).toBe(true);
    expect(isFiller('Themselves')).toBe(true);
  });

  it('keeps topic words', () => {
    expect(isFiller('exports')).toBe(false);
    expect(isFiller('unemployment')).toBe(false);
  });
});

describe('speaker labels', () => {
  it('rejects a label that opens with a function word', () => {
    expect(matchSpeakerLabel('She Said: nothing')).toBeNull();
    expect(matchSpeakerLabel('Because Of This: we left')).toBeNull();
  });

  it('accepts names spelled like function words', () => {
    expect(matchSpeakerLabel('Will Hutton: Thank you')?.name).toBe('Will Hutton');
    expect(matchSpeakerLabel('May Chen: Yes')?.name).toBe('May Chen');
  });
});

describe('direction words', () => {
  const role = (sentence: string) => roleOf(extractClaims(sentence).find((c) => c.unit === '%')!);

  it('marks figures after any form of a rise or fall verb as changes', () => {
    expect(role('Exports climbed 4% in 2021.')).toEqual({ role: 'growth', decrease: false });
    expect(role('Imports were shrinking 2% a year.')).toEqual({ role: 'growth', decrease: true });
    expect(role('Sales were down 3% on the year.')).toEqual({ role: 'growth', decrease: true });
  });

  it('lists every form of each verb and its past forms', () => {
    expect(verbForms(RISE_VERBS)).toEqual(expect.arrayContaining(['rise', 'rises', 'rose', 'risen', 'rising']));
    expect(pastForms(RISE_VERBS)).toEqual(expect.arrayContaining(['grew', 'grown', 'rose']));
    expect(pastForms(RISE_VERBS)).not.toContain('grow');
    expect(RISE_WORDS.filter((w) => FALL_WORDS.includes(w))).toEqual([]);
  });

  it('puts every form of a rise verb in the same concept group', () => {
    const group = conceptTable().get(stem('increase'))!;
    for (const w of ['rose', 'grew', 'climbing']) expect(conceptTable().get(stem(w))).toEqual(group);
  });
});
