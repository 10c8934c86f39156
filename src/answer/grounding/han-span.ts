import { hanContentWords } from '../../language/han-words.js';
import type { SpanType } from '../question/span-type.js';

/** A span of a sentence, offsets relative to it. */
export interface HanSpan {
  text: string;
  start: number;
  end: number;
}

/** A date as Chinese text writes it: "2024年1月22日", "1月22日", "2024年1月", "2024年". */
const DATE_RE = /\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|\d{4}年/gu;
/**
 * A figure as Chinese text writes it, with its scale and unit: "3486.2万吨", "215.6亿元", "5.6%", "12.8万辆"; a unit is
 * one character after the scale, or "元" after none. Years ("2024年") and dates are not figures.
 */
const FIGURE_RE = /\d[\d,]*(?:\.\d+)?(?:%|个百分点|(?:万亿|亿|万|千)\p{Script=Han}?|元|吨)?(?![\d年月日])/gu;
const HAN_RE = /\p{Script=Han}/u;

/**
 * The short answer to a Chinese question for a date or a figure, in a Chinese sentence: the figure written nearest
 * after a word of the question ("粮食总产量3486.2万吨" for "粮食总产量是多少"), the date nearest to one on either side
 * (a day for "哪天"), else the first. Null for other types, for a sentence without Chinese text, or when it has no
 * date or figure.
 */
export function hanShortSpan(sentence: string, question: string, type: SpanType): HanSpan | null {
  if ((type !== 'date' && type !== 'number') || !HAN_RE.test(sentence) || !HAN_RE.test(question)) return null;
  const re = type === 'date' ? DATE_RE : FIGURE_RE;
  const spans = [...sentence.matchAll(re)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const unasked = spans.filter((s) => !question.includes(s.text));
  const days = type === 'date' && DAY_ASKED_RE.test(question) ? unasked.filter((s) => s.text.endsWith('日')) : [];
  const kept = days.length ? days : unasked;
  if (!kept.length) return null;
  const words = hanContentWords(question);
  const gap = (s: HanSpan) => {
    const gaps = words.flatMap((w) => {
      const before = sentence.lastIndexOf(w, s.start - w.length);
      const next = type === 'date' ? sentence.indexOf(w, s.end) : -1;
      return [...(before >= 0 ? [s.start - (before + w.length)] : []), ...(next >= 0 ? [next - s.end] : [])];
    });
    return gaps.length ? Math.min(...gaps) : Number.POSITIVE_INFINITY;
  };
  return kept.reduce((best, s) => (gap(s) < gap(best) ? s : best));
}

/** A question asking for the day ("哪天", "哪一日", "几号"), not the year. */
const DAY_ASKED_RE = /哪一?天|哪一?日|几号/u;
