/** The forms of an English verb: base, third person singular, past, past participle, present participle. */
export type VerbForms = readonly [base: string, third: string, past: string, participle: string, gerund: string];

/** Verbs saying that a figure went up: "exports increased", "revenue grew by 5%". */
export const RISE_VERBS: readonly VerbForms[] = [
  ['increase', 'increases', 'increased', 'increased', 'increasing'],
  ['grow', 'grows', 'grew', 'grown', 'growing'],
  ['rise', 'rises', 'rose', 'risen', 'rising'],
  ['jump', 'jumps', 'jumped', 'jumped', 'jumping'],
  ['surge', 'surges', 'surged', 'surged', 'surging'],
  ['climb', 'climbs', 'climbed', 'climbed', 'climbing'],
];

/** Verbs saying that a figure went down: "imports decreased", "sales fell by 3%". */
export const FALL_VERBS: readonly VerbForms[] = [
  ['decrease', 'decreases', 'decreased', 'decreased', 'decreasing'],
  ['decline', 'declines', 'declined', 'declined', 'declining'],
  ['fall', 'falls', 'fell', 'fallen', 'falling'],
  ['drop', 'drops', 'dropped', 'dropped', 'dropping'],
  ['shrink', 'shrinks', 'shrank', 'shrunk', 'shrinking'],
];

/** Nouns naming a rise: "an increase of 5%", "growth of 3%". */
export const RISE_NOUNS: readonly string[] = ['increase', 'growth', 'rise', 'jump', 'surge'];

/** Nouns naming a fall: "a decline of 2%", "a contraction of 1.5%". */
export const FALL_NOUNS: readonly string[] = ['decrease', 'decline', 'fall', 'drop', 'contraction'];

/** Adverbs that put a rise before a figure: "up 5%". */
export const RISE_ADVERBS: readonly string[] = ['up'];

/** Adverbs that put a fall before a figure: "down 3%". */
export const FALL_ADVERBS: readonly string[] = ['down'];

/** Every form of every verb in `verbs`, each once. */
export function verbForms(verbs: readonly VerbForms[]): string[] {
  return [...new Set(verbs.flat())];
}

/** The past and past-participle forms of `verbs` ("increased", "grew", "grown"), each once. */
export function pastForms(verbs: readonly VerbForms[]): string[] {
  return [...new Set(verbs.flatMap(([, , past, participle]) => [past, participle]))];
}

/** Every word stating a rise: the verbs in all forms, the nouns and the adverbs. */
export const RISE_WORDS: readonly string[] = [...new Set([...verbForms(RISE_VERBS), ...RISE_NOUNS, ...RISE_ADVERBS])];

/** Every word stating a fall: the verbs in all forms, the nouns and the adverbs. */
export const FALL_WORDS: readonly string[] = [...new Set([...verbForms(FALL_VERBS), ...FALL_NOUNS, ...FALL_ADVERBS])];

/** Characters before a figure searched for its rise or fall word (see {@link changeBefore}). */
const CHANGE_REACH = 32;
/** A rise or fall word right before a figure ("went up by ", "rose ", "an increase of "). */
const CHANGE_BEFORE_RE = new RegExp(
  String.raw`\b(?:${[...RISE_WORDS, ...FALL_WORDS].join('|')})(?:\s+(?:by|of|some|about|nearly|almost|around))*\s+$`,
  'iu',
);

/** Whether the figure starting at `at` in `text` is a change: a rise or fall word stands right before it. */
export function changeBefore(text: string, at: number): boolean {
  return CHANGE_BEFORE_RE.test(text.slice(Math.max(0, at - CHANGE_REACH), at));
}
