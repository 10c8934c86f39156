import { functionWords } from '../../language/function-words.js';
import { CONCEPT_GROUPS, conceptTable } from '../../retrieval/concepts.js';
import { derivedTerms } from '../../retrieval/derived-terms.js';
import { stem } from '../../retrieval/tokenizer.js';
import type { CorpusStats } from './corpus-stats.js';
import { WORD_NUMBERS } from './question.js';

/**
 * Words beyond the function words that carry no topic of their own in a question: question words, hedges,
 * verbs of asking and saying, words about documents and figures. General English; nothing corpus-specific.
 */
const QUESTION_ONLY_FILLER: readonly string[] = (
  'onto among since across per via vs versus also really just ' +
  'quite rather roughly approximately around nearly almost exactly precisely actually basically currently ' +
  'nowadays today now recently lately still yet already ever even either neither every ' +
  'many much less least several another whose whats what’s hows wheres done need needs mine ' +
  'one ones thing things something anything stuff kind sort lot lots bit ' +
  'say says said saying tell tells told telling give gives gave given giving get gets got getting make ' +
  'makes made making put puts take takes took taking come comes came coming go goes went going know ' +
  'knows knew think thinks thought believe believes mean means meant mention mentions mentioned ' +
  'mentioning talk talks talked claim claims claimed state states stated note notes noted cite cites ' +
  'cited quote quotes quoted reference references referenced name names named list lists listed explain ' +
  'explains explained describe describes described summarize summarise show shows showed see seen look ' +
  'looks find found want wants like please thanks thank ' +
  'speaker speakers interview interviews article text document documents passage passages ' +
  'source sources according view views opinion opinions point points answer answers question questions ' +
  'ok okay yes hey hi hello well anyway besides else exact number numbers figure figures value values ' +
  'big bigger biggest large larger largest small smaller high higher low lower far fast faster long ' +
  'first second third fourth fifth last next two three four five six seven eight nine ten ' +
  'year years yearly annual annually percent percentage proportion fraction cent rate rates level levels amount total ' +
  'overall average compare compared comparison contradiction agree disagree true false happen happened ' +
  'dollar dollars usd yuan rmb billion million trillion bn tn x times ' +
  'worth supposed turn turns become becomes became headline theme themes topic topics main key major role part ' +
  'happening situation status picture side aspect aspects area areas way ways ' +
  'work works worked working imply implies implied implying prior previous earlier later former latter ' +
  'back forward ago result results outcome equivalent equal decade decades pp yr yrs ' +
  'follow follows followed following expected expect expects bring brings brought respective respectively'
).split(' ');

/**
 * Nouns that name what is asked of a topic rather than the topic (its definition, reasons, parts, effects), and
 * the reporting entity itself ("the Company", which a report's own text calls "we"). Not typo targets: words one
 * letter away from them ("factory", "charge") are topics.
 */
const FRAMING_NOUNS: readonly string[] = (
  'definition definitions meaning implication implications rationale reason reasons factor factors ' +
  'component components composition change changes purpose cause causes effect effects impact impacts ' +
  'focus basis nature company companies'
).split(' ');

/** Words that carry no topic of their own in a question: the function words and {@link QUESTION_ONLY_FILLER}. */
export const QUESTION_FILLER: ReadonlySet<string> = functionWords({ add: QUESTION_ONLY_FILLER });
const FRAMING: ReadonlySet<string> = new Set(FRAMING_NOUNS);

/** Shortest filler word a question word one edit away from counts as a typo of. */
const MIN_TYPO_TARGET_LENGTH = 3;

