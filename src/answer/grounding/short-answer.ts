import { type TaggedText, type TaggedToken, tagText } from '../../language/tagger.js';
import { isYearAt } from '../../language/years.js';
import { detectSpanType, type SpanType } from '../question/span-type.js';
import type { Citation, ShortAnswer } from '../schema.js';
import { definedTerm, extractCause, extractClause, extractDefinition } from './clause-answer.js';

/** A candidate short answer inside a sentence, offsets relative to the sentence. */
export interface ShortSpan {
  text: string;
  start: number;
  end: number;
  /** How well it fits: type fit plus closeness to the question's words in the sentence. */
  score: number;
  /** The span is of the asked-for kind itself (a date for "when"), not a stand-in (a noun phrase for "who"). */
  exact: boolean;
}

/** Longest span offered as a short answer, in tokens. */
const MAX_SPAN_TOKENS = 8;
/** Score of a span whose kind is exactly the asked-for one (a DATE for "when"). */
const TYPE_FIT = 1;
/** Score of a span of a kind that can stand for the asked-for one (a noun phrase for "who"). */
const LOOSE_FIT = 0.45;
/** Fit from which a span counts as of the asked-for kind. */
const EXACT_FIT = 0.8;
/** Weight of closeness: a span next to a word of the question gets it all, far ones a share. */
const PROXIMITY_WEIGHT = 0.8;
/** How fast closeness fades per token of distance (results were flat from 0.15 to 1.5 on development data). */
const PROXIMITY_DECAY = 0.35;
/** A place name after one of these prepositions is more likely the answer to "where". */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'to', 'near', 'into', 'on', 'across', 'throughout', 'within']);
const NAME_JOINERS = new Set(['of', 'de', 'von', 'van', 'la', 'le', 'du', 'der', 'da', 'the', '&']);
const NUMBER_ENTITIES = new Set(['CARDINAL', 'MONEY', 'PERCENT', 'QUANTITY', 'ORDINAL', 'DURATION']);
const DATE_ENTITIES = new Set(['DATE', 'TIME']);

/** How much a question word (a lemma) counts when closeness to it is averaged: rarer words more, e.g. their IDF. */
export type WordWeight = (lemma: string) => number;
const EVEN: WordWeight = () => 1;

interface Candidate {
  first: number;
  last: number;
  kind: 'date' | 'number' | 'name' | 'phrase';
}

const isContent = (t: TaggedToken) => !t.stop && t.pos !== 'PUNCT' && t.pos !== 'SYM' && /[\p{L}\p{N}]/u.test(t.text);
const isNoun = (t: TaggedToken) => t.pos === 'NOUN' || t.pos === 'PROPN';

function properNounRuns(tokens: readonly TaggedToken[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.pos !== 'PROPN') continue;
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1]!;
      if (next.pos === 'PROPN') j++;
      else if (
        (NAME_JOINERS.has(next.text.toLowerCase()) || (next.text === '-' && next.start === tokens[j]!.end)) &&
        tokens[j + 2]?.pos === 'PROPN'
      )
        j += 2;
      else break;
    }
    out.push({ first: i, last: j, kind: 'name' });
    i = j;
  }
  return out;
}

function nounPhrases(tokens: readonly TaggedToken[]): Candidate[] {
  const out: Candidate[] = [];
  const inPhrase = (t: TaggedToken) => isNoun(t) || t.pos === 'ADJ' || t.pos === 'NUM';
  for (let i = 0; i < tokens.length; i++) {
    if (!inPhrase(tokens[i]!)) continue;
    let j = i;
    while (
      j + 1 < tokens.length &&
      (inPhrase(tokens[j + 1]!) ||
        (tokens[j + 1]!.text.toLowerCase() === 'of' && tokens[j + 2] && isNoun(tokens[j + 2]!)))
    )
      j++;
    let last = j;
    while (last >= i && !isNoun(tokens[last]!)) last--;
    if (last >= i) out.push({ first: i, last, kind: 'phrase' });
    i = j;
  }
  return out;
}

