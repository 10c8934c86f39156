import { describe, expect, it } from 'vitest';
import { type LabelledFigure, labelledFigure, labelTerms } from '../../src/answer/grounding/figure-labels.js';
import { extractShortAnswer } from '../../src/answer/grounding/short-answer.js';
import { extractClaims, isCheckable } from '../../src/numbers/index.js';

/** The figures of a fictional sentence, as operand pairing reads them. */
const figuresOf = (text: string): LabelledFigure[] =>
  extractClaims(text)
    .filter(isCheckable)
    .map((f) => ({ ...f, sentenceText: text, sentenceStart: 0, rank: 0 }));

const span = (text: string, figure: string) => {
  const start = text.indexOf(figure);
  return { text: figure, start, end: start + figure.length };
};

describe('labelTerms', () => {
  it('keeps whole words at the edges of a label', () => {
    const text = 'The Harbour store network grew to 230 with three new store openings.';
    const [network, three] = figuresOf(text);
    expect([...labelTerms(network!, figuresOf(text))]).toContain('network');
    const split = 'Rates were 48.6% in the treatment group and 31.2% in the control group.';
    const figs = figuresOf(split);
    expect([...labelTerms(figs[1]!, figs)]).not.toContain('treatment');
    expect(three).toBeDefined();
  });
});

describe('labelledFigure', () => {
  const text = 'The response rate was 48.6% in the treatment arm and 31.2% in the placebo arm.';

  it('takes the figure the question’s own words label over one they do not', () => {
    expect(labelledFigure('What was the response rate in the treatment arm?', text, span(text, '31.2%')).text).toBe(
      '48.6%',
    );
    expect(labelledFigure('What was the response rate in the placebo arm?', text, span(text, '48.6%')).text).toBe(
      '31.2%',
    );
  });

  it('keeps the chosen figure when it carries a word of the question or nothing tells the figures apart', () => {
    expect(labelledFigure('What was the response rate with placebo?', text, span(text, '31.2%')).text).toBe('31.2%');
    expect(labelledFigure('What was the response rate?', text, span(text, '31.2%')).text).toBe('31.2%');
  });

  it('leads the short answer of a figure question', () => {
    const s = 'Churn was 2.1% on the Business plan and 3.4% on the Starter plan in 2024.';
    expect(extractShortAnswer(s, 'What was churn on the Business plan in 2024?', 'number')?.text).toBe('2.1%');
    expect(extractShortAnswer(s, 'What was churn on the Starter plan in 2024?', 'number')?.text).toBe('3.4%');
  });
});
