import { hanContentWords, hanSegmenter } from '../../language/han-words.js';
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
 * (a day for "哪天"), else the first; for "谁", the name after the role the question asks about (see {@link hanName}).
 * Null for other types, for a sentence without Chinese text, or when it has no such span.
 */
export function hanShortSpan(sentence: string, question: string, type: SpanType): HanSpan | null {
  if (!HAN_RE.test(sentence) || !HAN_RE.test(question)) return null;
  if (type === 'person') return hanName(sentence, question);
  if (type !== 'date' && type !== 'number') return null;
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

/**
 * The role a Chinese "who" question asks about, as the sentence writes it: the longest ending of the words before
 * "是谁" ("岚泽智能的董事长是谁", "现任董事长是谁"), or after "谁是", that the sentence has, of two characters or more.
 */
function askedRole(question: string, sentence: string): string | undefined {
  const m = /(\p{Script=Han}+)(?:是|为)谁/u.exec(question) ?? /谁(?:是|担任)(\p{Script=Han}+)/u.exec(question);
  const words = m?.[1]?.split('的').at(-1) ?? '';
  for (let k = words.length; k >= 2; k--) if (sentence.includes(words.slice(-k))) return words.slice(-k);
  return undefined;
}

/** Characters of a Chinese name: a surname and a given name of one or two. */
const NAME_LENGTHS = { min: 2, max: 3 };
/**
 * Characters that end a name written after its role: punctuation, digits, and the first characters of the words that
 * follow one ("董事长邵启岚在致股东的信中表示", "总经理顾砚秋、", "由工程师李明设计").
 */
const AFTER_NAME_RE = /[^\p{Script=Han}]|[在是的和与及等说表指称认强介出主代于为将已也都就对向从由曾还亲率]/u;

/** Characters after a role searched for the name's end. */
const NAME_REACH = 8;

/**
 * Where a name at the start of `text` ends: at punctuation or a word that follows a name ({@link AFTER_NAME_RE}), or
 * where a dictionary word of two or more characters starts after its first two ("乔闻笙保证…" ends before "保证").
 */
function nameEnd(text: string): number {
  let end = 0;
  while (end < text.length && !AFTER_NAME_RE.test(text[end]!)) end++;
  for (const s of hanSegmenter.segment(text.slice(0, end)))
    if (s.index >= NAME_LENGTHS.min && s.segment.length >= 2 && s.isWordLike) return s.index;
  return end;
}

/**
 * The name a Chinese sentence writes right after the role a "who" question asks about ("公司董事长邵启岚、总经理…"
 * for "董事长是谁"): two or three characters up to the name's end (see {@link nameEnd}). Null when the sentence
 * does not write the role, or writes no name of that length after it.
 */
function hanName(sentence: string, question: string): HanSpan | null {
  const role = askedRole(question, sentence);
  if (!role) return null;
  for (let at = sentence.indexOf(role); at >= 0; at = sentence.indexOf(role, at + role.length)) {
    const start = at + role.length;
    const length = nameEnd(sentence.slice(start, start + NAME_REACH));
    if (length >= NAME_LENGTHS.min && length <= NAME_LENGTHS.max)
      return { text: sentence.slice(start, start + length), start, end: start + length };
  }
  return null;
}