/** Extends a number over the unit noun right after it ("38 metres"); trimming drops it when the question has it. */
function withUnit(tokens: readonly TaggedToken[], last: number): number {
  return tokens[last + 1]?.pos === 'NOUN' ? last + 1 : last;
}

/** A "why" question, whose short answer is the cause a cited sentence gives ("how" questions get none). */
const WHY_RE = /^\W*(?:(?:and|so|but|then)\W+)?why\b/i;

/** A currency written before its amount: "£", "€", "$" (also "US" or "HK" then "$"), "RMB", "EUR". */
const CURRENCY_PREFIX = /^(?:[£€¥￥$]|RMB|CNY|USD|EUR|GBP|JPY|HKD)$/;
/** A country prefix written against a dollar sign: "US$", "HK$". */
const DOLLAR_COUNTRY = /^(?:US|HK|A|C|S|NZ)$/;

/** Extends a number back over the currency written right before it ("£3.5 million", "RMB 12 billion", "HK$ 2"). */
function withCurrency(tokens: readonly TaggedToken[], first: number): number {
  let at = first;
  const before = tokens[at - 1];
  if (before && CURRENCY_PREFIX.test(before.text) && tokens[at]!.start - before.end <= 1) at--;
  const country = tokens[at - 1];
  if (tokens[at]!.text === '$' && country && DOLLAR_COUNTRY.test(country.text) && country.end === tokens[at]!.start)
    at--;
  return at;
}

/** A token that is a calendar year as written in `sentence` ("1066", "1840s"). */
function isYearToken(sentence: string, t: TaggedToken): boolean {
  const digits = /^(\d{4})s?$/.exec(t.text)?.[1];
  return digits !== undefined && isYearAt(sentence, t.start, t.start + 4, Number(digits));
}

function entityCandidates(sentence: string, tagged: TaggedText): Candidate[] {
  const out: Candidate[] = [];
  for (const e of tagged.entities) {
    const year = e.first === e.last && isYearToken(sentence, tagged.tokens[e.first]!);
    const spansYears = tagged.tokens.slice(e.first, e.last + 1).some((t) => isYearToken(sentence, t));
    if (DATE_ENTITIES.has(e.type) || (e.type === 'CARDINAL' && year) || (e.type === 'DURATION' && spansYears))
      out.push({ first: e.first, last: e.last, kind: 'date' });
    else if (NUMBER_ENTITIES.has(e.type))
      out.push({ first: withCurrency(tagged.tokens, e.first), last: withUnit(tagged.tokens, e.last), kind: 'number' });
  }
  tagged.tokens.forEach((t, i) => {
    if (t.pos !== 'NUM' || out.some((c) => c.first <= i && i <= c.last)) return;
    out.push(
      isYearToken(sentence, t)
        ? { first: i, last: i, kind: 'date' }
        : { first: withCurrency(tagged.tokens, i), last: withUnit(tagged.tokens, i), kind: 'number' },
    );
  });
  return out;
}

