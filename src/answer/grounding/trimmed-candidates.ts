import type { TaggedToken } from '../../language/tagger.js';
import { type Candidate, isNoun, MAX_SPAN_TOKENS } from './span-candidates.js';

/**
 * Drops leading and trailing tokens the question already has, and edge articles and punctuation. A name keeps its
 * capitalised last word though the question has it, and so does a phrase written in capitals when that word is the
 * noun the question's wh-word asks about (`focus`: "market" in "which market").
 */
export function trim(
  c: Candidate,
  tokens: readonly TaggedToken[],
  asked: (t: TaggedToken) => boolean,
  focus: string | null = null,
): Candidate | null {
  if (c.quoted) return c;
  let { first, last } = c;
  const structural = (t: TaggedToken) =>
    t.pos === 'DET' || t.pos === 'PUNCT' || t.pos === 'ADP' || t.pos === 'CCONJ' || t.pos === 'PRON';
  const drop = (t: TaggedToken) => asked(t) || structural(t);
  while (first <= last && drop(tokens[first]!)) first++;
  const capitalised = tokens.slice(first, c.last + 1).every((t) => /^\p{Lu}/u.test(t.text));
  /** The capitalised last word of a name, kept though the question has it ("Global Select Market" for "which market"). */
  const ownName = (t: TaggedToken) =>
    (c.kind === 'name' || (capitalised && t.lemma === focus)) && /^\p{Lu}/u.test(t.text) && isNoun(t) && !structural(t);
  while (
    last >= first &&
    !(ownName(tokens[last]!) && last > first) &&
    (drop(tokens[last]!) || tokens[last]!.text === "'s" || tokens[last]!.text === '’s')
  )
    last--;
  if (first > last || last - first + 1 > MAX_SPAN_TOKENS) return null;
  const span = tokens.slice(first, last + 1);
  if (c.kind === 'phrase' && !span.some((t) => isNoun(t) || t.pos === 'NUM')) {
    const modifies = last < c.last && span.every((t) => t.pos === 'ADJ' || t.pos === 'ADV' || t.pos === 'VERB');
    return modifies && span.some((t) => t.pos === 'ADJ') ? { ...c, first, last, modifier: true } : null;
  }
  if (c.kind === 'name' && !span.some((t) => isNoun(t) || /^\p{Lu}/u.test(t.text))) return null;
  return { ...c, first, last };
}

/**
 * A noun phrase that trimming cut short of its head because the question has that noun ("Turing" of "Turing
 * machine" for "what … computing machine"), again with the head: a second candidate, since answers often name the
 * asked-for kind too. Null when nothing was cut, the last word is not a noun or the span would be too long.
 */
export function keptHead(raw: Candidate, trimmed: Candidate, tokens: readonly TaggedToken[]): Candidate | null {
  if (raw.kind !== 'phrase' || trimmed.last >= raw.last || !isNoun(tokens[raw.last]!)) return null;
  if (raw.last - trimmed.first + 1 > MAX_SPAN_TOKENS) return null;
  const { modifier: _, ...rest } = trimmed;
  return { ...rest, last: raw.last };
}

/**
 * A name and the name or phrase it owns, when that names the noun the question asks about (`focus`): "FRC’s Revised
 * Ethical Standard" for "which ethical standard", as one more candidate.
 */
export function possessivePhrases(
  trimmed: readonly Candidate[],
  tokens: readonly TaggedToken[],
  focus: string | null,
): Candidate[] {
  if (!focus) return [];
  const out: Candidate[] = [];
  for (const a of trimmed) {
    if (a.kind !== 'name' || !/^['’]s$/u.test(tokens[a.last + 1]?.text ?? '')) continue;
    for (const b of trimmed)
      if (
        b.first === a.last + 2 &&
        (b.kind === 'name' || b.kind === 'phrase') &&
        tokens[b.last]!.lemma.toLowerCase() === focus
      )
        if (b.last - a.first + 1 <= MAX_SPAN_TOKENS) out.push({ kind: 'name', first: a.first, last: b.last });
  }
  return out;
}

/** Words that join two answers into one ("Juris Hartmanis and Richard Stearns"). */
const JOINERS = new Set(['and', 'or']);

/**
 * Two candidates of one kind joined by "and" or "or" ("time and memory", "Karp reductions and Levin reductions"), as
 * one more candidate: questions asking for two things have both as their answer. None longer than the longest span.
 */
export function joinedPairs(trimmed: readonly Candidate[], tokens: readonly TaggedToken[]): Candidate[] {
  const out: Candidate[] = [];
  for (const a of trimmed)
    for (const b of trimmed) {
      if (a.kind !== b.kind || b.first !== a.last + 2 || !JOINERS.has(tokens[a.last + 1]!.text.toLowerCase())) continue;
      if (b.last - a.first + 1 <= MAX_SPAN_TOKENS) out.push({ kind: a.kind, first: a.first, last: b.last });
    }
  return out;
}
