import { describe, expect, it } from 'vitest';
import { resolveFollowUp } from '../../src/answer/question/followup.js';

const history = [
  { role: 'user' as const, content: 'What was the percentage change in net sales between 2022 and 2023?' },
  { role: 'assistant' as const, content: 'Net sales decreased by 6.4% [1].' },
];

describe('follow-up resolution', () => {
  it.each([
    'How many production staff were there in 2023?',
    'What is EBITDA?',
    'Which region had the most stores in 2022?',
  ])('reads a whole question as its own: %s', (question) => {
    const r = resolveFollowUp(question, history);
    expect(r.isFollowUp).toBe(false);
    expect(r.analysis.factual).toBe(question);
  });

  it.each(['And in 2021?', 'How many were there?', 'What about exports?', 'Who said that?'])(
    'joins a fragment or a pointer back to the previous turn: %s',
    (question) => {
      expect(resolveFollowUp(question, history).isFollowUp).toBe(true);
    },
  );
});
