import { describe, expect, it } from 'vitest';
import { parseTatqa, type TatqaQuestion } from '../../../src/eval/datasets/tatqa/dataset.js';
import {
  failedQuestion,
  formatScaled,
  goldText,
  scoreQuestion,
} from '../../../src/eval/datasets/tatqa/score-question.js';
import {
  decimalsOf,
  goldTolerance,
  multiSpanExactMatch,
  multiSpanF1,
  normalizeTatqa,
  numberCorrect,
  spanExactMatch,
  spanF1,
  splitPredictedSpans,
  valueCorrect,
} from '../../../src/eval/datasets/tatqa/tatqa-score.js';
import { check, response } from '../fixtures.js';
import { FICTIONAL_TATQA } from './fictional-tatqa.js';

const qs = new Map(parseTatqa(FICTIONAL_TATQA, 'f.json').questions.map((q) => [q.uid, q]));
const q = (id: string) => qs.get(id) as TatqaQuestion;
const short = (text: string) => ({ text, citation: 1, start: 0, end: text.length });
const gold = (value: number, scale: '' | 'thousand' | 'million' | 'billion' | 'percent', text = String(value)) => ({
  value,
  scale,
  text,
});

describe('numbers: rounding, scale and sign', () => {
  it('takes the tolerance from the gold decimals, at least 0.005', () => {
    expect(decimalsOf('12.50')).toBe(2);
    expect(decimalsOf('3')).toBe(0);
    expect(decimalsOf('1e-7')).toBe(7);
    expect(goldTolerance('250')).toBe(0.5);
    expect(goldTolerance('-17.1')).toBeCloseTo(0.05, 12);
    expect(goldTolerance('0.12345')).toBe(0.005);
  });

  it('accepts a prediction within half a unit of the gold last decimal', () => {
    expect(numberCorrect({ value: -17.073170731, scale: 'percent' }, gold(-17.07, 'percent'))).toBe(true);
    expect(numberCorrect({ value: -17.076, scale: 'percent' }, gold(-17.07, 'percent'))).toBe(false);
    expect(numberCorrect({ value: 250.4, scale: 'thousand' }, gold(250, 'thousand'))).toBe(true);
    expect(numberCorrect({ value: 250.6, scale: 'thousand' }, gold(250, 'thousand'))).toBe(false);
    expect(numberCorrect({ value: 0.1249, scale: '' }, gold(0.12345, '', '0.12345'))).toBe(true);
  });

  it('compares absolute values across scales, percent only with percent', () => {
    expect(numberCorrect({ value: 0.25, scale: 'million' }, gold(250, 'thousand'))).toBe(true);
    expect(numberCorrect({ value: 250000, scale: '' }, gold(250, 'thousand'))).toBe(true);
    expect(numberCorrect({ value: 250, scale: '' }, gold(250, 'thousand'))).toBe(false);
    expect(numberCorrect({ value: 1.3, scale: 'billion' }, gold(1300, 'million'))).toBe(true);
    expect(numberCorrect({ value: 25, scale: '' }, gold(25, 'percent'))).toBe(false);
    expect(numberCorrect({ value: 25, scale: 'percent' }, gold(25, ''))).toBe(false);
  });

  it('includes the sign', () => {
    expect(numberCorrect({ value: 17.07, scale: 'percent' }, gold(-17.07, 'percent'))).toBe(false);
    expect(numberCorrect({ value: -250, scale: 'thousand' }, gold(-250, 'thousand'))).toBe(true);
  });

  it('valueCorrect ignores scale', () => {
    expect(valueCorrect(250, gold(250, 'thousand'))).toBe(true);
    expect(valueCorrect(0.25, gold(250, 'thousand'))).toBe(false);
  });
});

describe('span normalisation, EM and F1', () => {
  it('lower-cases, drops punctuation (not inside numbers), articles and currency; reads numbers as numbers', () => {
    expect(normalizeTatqa('The Harrowgate workshop, closed.')).toBe('harrowgate workshop closed');
    expect(normalizeTatqa('$1,496.50')).toBe('1496.5');
    expect(normalizeTatqa('(361)')).toBe('-361');
    expect(normalizeTatqa('US$ (1,234)')).toBe('-1234');
    expect(normalizeTatqa('18.5%')).toBe('18.5');
    expect(normalizeTatqa('time-and-material type')).toBe('time and material type');
    expect(normalizeTatqa('contract’s fee')).toBe('contracts fee');
    expect(normalizeTatqa('2019.')).toBe('2019');
  });

  it('span: exact match against any gold, F1 the best token F1', () => {
    expect(
      spanExactMatch(
        'the Harrowgate workshop was closed for four months while its roof was rebuilt.',
        q('bm-span').spans,
      ),
    ).toBe(1);
    expect(spanExactMatch('12400', ['12,400'])).toBe(1);
    expect(spanExactMatch('$12,400.0', ['12,400'])).toBe(1);
    expect(spanExactMatch('12,401', ['12,400'])).toBe(0);
    expect(spanExactMatch('', ['x'])).toBe(0);
    expect(spanF1('Harrowgate workshop was closed', q('bm-span').spans)).toBeCloseTo(
      (2 * 1 * (4 / 12)) / (1 + 4 / 12),
      10,
    ); // 4 of the 12 gold tokens ("the" dropped)
    expect(spanF1('Kettleby', ['Kettleby pier', 'Kettleby'])).toBe(1);
  });

  it('multi-span: splits on ; , and "and" (unless the golds contain them) and compares sets', () => {
    const golds = q('bm-multi').spans;
    expect(splitPredictedSpans('Ilsa Brandt and Oswin Tarrel', golds)).toEqual(['Ilsa Brandt', 'Oswin Tarrel']);
    expect(multiSpanExactMatch('Oswin Tarrel; Ilsa Brandt', golds)).toBe(1);
    expect(multiSpanExactMatch('Ilsa Brandt, Oswin Tarrel', golds)).toBe(1);
    expect(multiSpanExactMatch('Ilsa Brandt', golds)).toBe(0);
    expect(multiSpanExactMatch('Ilsa Brandt, Oswin Tarrel and Kettleby', golds)).toBe(0);
    expect(splitPredictedSpans('Smith, Jones and Co; Bell', ['Smith, Jones and Co'])).toEqual([
      'Smith, Jones and Co',
      'Bell',
    ]);
    expect(multiSpanF1('Ilsa Brandt', golds)).toBeCloseTo((2 * 1 * 0.5) / 1.5, 10);
    expect(multiSpanF1('', golds)).toBe(0);
  });
});

