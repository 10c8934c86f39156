import { humanNouns, isGroupNoun, isPersonNoun, peopleNouns } from '../../language/person-nouns.js';
import { type TaggedToken, tagText } from '../../language/tagger.js';
import { isCurrencyWord, isMoneyWord, isUnitWord } from '../../language/unit-words.js';
import { conceptTable } from '../../retrieval/concepts.js';
import { derivedTerms } from '../../retrieval/derived-terms.js';
import { stem } from '../../retrieval/tokenizer.js';

/**
 * Words that name the kind of figure, not what it measures ("the rate of", "the total"), and bounds, which
 * documents write as "up to 3" or "at least 3" as often as with the word.
 */
const GENERIC_MEASURES = new Set(
  'amount number figure value worth total rate level share percentage percent proportion size sum count quantity maximum minimum'.split(
    ' ',
  ),
);
/** Adjectives that place a figure in time, not say what it measures ("the new deposit rate", "the current price"). */
const TIME_ADJECTIVES = new Set('new current latest present recent old previous former'.split(' '));
const WH_RE = /^(?:what|which|how)$/i;
/** Tokens a question's measure phrase may open with after its wh-word: "how much", "what was the", "Veridia's". */
const SKIPPED = new Set(['AUX', 'DET', 'PART']);

/**
 * The words of the figure a question asks for, as written in it: the adjectives and nouns right after its
 * wh-word and any auxiliary, article or possessor ("Veridia's", "the company's", "halcyra's" as typed; none for
 * "how much was X worth", whose X is the subject, nor
 * for a question with several wh-words) ("What was Veridia's core inflation rate in 2023?" gives
 * "core", "inflation"; "operating margin"), without words that only name the kind of figure ("rate") or place it in
 * time ("new"), units of money or measure, function words and names.
 */
export function measureWords(question: string): TaggedToken[] {
  const tokens = tagText(question).tokens;
  const wh = tokens.flatMap((t, i) => (WH_RE.test(t.text) ? [i] : []));
  if (wh.length !== 1) return [];
  const at = wh[0]!;
  let i = at + 1;
  if (/^how$/i.test(tokens[at]!.text) && tokens[at + 2]?.pos === 'AUX') return [];
  const possessor = () =>
    (tokens[i]?.pos === 'PROPN' || tokens[i]?.pos === 'NOUN') && /^['’]s?$/.test(tokens[i + 1]?.text ?? '');
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (SKIPPED.has(t.pos) || (i === at + 1 && /^(?:much|many|big|large)$/i.test(t.text))) i++;
    else if (possessor()) i += 2;
    else break;
  }
  const out: TaggedToken[] = [];
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    const modifier = t.pos === 'VERB' && /ing$/i.test(t.text) && tokens[i + 1]?.pos === 'NOUN';
    if (t.pos !== 'NOUN' && t.pos !== 'ADJ' && !modifier) break;
    if (GENERIC_MEASURES.has(t.lemma) || TIME_ADJECTIVES.has(t.text.toLowerCase()) || t.stop) continue;
    if (!isCurrencyWord(t.text) && !isMoneyWord(t.text) && !isUnitWord(t.text)) out.push(t);
  }
  return out;
}

/** A test of whether a sentence's terms have one of some nouns, by stem; the stems are taken on first use. */
function hasNounOf(nouns: () => readonly string[]): (sentenceTerms: ReadonlySet<string>) => boolean {
  let stems: ReadonlySet<string> | undefined;
  return (sentenceTerms) => {
    stems ??= new Set(nouns().map(stem));
    for (const t of sentenceTerms) if (stems.has(t)) return true;
    return false;
  };
}

/** Whether a sentence has a noun that can count people (see `peopleNouns`). */
const countsPeople = hasNounOf(peopleNouns);
/** Whether a sentence has a noun for people in general (see `humanNouns`: "12 people can edit"). */
const countsHumans = hasNounOf(humanNouns);

/**
 * The first of a question's measure words (see {@link measureWords}) that a sentence neither has (by stem) nor
 * relates to through a concept group or a derived form, or undefined when it has them all. A word for a group of
 * people ("how many people") is measured by any noun that counts people ("a crowd of 1,846", "1,846 spectators"), and
 * a word for some people ("how many users") by a noun for people in general ("up to 12 people").
 */
export function missingMeasure(question: string, sentenceTerms: ReadonlySet<string>): string | undefined {
  const concepts = conceptTable();
  const sentenceConcepts = new Set([...sentenceTerms].flatMap((t) => concepts.get(t) ?? []));
  for (const w of measureWords(question)) {
    const s = stem(w.text.toLowerCase());
    if (sentenceTerms.has(s) || sentenceTerms.has(stem(w.lemma))) continue;
    if ((concepts.get(s) ?? []).some((c) => sentenceConcepts.has(c))) continue;
    if ([...(derivedTerms(s) ?? [])].some((d) => sentenceTerms.has(d))) continue;
    if (isGroupNoun(w.lemma.toLowerCase()) && countsPeople(sentenceTerms)) continue;
    if (isPersonNoun(w.lemma.toLowerCase()) && countsHumans(sentenceTerms)) continue;
    return w.text;
  }
  return undefined;
}
