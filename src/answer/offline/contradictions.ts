import { antonymsOf } from '../../language/antonyms.js';
import { type TaggedToken, tagText } from '../../language/tagger.js';

/** Negation words ("not", "never", "n't"). */
export const NEGATION_RE = /\b(?:not|never|no|none|nothing|neither|nor|without)\b|n['’]t\b/i;
/** A negation that only offers both cases, not a negated relation ("whether or not", "may or may not"). */
const BOTH_CASES_RE = /\bor (?:\w+ )?not\b/giu;

/** Whether a question negates the relation it asks about ("Which ships could not trade?"; not "whether or not"). */
export function negatesRelation(question: string): boolean {
  return NEGATION_RE.test(question.replace(BOTH_CASES_RE, ' '));
}

/** Parts of speech whose words can be contradicted by an antonym. */
const CONTENT_POS = new Set(['ADJ', 'ADV', 'VERB', 'NOUN']);
/** Particles that make a phrasal verb of the verb before them ("come in", "go up"), whose sense is not the verb's. */
const PARTICLES = new Set([
  'in',
  'out',
  'up',
  'down',
  'off',
  'on',
  'over',
  'back',
  'away',
  'about',
  'around',
  'through',
]);

/** Parts of speech after which a word such as "in" or "up" is a particle, not a preposition with its object. */
const AFTER_PARTICLE = new Set(['PUNCT', 'ADP', 'CCONJ', 'SCONJ', 'AUX']);

/**
 * Whether the token at `i` is a verb with a particle after it, the particle ending its phrase ("come in?", "go up by
 * 5%"), not a preposition taking an object ("open on Mondays").
 */
const phrasal = (tokens: readonly TaggedToken[], i: number) => {
  const next = tokens[i + 2];
  return (
    tokens[i]!.pos === 'VERB' &&
    PARTICLES.has(tokens[i + 1]?.text.toLowerCase() ?? '') &&
    (next === undefined || AFTER_PARTICLE.has(next.pos))
  );
};

/**
 * A word of the question the sentence lacks, and the antonym of it the sentence has instead, when the question does
 * not name both ("simple or complex") and the sentence is not negated ("not the worst"). Phrasal verbs on either side
 * are no antonyms of each other's verbs: "when do the changes come in" is not contradicted by "fares will go up".
 */
export function contradictedWord(question: string, sentence: string): [string, string] | undefined {
  if (NEGATION_RE.test(sentence)) return undefined;
  const forms = (text: string) => {
    const tokens = tagText(text).tokens;
    return { tokens, all: new Set(tokens.flatMap((t) => [t.text.toLowerCase(), t.lemma])) };
  };
  const q = forms(question);
  const s = forms(sentence);
  const unphrased = new Set(s.tokens.flatMap((t, i) => (phrasal(s.tokens, i) ? [] : [t.text.toLowerCase(), t.lemma])));
  for (const [i, t] of q.tokens.entries()) {
    const word = t.text.toLowerCase();
    if (!CONTENT_POS.has(t.pos) || t.stop || s.all.has(word) || s.all.has(t.lemma) || phrasal(q.tokens, i)) continue;
    for (const form of new Set([word, t.lemma])) {
      for (const a of antonymsOf(form)) if (unphrased.has(a) && !q.all.has(a)) return [t.text, a];
    }
  }
  return undefined;
}

/** Parts of speech of a modifier that names a kind of the noun after it ("Team plan", "oldest work", "Norman art"). */
const MODIFIER_POS = new Set(['ADJ', 'NOUN', 'PROPN']);

/** Whether `short` may be written for `long`: its letters in order, from the same first letter ("yr" for "Year"). */
function abbreviates(short: string, long: string): boolean {
  const [a, b] = [short.toLowerCase(), long.toLowerCase()];
  if (a[0] !== b[0] || a.length >= b.length) return false;
  let i = 0;
  for (const c of b) if (c === a[i]) i++;
  return i === a.length;
}

const CAPITAL_RE = /^\p{Lu}/u;

/**
 * Whether a sentence's word before the head noun modifies it as the question's word does: the same part of speech,
 * or both capitalised names (a tagger may read the name "Plus" in "the Plus plan" as a conjunction).
 */
function sameRole(mod: TaggedToken, other: TaggedToken, at: number): boolean {
  if (other.pos === mod.pos) return !other.stop;
  return mod.pos === 'PROPN' && at > 0 && CAPITAL_RE.test(other.text) && CAPITAL_RE.test(mod.text);
}

/**
 * A noun phrase of the question ("Team plan") whose head noun the sentence has under another modifier of the same
 * part of speech ("Plus plan") while lacking the question's modifier, as [question's, sentence's].
 */
export function swappedModifier(question: string, sentence: string): [string, string] | undefined {
  const s = tagText(sentence).tokens;
  const has = new Set(s.flatMap((t) => [t.text.toLowerCase(), t.lemma]));
  const q = tagText(question).tokens;
  for (let i = 1; i < q.length; i++) {
    const [mod, head] = [q[i - 1]!, q[i]!];
    if (head.pos !== 'NOUN' || !MODIFIER_POS.has(mod.pos) || mod.stop) continue;
    if (has.has(mod.lemma) || has.has(mod.text.toLowerCase())) continue;
    for (let j = 1; j < s.length; j++) {
      const other = s[j - 1]!;
      if (s[j]!.lemma === head.lemma && sameRole(mod, other, j - 1) && !abbreviates(mod.text, other.text))
        return [`${mod.text} ${head.text}`, `${other.text} ${s[j]!.text}`];
    }
  }
  return undefined;
}

/**
 * For a question asking who did something ("Who founded X?"), a sentence that states it in the passive without
 * saying by whom anywhere after the verb ("X was founded in 1956 as a college"): the verb as the sentence writes
 * it, or undefined.
 */
export function agentlessPassive(question: string, sentence: string): string | undefined {
  const q = tagText(question).tokens;
  if (!/^who$/i.test(q[0]?.text ?? '') || q[1]?.pos !== 'VERB') return undefined;
  const verb = q[1]!.lemma;
  const s = tagText(sentence).tokens;
  for (let i = 1; i < s.length; i++) {
    if (s[i]!.lemma !== verb || s[i]!.pos !== 'VERB') continue;
    const aux = s.slice(Math.max(0, i - 3), i).some((t) => t.lemma === 'be');
    const agent = s.slice(i + 1).some((t) => t.text.toLowerCase() === 'by');
    if (aux && !agent) return s[i]!.text;
  }
  return undefined;
}