describe('scoreQuestion', () => {
  it('scores a number from a computed check, in its scale', () => {
    const r = scoreQuestion(
      q('bm-ratio'),
      response({ answer: 'Repairs fell 17.07% [1].', checks: [check(-17.0731707, '-17.07%')] }),
      5,
    );
    expect(r).toMatchObject({
      correct: true,
      passed: true,
      numberCorrect: true,
      source: 'check',
      predictedNumber: { value: -17.0731707, scale: 'percent' },
      form: 'change-ratio',
      why: null,
      exactMatch: null,
    });
  });

  it('falls back to the text, and says when only the scale or the sign is wrong', () => {
    const scale = scoreQuestion(q('bm-diff'), response({ answer: 'Clock sales rose by 250 [1].' }), 5);
    expect(scale).toMatchObject({ correct: false, numberCorrect: true, source: 'text', prediction: '250' });
    expect(scale.why).toBe('number right, scale wrong: 250 (answer text); expected 250 thousand');
    const sign = scoreQuestion(q('bm-ratio'), response({ answer: 'It rose 17.07% [1].' }), 5);
    expect(sign.why).toMatch(/^sign wrong: 17\.07% \(answer text\); expected -17\.07%/);
    const right = scoreQuestion(q('bm-diff'), response({ answer: 'Clock sales rose by £250 thousand [1].' }), 5);
    expect(right).toMatchObject({ correct: true, numberCorrect: true, prediction: '250 thousand' });
  });

  it('counts an answer without a number and an abstention as wrong', () => {
    expect(scoreQuestion(q('bm-count'), response({ answer: 'Ilsa Brandt [1].' }), 5)).toMatchObject({
      correct: false,
      numberCorrect: false,
      source: 'none',
      why: 'no number in the answer; expected 2',
    });
    expect(scoreQuestion(q('bm-count'), response({ answer: 'Two people: 2 [1].' }), 5)).toMatchObject({
      correct: true,
    });
    expect(scoreQuestion(q('lv-where'), response({ answer: 'Not covered.', abstained: true }), 5)).toMatchObject({
      correct: false,
      exactMatch: 0,
      f1: 0,
      source: 'abstained',
      abstained: true,
    });
    expect(
      scoreQuestion(
        q('bm-diff'),
        response({ answer: 'Not covered.', abstained: true, checks: [check(250, '250 thousand')] }),
        5,
      ),
    ).toMatchObject({ correct: false, numberCorrect: false, source: 'abstained' });
  });

  it('scores spans on short.text, else the first sentence', () => {
    expect(
      scoreQuestion(q('lv-visitors'), response({ answer: '12,400 [1]. More.', short: short('12,400') }), 5),
    ).toMatchObject({ correct: true, exactMatch: 1, f1: 1, source: 'short' });
    const fallback = scoreQuestion(
      q('lv-where'),
      response({ answer: 'At the Kettleby pier and at the lakeside inn [1]. Also online.' }),
      5,
    );
    expect(fallback).toMatchObject({
      correct: true,
      source: 'sentence',
      prediction: 'At the Kettleby pier and at the lakeside inn.',
    });
    const multi = scoreQuestion(
      q('bm-multi'),
      response({ answer: 'Ilsa Brandt [1].', short: short('Ilsa Brandt') }),
      5,
    );
    expect(multi.why).toBe('spans differ (F1 0.67): predicted "Ilsa Brandt"; expected "Ilsa Brandt" | "Oswin Tarrel"');
  });

  it('formats golds with their scale, and a failed request as an error', () => {
    expect(goldText(q('bm-diff'))).toBe('250 thousand');
    expect(goldText(q('lv-div'))).toBe('25%');
    expect(goldText(q('bm-multi'))).toBe('"Ilsa Brandt" | "Oswin Tarrel"');
    expect(formatScaled(-0.1 + 0.3, '')).toBe('0.2');
    expect(failedQuestion(q('lv-sum'), 'HTTP 500', 3)).toMatchObject({
      source: 'error',
      correct: false,
      numberCorrect: false,
      abstained: null,
      error: 'HTTP 500',
      why: 'error: HTTP 500',
    });
  });
});
