import { isPersonNoun } from '../../language/person-nouns.js';
import type { TaggedToken } from '../../language/tagger.js';
import { derivedTerms } from '../../retrieval/derived-terms.js';
import { stem } from '../../retrieval/tokenizer.js';
import { isContent, isNoun } from './span-candidates.js';

/* What a question's tagged words say about the span it asks for: its focus noun, the noun it counts, its verbs. */

const WH_RE = /^(?:what|which|whose)$/i;
/** A question asking for a measure, whose unit belongs to the answer ("how much did it cost", "how long is it"). */
export const MEASURE_RE =
  /\bhow (?:much|long|far|tall|high|deep|wide|heavy|big|large|old|fast)\b|\bwhat (?:is|was|were|are) the (?:amount|value|cost|price|size|length|distance|height|area)\b/i;
const WH_ANY_RE = /^(?:what|which|whose|who|whom|where|when)$/i;
/** A question counting things ("how many accounts", "the number of users"), unless it counts percentages or points. */
export const COUNT_RE = /^(?![^?]*(?:%|\bper ?cent|\bpercentage|\bpoints?\b))[^?]*\b(?:how many|number of)\b/i;

/** The question's wh-word as its subject, with the verb it takes: "who founded", "what river flows". */
export function subjectVerb(question: readonly TaggedToken[]): string | null {
  const at = question.findIndex((t) => WH_ANY_RE.test(t.text));
  if (at < 0 || at > 1) return null;
  const [first, second] = [question[at + 1], question[at + 2]];
  // "Who chairs the board": the tagger may read the verb right after "who" as a plural noun.
  if (/^who$/iu.test(question[at]!.text) && first?.pos === 'NOUN' && second?.pos === 'DET') return first.lemma;
  for (const t of question.slice(at + 1, at + 4)) {
    if (t.pos === 'VERB') return t.lemma;
    if (t.pos === 'AUX' || (t.pos !== 'NOUN' && t.pos !== 'ADJ' && t.pos !== 'DET')) return null;
  }
  return null;
}

/** Tokens after "who" within which the person noun it asks to fill stands ("who was the first elected chair"). */
const ROLE_REACH = 5;

/**
 * The person noun a "who" question asks to fill ("who is the curator of the exhibition": "curator", "who was the
 * club's manager": "manager"), as a lemma; null for other questions.
 */
export function whoRole(question: readonly TaggedToken[]): string | null {
  if (!/^whom?$/iu.test(question[0]?.text ?? '')) return null;
  for (const t of question.slice(1, 1 + ROLE_REACH)) {
    if (t.pos === 'ADP') break;
    if (t.pos === 'NOUN' && isPersonNoun(t.lemma)) return t.lemma;
  }
  return null;
}

/** Stems of the role a "who" question asks to fill and of its WordNet derivations ("curator" and "curate"), if any. */
export function roleForms(question: readonly TaggedToken[]): ReadonlySet<string> {
  const role = whoRole(question);
  if (!role) return new Set();
  const root = stem(role.toLowerCase());
  return new Set([root, ...(derivedTerms(root) ?? [])]);
}

/**
 * The noun a question counts ("how many notebooks", "how many of the notebooks", "the number of notebooks" ->
 * "notebook"), as a lemma; null if none.
 */
export function countedNoun(question: readonly TaggedToken[]): string | null {
  const at = question.findIndex(
    (t, i) =>
      (/^many$/i.test(t.text) && /^how$/i.test(question[i - 1]?.text ?? '')) ||
      (/^of$/i.test(t.text) && /^number$/i.test(question[i - 1]?.text ?? '')),
  );
  if (at < 0) return null;
  // A partitive counts the noun after it: "how many of the students".
  const from = /^of$/i.test(question[at + 1]?.text ?? '') && question[at + 2]?.pos === 'DET' ? at + 3 : at + 1;
  const noun = question.slice(from, from + 3).find((t) => t.pos !== 'ADJ');
  return noun && isNoun(noun) ? noun.lemma : null;
}

/** The content word right before a wh-word late in the question: "attached to what" gives "attach". */
export function beforeWh(question: readonly TaggedToken[]): string | null {
  const at = question.findIndex((t) => WH_ANY_RE.test(t.text));
  if (at < 2) return null;
  for (let i = at - 1; i >= Math.max(0, at - 3); i--) if (isContent(question[i]!)) return question[i]!.lemma;
  return null;
}

/** A verb and the preposition left at the end of a question ("what are rotors mounted on?"). */
export interface StrandedPreposition {
  /** Lemma of the content word before the preposition ("mount"). */
  verb: string;
  /** The preposition, lower-cased ("on"). */
  preposition: string;
}

/** The preposition a wh-question leaves at its end, with the word it follows: "mounted on?" gives mount + on. */
export function strandedPreposition(question: readonly TaggedToken[]): StrandedPreposition | null {
  const words = question.filter((t) => t.pos !== 'PUNCT');
  const last = words[words.length - 1];
  const before = words[words.length - 2];
  if (last?.pos !== 'ADP' || !before || !isContent(before)) return null;
  return { verb: before.lemma, preposition: last.text.toLowerCase() };
}

/**
 * The noun a question's "what/which" asks about ("which river", "what type of"), as a lemma; null if none. A word
 * read as an adjective right before the question's verb is its noun ("which ethical standard will apply").
 */
export function focusNoun(question: readonly TaggedToken[]): string | null {
  const at = question.findIndex((t) => WH_RE.test(t.text));
  if (at < 0) return null;
  const after = question.slice(at + 1);
  for (const [i, t] of after.slice(0, 3).entries()) {
    if (isNoun(t)) {
      if (!CLASSIFIERS.has(t.lemma) || after[i + 1]?.text.toLowerCase() !== 'of') return compoundHead(after, i).lemma;
      const rest = after.slice(i + 2, i + 5);
      const classified = rest.find((x) => x.pos !== 'DET' && x.pos !== 'ADJ');
      return classified && isNoun(classified) ? classified.lemma : t.lemma;
    }
    if ((t.pos === 'AUX' || t.pos === 'VERB') && after[i - 1]?.pos === 'ADJ') return after[i - 1]!.lemma;
    if (t.pos !== 'ADJ' && t.pos !== 'DET') return null;
  }
  return null;
}

/**
 * The noun a run of names before it modifies ("Swiss city", "Tarrow bridge"), or the token at `i` itself when it is
 * no name or no noun follows; a common noun modifying another keeps the question's sense ("which branch library").
 */
function compoundHead(tokens: readonly TaggedToken[], i: number): TaggedToken {
  let j = i;
  while (tokens[j]!.pos === 'PROPN' && tokens[j + 1] && isNoun(tokens[j + 1]!)) j++;
  return tokens[j]!;
}

/** Nouns that classify the noun after their "of" ("what type of locomotive" asks about a locomotive). */
const CLASSIFIERS = new Set(['type', 'kind', 'sort', 'form', 'variety', 'style', 'class', 'category']);
