import { isKindOf, nounLemmaOf } from '../../language/noun-kinds.js';
import type { TaggedToken } from '../../language/tagger.js';
import type { Candidate } from './candidate.js';
import { isUnitToken } from './number-spans.js';
import type { SpanContext } from './span-context.js';

/* How a candidate span stands to the question's words in its sentence, as some span features read it. */

/** A percentage's sign or word, as the last token of a number span ("94 %", "12 per cent"). */
export const PERCENT_TOKEN_RE = /^(?:%|percent|cent)$/iu;

/** Words of an "of" phrase after a number that are looked at for a noun of the question. */
const OF_PHRASE_WORDS = 4;

/**
 * Whether the "of" phrase after the number ending at `last` (after its unit noun, if any: "500 g of") names a common
 * noun of the question before any punctuation (a name or month does not: "54% of the July average" for "the rainfall
 * in July"); not for a percentage when the question counts ("94% of the accounts" is a share of them, not how many
 * there are).
 */
export function ofPhraseAsked(tokens: readonly TaggedToken[], last: number, ctx: SpanContext): boolean {
  if (ctx.count && PERCENT_TOKEN_RE.test(tokens[last]?.text ?? '')) return false;
  let k = last + 1;
  if (isUnitToken(tokens[k]) && tokens[k + 1]?.text.toLowerCase() === 'of') k++;
  if (tokens[k]?.text.toLowerCase() !== 'of') return false;
  for (const t of tokens.slice(k + 1, k + 1 + OF_PHRASE_WORDS)) {
    if (t.pos === 'PUNCT') return false;
    if (t.pos === 'NOUN' && ctx.asked(t)) return true;
  }
  return false;
}

/**
 * Whether the noun a question counts is written right after a number span, or is its own last word, as the head of
 * its noun phrase: "three new stores", not "three new store openings".
 */
export function countedAfter(tokens: readonly TaggedToken[], last: number, counted: string): boolean {
  const at = tokens[last]?.pos === 'NUM' ? last + 1 : last;
  const head = tokens[at]?.pos === 'ADJ' ? at + 1 : at;
  return tokens[head]?.lemma.toLowerCase() === counted && tokens[head + 1]?.pos !== 'NOUN';
}

/** A figure's year, when the question names years and it is none of them. */
export const otherYear = (year: number | undefined, asked: readonly number[]) =>
  year !== undefined && asked.length > 0 && !asked.includes(year);

/** Tokens a stranded preposition may stand after its verb, and a span after the preposition. */
const STRANDED_REACH = 2;

/** Whether the span starts just after the question's stranded preposition, which follows the verb it has there. */
export function afterStranded(tokens: readonly TaggedToken[], c: Candidate, ctx: SpanContext): boolean {
  const { stranded } = ctx;
  if (!stranded) return false;
  for (let p = c.first - 1; p >= Math.max(0, c.first - STRANDED_REACH); p--) {
    if (tokens[p]!.text.toLowerCase() !== stranded.preposition) continue;
    return tokens.slice(Math.max(0, p - STRANDED_REACH), p).some((t) => t.lemma === stranded.verb);
  }
  return false;
}

/** Whether a name or phrase span is, by WordNet, a kind or instance of the question's focus noun. */
export function kindOfFocus(span: readonly TaggedToken[], c: Candidate, focus: string | null): boolean {
  if (!focus || (c.kind !== 'name' && c.kind !== 'phrase')) return false;
  const kept = span.filter((t) => t.pos !== 'PUNCT' && t.pos !== 'DET');
  const lemma = nounLemmaOf(kept.map((t, i) => (i === kept.length - 1 && t.pos === 'NOUN' ? t.lemma : t.text)));
  return lemma !== undefined && isKindOf(lemma, focus);
}