/** Filler words a question word may be a one-letter typo of: long enough, and spelled without an apostrophe. */
const TYPO_TARGETS: readonly string[] = [...QUESTION_FILLER].filter(
  (w) => w.length >= MIN_TYPO_TARGET_LENGTH && !/['’]/.test(w),
);

/** Demonyms mapped to the place name the documents would use (general nationalities, not any corpus's places). */
const DEMONYMS: Readonly<Record<string, string>> = {
  american: 'united states',
  chinese: 'china',
  british: 'united kingdom',
  japanese: 'japan',
  indian: 'india',
  german: 'germany',
  french: 'france',
  european: 'europe',
  korean: 'korea',
  russian: 'russia',
  canadian: 'canada',
  australian: 'australia',
  brazilian: 'brazil',
  italian: 'italy',
  spanish: 'spain',
  african: 'africa',
  asian: 'asia',
};

/** True for a word that is itself filler or a framing noun, spelled exactly so (no typo allowance). */
export function isFrameWord(raw: string): boolean {
  const w = raw.toLowerCase().replace(/['’]s$/, '');
  return QUESTION_FILLER.has(w) || FRAMING.has(w);
}

/**
 * A period written as a code ("Q3", "3Q", "H1", "FY2024", "CY23"): its year and quarter are matched as such, so the
 * code is no topic word. Other words with digits are names ("K3", "A380", "CO2").
 */
const PERIOD_CODE_RE = /^(?:q[1-4]|[1-4]q|h[12]|[fc]y\d{2,4})$/u;

/**
 * True for words that carry no topic (filler, framing nouns, period codes, or a one-letter typo of a filler word).
 */
export function isFiller(raw: string): boolean {
  let known = fillerMemo.get(raw);
  if (known === undefined) {
    if (fillerMemo.size >= MEMO_LIMIT) fillerMemo.clear();
    known = computeIsFiller(raw);
    fillerMemo.set(raw, known);
  }
  return known;
}

const MEMO_LIMIT = 20_000;
const fillerMemo = new Map<string, boolean>();
const knownMemo = new WeakMap<CorpusStats, Map<string, boolean>>();

function computeIsFiller(raw: string): boolean {
  const w = raw.toLowerCase().replace(/['’]s$/, '');
  if (!w || PERIOD_CODE_RE.test(w) || QUESTION_FILLER.has(w) || FRAMING.has(w)) return true;
  if (/\d/u.test(w)) return false;
  if (w.length < 3 || /^[A-Z]{2,6}$/.test(raw)) return false;
  for (const filler of TYPO_TARGETS) if (editDistance(w, filler, 1) <= 1) return true;
  return false;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance with an early exit above `max` (two reused rows, no allocation per call). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (rowA.length <= b.length) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * Whether a question word is something the corpus talks about: the word or its stem occurs, a
 * general synonym occurs, each part of a hyphenated word is known, it is an initialism of a capitalized phrase ("FYP"), a prefix of a corpus
 * word ("stat", "tech"), a short abbreviation ("govt"), or a likely typo (small edit distance).
 */
export function isKnownWord(stats: CorpusStats, raw: string): boolean {
  let memo = knownMemo.get(stats);
  if (!memo) {
    memo = new Map();
    knownMemo.set(stats, memo);
  }
  let known = memo.get(raw);
  if (known === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    known = computeIsKnown(stats, raw);
    memo.set(raw, known);
  }
  return known;
}

function computeIsKnown(stats: CorpusStats, raw: string): boolean {
  const w = raw
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replaceAll('’', "'");
  if (isFiller(raw) || WORD_NUMBERS.some(([re]) => re.test(w))) return true;
  if (w.includes('-') && w.split('-').every((part) => part && isKnownWord(stats, part))) return true;
  if (stats.words.has(w) || stats.words.has(w.replaceAll('-', '')) || stats.stems.has(stem(w))) return true;
  if (stats.initialisms.has(w)) return true;
  if (/^[A-Z]{2,6}$/.test(raw) || /\d/u.test(w)) return false;
  const place = DEMONYMS[w];
  if (place) return place.split(' ').every((part) => stats.words.has(part));
  const concepts = conceptTable().get(stem(w));
  if (concepts?.some((id) => CONCEPT_GROUPS[id]!.some((g) => stats.words.has(g)))) return true;
  if ([...(derivedTerms(stem(w)) ?? [])].some((f) => stats.stems.has(f))) return true;
  const bare = w.replace(/s$/, '');
  const maxEdit = w.length >= 7 ? 2 : w.length >= 4 ? 1 : 0;
  for (const word of stats.words) {
    if (bare.length >= 4 && word.startsWith(bare)) return true;
    if (w.length <= 4 && w.length >= 3 && word[0] === w[0] && word.length > w.length + 2 && isSubsequence(w, word))
      return true;
    if (maxEdit && editDistance(w, word, maxEdit) <= maxEdit) return true;
    if (sharesStem(w, word)) return true;
  }
  return false;
}

/** Letters a word and a corpus word must share from their start to count as forms of one word, at least. */
const MIN_SHARED_PREFIX = 7;
/** ... and as a share of the shorter of the two. */
const SHARED_PREFIX_SHARE = 0.75;

/** Whether two words begin alike for most of the shorter ("electrification" and "electrified"). */
export function sharesStem(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i >= MIN_SHARED_PREFIX && i >= SHARED_PREFIX_SHARE * n;
}
