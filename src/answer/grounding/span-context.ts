import type { Dimension } from '../../language/dimensions.js';
import { isPersonNoun } from '../../language/person-nouns.js';
import type { TaggedToken } from '../../language/tagger.js';
import type { SpanType } from '../question/span-type.js';
import type { StrandedPreposition } from './question-words.js';
import { type Candidate, isContent } from './span-candidates.js';

/** How much a question word (a lemma) counts when closeness to it is averaged: rarer words more, e.g. their IDF. */
export type WordWeight = (lemma: string) => number;

/** Type fit of a span whose kind is exactly the asked-for one (a DATE for "when"). */
const TYPE_FIT = 1;
/** Type fit of a span of a kind that can stand for the asked-for one (a noun phrase for "who"). */
const LOOSE_FIT = 0.45;
/** Type fit of a phrase naming a person by a role ("the chief people officer") for "who". */
const ROLE_FIT = 0.8;
/** Type fit from which a span counts as of the asked-for kind. */
export const EXACT_FIT = 0.8;
/** How fast closeness fades per token of distance. */
export const PROXIMITY_DECAY = 0.35;
/** A place name after one of these prepositions is more likely the answer to "where". */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'to', 'near', 'into', 'on', 'across', 'throughout', 'within']);

/** A tagged sentence and what the question asks, as candidate spans are weighed against them. */
export interface SpanContext {
  tokens: readonly TaggedToken[];
  /** Porter stems of the tokens, lower-cased. */
  stems: readonly string[];
  type: SpanType;
  /** Indexes of the sentence's content tokens the question also has. */
  anchors: readonly number[];
  asked: (t: TaggedToken) => boolean;
  weigh: WordWeight;
  /** Lemma of the noun the question's wh-word asks about ("which river" -> "river"), if any. */
  focus: string | null;
  /** The question asks for a measure rather than a count ("how much", "how long", "how far"). */
  measure: boolean;
  /** The question counts things ("how many accounts"): a percentage of them ("94% of the accounts") is no count. */
  count: boolean;
  /** Lemma of the noun a "how many" question counts ("how many notebooks" -> "notebook"), if any. */
  counted: string | null;
  /** Lemma of the verb right after a wh-word that is the question's subject ("who founded X" -> "found"). */
  subjectVerb: string | null;
  /** Lemma of the question's main verb (not an auxiliary), if any. */
  mainVerb: string | null;
  /** Lemma of the content word right before a late wh-word ("attached to what" -> "attach"). */
  beforeWh: string | null;
  /** Calendar years the question names. */
  years: readonly number[];
  /** The year the figure a number candidate writes is for, as the claim extractor dates it ("11.5 minutes in 2023"). */
  figureYear: (c: Candidate) => number | undefined;
  /** The dimensions the question asks a measure of ("how heavy" -> mass), if any. */
  dimensions: readonly Dimension[];
  /** The verb and preposition the question ends with ("what are rotors mounted on?"), if it does. */
  stranded: StrandedPreposition | null;
  /** The question asks for what goes with something it names ("Along with fuel sources, what concern …"). */
  alongWith: boolean;
  /** Stems of the role a "who" question asks to fill and of its derived forms ("curator": "curat"), if any. */
  roleForms: ReadonlySet<string>;
}

/**
 * A noun naming a person by its role ("manager", "treasurer"), written in the singular: a plural ("adults",
 * "participants") names a class of people, seldom the one a "who" question asks for.
 */
function isRole(token: TaggedToken | undefined): boolean {
  if (!token) return false;
  const lemma = token.lemma.toLowerCase();
  return isPersonNoun(lemma) && token.text.toLowerCase() === lemma;
}