function typeFitOf(type: SpanType, c: Candidate, tokens: readonly TaggedToken[]): number {
  switch (type) {
    case 'date':
      return c.kind === 'date' ? TYPE_FIT : 0;
    case 'number':
      return c.kind === 'number' ? TYPE_FIT : c.kind === 'date' ? LOOSE_FIT / 2 : 0;
    case 'person':
      return c.kind === 'name' ? TYPE_FIT : c.kind === 'phrase' ? LOOSE_FIT : 0;
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
function closeness(
  c: Candidate,
  anchors: readonly number[],
  tokens: readonly TaggedToken[],
  weigh: WordWeight,
): number {
  if (!anchors.length) return 1 / (1 + PROXIMITY_DECAY * tokens.length);
  const near = (a: number) =>
    1 / (1 + PROXIMITY_DECAY * (a < c.first ? c.first - a : a > c.last ? a - c.last : tokens.length));
  const byWord = new Map<string, number>();
  for (const a of anchors) byWord.set(tokens[a]!.lemma, Math.max(byWord.get(tokens[a]!.lemma) ?? 0, near(a)));
  let total = 0;
  let weighted = 0;
  for (const [word, value] of byWord) {
    const w = weigh(word);
    total += w;
    weighted += w * value;
  }
  return (Math.max(...byWord.values()) + (total ? weighted / total : 0)) / 2;
}

/** Drops leading and trailing tokens the question already has, and edge articles and punctuation. */
function trim(c: Candidate, tokens: readonly TaggedToken[], asked: (t: TaggedToken) => boolean): Candidate | null {
  let { first, last } = c;
  const drop = (t: TaggedToken) =>
    asked(t) || t.pos === 'DET' || t.pos === 'PUNCT' || t.pos === 'ADP' || t.pos === 'CCONJ' || t.pos === 'PRON';
  while (first <= last && drop(tokens[first]!)) first++;
  while (last >= first && (drop(tokens[last]!) || tokens[last]!.text === "'s" || tokens[last]!.text === '’s')) last--;
  if (first > last || last - first + 1 > MAX_SPAN_TOKENS) return null;
  const span = tokens.slice(first, last + 1);
  if ((c.kind === 'phrase' || c.kind === 'name') && !span.some((t) => isNoun(t) || t.pos === 'NUM')) return null;
  return { ...c, first, last };
}

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
  if (type === 'reason') {
    const cause = WHY_RE.test(question) ? extractCause(sentence) : null;
    return cause ? { ...cause, score: TYPE_FIT, exact: true } : null;
  }
  if (type === 'clause') {
    const clause = extractClause(sentence);
    return clause ? { ...clause, score: TYPE_FIT, exact: true } : null;
  }
  const term = type === 'thing' ? definedTerm(question) : null;
  const definition = term ? extractDefinition(sentence, term) : null;
  if (definition) return { ...definition, score: TYPE_FIT, exact: true };
  const tagged = tagText(sentence);
  const { tokens } = tagged;
  const q = tagText(question).tokens.filter(isContent);
  const qForms = new Set(q.flatMap((t) => [t.lemma, t.text.toLowerCase()]));
  const asked = (t: TaggedToken) => qForms.has(t.lemma) || qForms.has(t.text.toLowerCase());
  const anchors = tokens.map((t, i) => (isContent(t) && asked(t) ? i : -1)).filter((i) => i >= 0);
  const raw = [...entityCandidates(sentence, tagged), ...properNounRuns(tokens), ...nounPhrases(tokens)];
  let best: ShortSpan | null = null;
  for (const c0 of raw) {
    const c = trim(c0, tokens, asked);
    if (!c) continue;
    const span = tokens.slice(c.first, c.last + 1);
    if (!span.some(isContent) || span.every((t) => !isContent(t) || asked(t))) continue;
    const typeFit = typeFitOf(type, c, tokens);
    if (typeFit <= 0) continue;
    const overlap = span.filter((t) => isContent(t) && asked(t)).length / span.length;
    const score = typeFit + PROXIMITY_WEIGHT * closeness(c, anchors, tokens, weigh) - 0.5 * overlap;
    if (!best || score > best.score + 1e-9) {
      const start = tokens[c.first]!.start;
      const end = tokens[c.last]!.end;
      best = { text: sentence.slice(start, end), start, end, score, exact: typeFit >= EXACT_FIT };
    }
  }
  return best;
}

/**
 * The short answer to a question from the answer's first citation: the span of the asked-for type
 * (the question's own, unless a follow-up's turn names another) in its quote, with document offsets (`docText.slice(start, end) === text`). None for "how"
 * reasons or a "why" whose sentence states no cause, for
 * "who" when a transcript's speaker answers it (the attribution names them), or when no span fits.
 */
export function shortAnswerFor(
  question: string,
  citation: Citation | undefined,
  type = detectSpanType(question),
  weigh: WordWeight = EVEN,
): ShortAnswer | undefined {
  if (!citation) return undefined;
  if (type === 'person' && citation.speaker) return undefined;
  const span = extractShortAnswer(citation.quote, question, type, weigh);
  return span
    ? { text: span.text, citation: citation.n, start: citation.start + span.start, end: citation.start + span.end }
    : undefined;
}
