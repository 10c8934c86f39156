import { describe, expect, it } from 'vitest';
import { extractShortAnswer, spanCandidates } from '../../src/answer/grounding/short-answer.js';

/* Quoted texts as short answers. All sentences are fictional. */

describe('quoted texts', () => {
  it('offers a quoted term whole, though the tagger finds no noun in it, without its closing punctuation', () => {
    const s = 'Settlers who stayed on the island joined the guild and were called "late comers".';
    const quoted = spanCandidates(s, 'What were the settlers who stayed called?', 'thing').find(
      (c) => c.text === 'late comers',
    );
    expect(quoted?.features.inQuotes).toBe(1);
    const symbol = 'Its shares trade on the Veldt Exchange under the symbol “VLDQ.”';
    expect(spanCandidates(symbol, 'What is the symbol of the shares?', 'thing').map((c) => c.text)).toContain('VLDQ');
  });

  it('answers with the quoted name a "known as" question asks for', () => {
    const s = 'The island settlers joined the guild and were called "fresh converts".';
    expect(extractShortAnswer(s, 'What were the island settlers known as?', 'thing')?.text).toBe('fresh converts');
  });

  it('reads single quotation marks, but not an apostrophe, as quoting', () => {
    const s = "Logistics' revenue rose and the firm's 'Quick Ship' plan grew.";
    const got = spanCandidates(s, 'Which plan grew?', 'thing');
    expect(got.find((c) => c.text === 'Quick Ship')?.features.inQuotes).toBe(1);
    expect(got.some((c) => c.text.includes('revenue rose') && c.features.inQuotes === 1)).toBe(false);
  });

  it('leaves a long quoted remark to the noun phrases in it', () => {
    const s = 'The mayor said "we will rebuild the old harbour wall before the winter storms arrive next year".';
    const got = spanCandidates(s, 'What will be rebuilt?', 'thing').map((c) => c.text);
    expect(got.some((t) => t.startsWith('we will'))).toBe(false);
  });
});
