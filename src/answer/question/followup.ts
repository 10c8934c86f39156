import type { HistoryTurn } from '../schema.js';
import { analyzeQuestion, type QuestionAnalysis, yearsIn } from './question.js';
import { isFiller } from './vocabulary.js';
import { withoutYearParts } from './year-parts.js';

/** A question made self-contained using the conversation so far. */
export interface ResolvedQuestion {
  analysis: QuestionAnalysis;
  /** Earlier turns' text that scoring may use at a lower weight. */
  context?: string;
  /** Numbers from the previous answer (for "who said that?"). */
  carriedNumbers: number[];
  isFollowUp: boolean;
  /** The current turn alone (normalized, without instructions). */
  turn: string;
}

const LEAD_RE =
  /^(?:and|also|but|so|ok(?:ay)?|then|what about|how about|what if|and what about|and how about)\b[\s,]*/i;
/** Words pointing back at the previous turn; existential "there" ("how many were there", "there are") does not. */
const ANAPHOR_RE = new RegExp(
  [
    String.raw`\b(?:that|this|it|those|these|them|they|he|she|the same)\b`,
    String.raw`(?<!\b(?:is|are|was|were|be|been)\s+)\bthere\b(?!\s+(?:is|are|was|were|be|been|will|would|has|have|had)\b)`,
  ].join('|'),
  'i',
);
/** A question with its own question word and verb ("how many staff were there in 2017?"), not a fragment ("and in 2015?"). */
const WHOLE_QUESTION_RE =
  /^(?:how|what|which|who|when|where|why)\b[^?]*\b(?:is|are|was|were|did|does|do|has|have|had|will|would|can|could)\b\s+\S/i;
/** A turn asking for a whole year ("and for the whole of 2021?", "full-year figures?"), not the part asked before. */
const WHOLE_YEAR_RE =
  /\b(?:whole|full|entire)\s+(?:of\s+)?(?:the\s+)?(?:year\b|(?:19|20)\d\d\b)|\bfull[- ]year\b|\ball of (?:19|20)\d\d\b/i;
const ORDINALS: Record<string, string> = { one: 'first', two: 'second', three: 'third', four: 'fourth', five: 'fifth' };
const WORD_RE = /[\p{L}][\p{L}\p{N}'’-]*/gu;

function contentWords(text: string): number {
  return [...text.matchAll(WORD_RE)].filter((m) => !isFiller(m[0])).length;
}

function replaceYears(previous: string, years: readonly number[]): string | null {
  const old = yearsIn(previous);
  if (!old.length) return null;
  if (years.length === 1 && old.length === 1) return previous.replaceAll(String(old[0]), String(years[0]));
  if (years.length === 2 && old.length === 2) {
    return previous
      .replaceAll(String(old[0]), '\u0000')
      .replaceAll(String(old[1]), String(years[1]))
      .replaceAll('\u0000', String(years[0]));
  }
  return null;
}

function numbersOf(text: string): number[] {
  const years = new Set(yearsIn(text));
  return [...text.matchAll(/(?<![\d.])\d+(?:\.\d+)?(?![\d])/g)].map((m) => Number(m[0])).filter((n) => !years.has(n));
}

/**
 * Resolves a follow-up ("and in 2015?", "who said that?", "go deeper on number two") against the
 * previous user turn: years replace years, a bare subject joins the previous question, the
 * previous calculation carries over when the new turn only changes its inputs.
 */
export function resolveFollowUp(question: string, history: readonly HistoryTurn[]): ResolvedQuestion {
  const current = analyzeQuestion(question);
  const prevUser = [...history].reverse().find((t) => t.role === 'user');
  const prevAnswer = [...history].reverse().find((t) => t.role === 'assistant');
  const base = { analysis: current, carriedNumbers: [], isFollowUp: false, turn: current.factual };
  if (!prevUser) return base;
  const text = current.factual;
  const short = contentWords(text) <= 3;
  const words = contentWords(text);
  const bare = words === 0 || (words <= 2 && !WHOLE_QUESTION_RE.test(text));
  const follow =
    LEAD_RE.test(text) ||
    (short && ANAPHOR_RE.test(text)) ||
    bare ||
    /\bnumber (?:one|two|three|four|five)\b/i.test(text);
  if (!follow) return base;

  const previous = analyzeQuestion(WHOLE_YEAR_RE.test(text) ? withoutYearParts(prevUser.content) : prevUser.content);
  const context = [prevUser.content, prevAnswer?.content ?? ''].join(' ').trim();
  const carriedNumbers = prevAnswer ? numbersOf(prevAnswer.content) : [];
  if (current.answerType === 'person') {
    return { analysis: current, context, carriedNumbers, isFollowUp: true, turn: text };
  }
  const stripped = text
    .replace(LEAD_RE, '')
    .replace(/\bnumber (one|two|three|four|five)\b/gi, (_, n: string) => `the ${ORDINALS[n.toLowerCase()]}`);
  const merged =
    (current.years.length &&
      contentWords(stripped.replace(/\b(?:19|20)\d\d\b/g, '')) <= 2 &&
      replaceYears(previous.factual, current.years)) ||
    `${previous.factual} ${stripped}`;
  const analysis = analyzeQuestion(merged);
  const op =
    current.op ??
    (current.years.length || current.numbers.length || /\bwhat if\b/i.test(text) ? previous.op : analysis.op);
  return {
    analysis: {
      ...analysis,
      answerType: current.answerType === 'general' ? analysis.answerType : current.answerType,
      text: current.text,
      instructions: current.instructions,
      op,
      years: current.years.length ? current.years : analysis.years,
    },
    context,
    carriedNumbers,
    isFollowUp: true,
    turn: text,
  };
}
