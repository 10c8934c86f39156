import { FALL_VERBS, pastForms, RISE_VERBS } from '../../language/direction-words.js';
import { asksDefinition, definedTerm } from '../question/definition.js';
import { CAUSE_QUESTION_RE, detectSpanType, type SpanType } from '../question/span-type.js';
import type { Citation, ShortAnswer } from '../schema.js';
import {
  extractCause,
  extractClause,
  extractCondition,
  extractDefinition,
  extractFrequency,
  extractMeans,
  extractPurpose,
  HOW_OFTEN_RE,
  meansVerb,
  WHEN_RULE_RE,
} from './clause-answer.js';
import { extractContact } from './contact-answer.js';
import { labelledFigure } from './figure-labels.js';
import { hanShortSpan } from './han-span.js';
import { earlierFigure, levelFigure } from './level-figures.js';
import { EVEN, type ShortSpan, type SpanCandidate, spanCandidates } from './scored-spans.js';
import type { WordWeight } from './span-context.js';

export type { ShortSpan, SpanCandidate } from './scored-spans.js';
export { spanCandidates } from './scored-spans.js';
export type { WordWeight } from './span-context.js';

/** Score of a clause, cause or definition answer, which has no competing span. */
const CLAUSE_SCORE = 1;

/** A "why" question, whose short answer is the cause a cited sentence gives ("how" questions get none); so are "what caused" ones. */
export const WHY_RE = /^\W*(?:(?:and|so|but|then)\W+)?why\b/i;

/**
 * Asked-for types whose short answer must be of that kind: a number or a date, never a span standing in for one
 * ("Today" for "how much did they raise"). On the SQuAD sample this costs 0.1 F1 on both halves; the answer is then led
 * by its quote.
 */
const STRICT_TYPES: ReadonlySet<SpanType> = new Set(['number', 'date']);

/**
 * Picks the span of a sentence that answers a question of the given type: number and date
 * entities, proper-noun runs and noun phrases from wink-nlp's tags, minus the words the question
 * already has, scored by type fit and closeness to the question's words in the sentence.
 * Returns null when no span of a fitting type remains.
 */
export function extractShortAnswer(
  sentence: string,
  question: string,
  type: SpanType | null,
  weigh: WordWeight = EVEN,
): ShortSpan | null {
  if (!type) return null;
  if (type === 'reason' && !asksDefinition(question)) {
    const verb = meansVerb(question);
    const why = WHY_RE.test(question);
    const cause =
      why || CAUSE_QUESTION_RE.test(question)
        ? (extractCause(sentence) ?? (why ? extractPurpose(sentence) : null))
        : null;
    const means = verb ? extractMeans(sentence, verb) : null;
    const clause = cause ?? means;
    return clause ? { ...clause, score: CLAUSE_SCORE, exact: true } : null;
  }
  const han = hanShortSpan(sentence, question, type);
  if (han) return { ...han, score: CLAUSE_SCORE, exact: true };
  const often = HOW_OFTEN_RE.test(question) ? extractFrequency(sentence) : null;
  if (often) return { ...often, score: CLAUSE_SCORE, exact: true };
  const contact = extractContact(sentence, question);
  if (contact) return { ...contact, score: CLAUSE_SCORE, exact: true };
  if (type === 'clause') {
    const clause = extractClause(sentence);
    return clause ? { ...clause, score: CLAUSE_SCORE, exact: true } : null;
  }
  const term = type === 'thing' || asksDefinition(question) ? definedTerm(question) : null;
  const definition = term ? extractDefinition(sentence, term) : null;
  if (definition) return { ...definition, score: CLAUSE_SCORE, exact: true };
  const best = spanCandidates(sentence, question, type, weigh).reduce<SpanCandidate | null>(
    (top, c) => (!top || c.score > top.score + 1e-9 ? c : top),
    null,
  );
  const rule = !best?.exact && type === 'date' && WHEN_RULE_RE.test(question) ? ruleAnswer(sentence) : null;
  if (rule) return { ...rule, score: CLAUSE_SCORE, exact: true };
  if (!best || (STRICT_TYPES.has(type) && !best.exact)) return null;
  const { features: _, ...span } = best;
  if (type !== 'number') return best.features.kindNumber ? earlierFigure(question, sentence, span) : span;
  const labelled = labelledFigure(question, sentence, span);
  return directed(question, sentence, levelFigure(question, sentence, earlierFigure(question, sentence, labelled)));
}

/** "How much did X change by", "by how much did X change": the answer says which way ("decreased $352 million"). */
const CHANGE_BY_RE = /\bhow much (?:did|has|have|had|does|do|will)\b[^?]*\bchange\b|\bchanged? by\b/iu;
const PAST_DIRECTION = new Set([...pastForms(RISE_VERBS), ...pastForms(FALL_VERBS)]);
/** Characters before a figure searched for its rise or fall verb ("decreased by "). */
const DIRECTION_REACH = 40;

/**
 * For a question asking how much something changed by, a figure of `text` (offsets into it) with the rise or fall
 * verb written right before it ("decreased $352 million", "rose by 4%"); the figure alone otherwise.
 */
export function directed<S extends { text: string; start: number; end: number }>(
  question: string,
  text: string,
  span: S,
): S {
  if (!CHANGE_BY_RE.test(question)) return span;
  const from = Math.max(0, span.start - DIRECTION_REACH);
  const m = /([\p{L}]+)(?:\s+by)?\s+$/u.exec(text.slice(from, span.start));
  if (!m || !PAST_DIRECTION.has(m[1]!.toLowerCase())) return span;
  const start = from + m.index;
  return { ...span, start, text: text.slice(start, span.end) };
}

/** For a "when" question about a standing rule, the frequency or condition a sentence states, if any. */
const ruleAnswer = (sentence: string) => extractFrequency(sentence) ?? extractCondition(sentence);

/**
 * Whether a sentence has a span of exactly the asked-for kind (a date for "when", a name for "who"); for a "when"
 * question about a standing rule, a frequency or a condition counts as one.
 */
export function hasExactSpan(sentence: string, question: string, type: SpanType): boolean {
  if (hanShortSpan(sentence, question, type) || spanCandidates(sentence, question, type).some((c) => c.exact))
    return true;
  return type === 'date' && WHEN_RULE_RE.test(question) && ruleAnswer(sentence) !== null;
}

/**
 * The short answer to a question from the answer's first citation: the span of the asked-for type (the question's
 * own, unless a follow-up's turn names another) in its quote, with document offsets (`docText.slice(start, end) ===
 * text`). For a "why" the cause the sentence states, for "how is X determined" the "by" clause; none for other "how"
 * questions, for "who" when a transcript's speaker answers it (the attribution names them), or when no span fits.
 */
export function shortAnswerFor(
  question: string,
  citation: Citation | undefined,
  type = detectSpanType(question),
  weigh: WordWeight = EVEN,
  byline = type === 'person' && Boolean(citation?.speaker),
): ShortAnswer | undefined {
  if (!citation) return undefined;
  if (byline) return undefined;
  const span = extractShortAnswer(citation.quote, question, type, weigh);
  return span
    ? { text: span.text, citation: citation.n, start: citation.start + span.start, end: citation.start + span.end }
    : undefined;
}