/** How well a candidate's kind fits the asked-for type (1 exact, less for a stand-in, 0 for none). */
export function typeFitOf(type: SpanType, c: Candidate, tokens: readonly TaggedToken[]): number {
  switch (type) {
    case 'date':
      return c.kind === 'date' ? TYPE_FIT : 0;
    case 'number':
      return c.kind === 'number' ? TYPE_FIT : c.kind === 'date' ? LOOSE_FIT / 2 : 0;
    case 'person':
      if (c.kind === 'name') return TYPE_FIT;
      if (c.kind !== 'phrase') return 0;
      return isRole(tokens[c.last]) ? ROLE_FIT : LOOSE_FIT;
    case 'place': {
      if (c.kind !== 'name' && c.kind !== 'phrase') return 0;
      const before = tokens[c.first - 1]?.text.toLowerCase() ?? '';
      const base = c.kind === 'name' ? TYPE_FIT * 0.8 : LOOSE_FIT * 0.6;
      return PLACE_PREPOSITIONS.has(before) ? base + 0.2 : base;
    }
    case 'thing':
      return c.kind === 'phrase' || c.kind === 'name' ? TYPE_FIT * 0.8 : LOOSE_FIT / 2;
    default:
      return 0;
  }
}

/**
 * How close a span sits to the question's words in the sentence, 0..1: for each distinct question
 * word, the nearest of its occurrences counts, nearer ones more, averaged with the single nearest
 * so a span beside several of the question's words ("Daniel Brandt, chief financial officer")
 * beats one beside only some of them.
 */
export function closeness(c: Candidate, ctx: SpanContext): number {
  const { anchors, tokens } = ctx;
  if (!anchors.length) return 1 / (1 + PROXIMITY_DECAY * tokens.length);
  const near = (a: number) =>
    1 / (1 + PROXIMITY_DECAY * (a < c.first ? c.first - a : a > c.last ? a - c.last : tokens.length));
  const byWord = new Map<string, number>();
  for (const a of anchors) byWord.set(tokens[a]!.lemma, Math.max(byWord.get(tokens[a]!.lemma) ?? 0, near(a)));
  let total = 0;
  let weighted = 0;
  for (const [word, value] of byWord) {
    const w = ctx.weigh(word);
    total += w;
    weighted += w * value;
  }
  return (Math.max(...byWord.values()) + (total ? weighted / total : 0)) / 2;
}

/** Tokens a copula may stand from a span or from the question's words it links to the span. */
const COPULA_REACH = 3;
/** Verbs that link a thing to its name or description as "be" does ("is called", "known as", "termed"). */
const NAMING = new Set(['be', 'call', 'name', 'know', 'term', 'dub', 'title', 'become', 'remain']);

/** Whether a copula stands within reach before (`dir` -1) or after (+1) the span, with a question word beyond it. */
export function copulaLink(c: Candidate, ctx: SpanContext, dir: -1 | 1): boolean {
  const { tokens, anchors } = ctx;
  const edge = dir < 0 ? c.first : c.last;
  for (let k = 1; k <= COPULA_REACH; k++) {
    const v = tokens[edge + dir * k];
    if (!v) return false;
    if ((v.pos === 'AUX' || v.pos === 'VERB') && NAMING.has(v.lemma)) {
      const at = edge + dir * k;
      return anchors.some((a) => (dir < 0 ? a < at && at - a <= COPULA_REACH : a > at && a - at <= COPULA_REACH));
    }
    if (isContent(v) && v.pos !== 'ADV') return false;
  }
  return false;
}

/** Longest run of question words counted beside a span. */
const MAX_RUN = 3;

/** Question words in an unbroken run beside the span on one side, function words skipped, as a share of three. */
export function run(c: Candidate, ctx: SpanContext, dir: -1 | 1): number {
  let hits = 0;
  for (let i = (dir < 0 ? c.first : c.last) + dir; i >= 0 && i < ctx.tokens.length && hits < MAX_RUN; i += dir) {
    const t = ctx.tokens[i]!;
    if (!isContent(t)) {
      if (t.pos === 'PUNCT') break;
      continue;
    }
    if (!ctx.asked(t)) break;
    hits++;
  }
  return hits / MAX_RUN;
}
