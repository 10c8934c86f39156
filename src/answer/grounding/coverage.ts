import { hanContentWords } from '../../language/han-words.js';
import { tagText } from '../../language/tagger.js';
import { isMoneyWord } from '../../language/unit-words.js';
import type { KnowledgeSnapshot } from '../../retrieval/knowledge-base.js';
import { type CorpusStats, corpusStats } from '../question/corpus-stats.js';
import { askedCurrency } from '../question/currency.js';
import { withoutOpWording } from '../question/op-wording.js';
import type { QuestionAnalysis } from '../question/question.js';
import { isFiller, isKnownWord } from '../question/vocabulary.js';
import { withoutContactWording } from './contact-answer.js';

/** Whether the documents cover what a question is about, and what they lack if not. */
export interface CoverageVerdict {
  covered: boolean;
  /** Years, names or terms of the question the documents never mention. */
  missing: string[];
  reason?: string;
}

/**
 * A Chinese question with at most this share of its words unknown to the documents names the ones it lacks; with
 * more, it is read as asked in Chinese about documents in another language, and left to retrieval.
 */
const HAN_UNKNOWN_SHARE = 0.5;
/** A question most of whose topic words (this share or more) the documents never use is not covered. */
const UNKNOWN_SHARE = 0.5;
/** What a question word the documents never use counts towards {@link UNKNOWN_SHARE} when it is not a noun. */
const PARAPHRASE_WEIGHT = 0.5;
const HAN_RE = /\p{Script=Han}/u;
const WORD_RE = /(?<![\p{L}\p{N}'’])[\p{L}][\p{L}\p{N}]*(?:[-'’][\p{L}\p{N}]+)*/gu;
const FOCUS_RE =
  /\b(?:what|which|how (?:much|many))\s+(?:(?:is|are|was|were|did|does|do|has|have|had)\s+)?(?:(?:the|a|an|its|their|his|her|this|that|[\p{L}-]+['’]s)\s+)?((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/iu;

/**
 * The wh-word's noun names the kind of the answer, as the subject of the question's verb ("Which newspaper ran the
 * interview?", "What company makes it?"): documents name the answer, seldom its kind.
 */
function asksForKind(text: string): boolean {
  const tokens = tagText(text).tokens;
  const at = tokens.findIndex((t) => /^(?:what|which)$/i.test(t.text));
  const noun = tokens[at + 1];
  const verb = tokens[at + 2];
  return at >= 0 && noun?.pos === 'NOUN' && (verb?.pos === 'VERB' || verb?.pos === 'AUX');
}

function uncoveredWords(text: string, isKnown: (w: string) => boolean): { word: string; capitalized: boolean }[] {
  const out: { word: string; capitalized: boolean }[] = [];
  for (const m of text.matchAll(WORD_RE)) {
    const raw = m[0];
    if (isKnown(raw)) continue;
    const sentenceStart = m.index === 0 || /[.?!:]\s*$/.test(text.slice(0, m.index));
    out.push({ word: raw, capitalized: !sentenceStart && /^\p{Lu}/u.test(raw) });
  }
  return out;
}

/**
 * Whether the documents write a Chinese word, or part of it: some pair of its characters is a term of some passage
 * (the tokenizer indexes Chinese as character pairs). Exact for a two-character word; a longer one counts when the
 * documents write a part of it ("省政府" for a text that writes "省人民政府").
 */
function hanWordKnown(stats: CorpusStats, word: string): boolean {
  const chars = [...word];
  for (let i = 0; i + 1 < chars.length; i++) if (stats.df.has(chars[i]! + chars[i + 1]!)) return true;
  return false;
}

/**
 * Decides on evidence, not on scores, whether the documents can answer: every year the question
 * asks about must occur in them, and no name or focus noun of the question (the noun of "what kind of X", not the
 * answer's kind as its verb's subject, "which newspaper ran it"; an unknown adjective or adverb there is often a
 * paraphrase) may be absent from them (typos, synonyms, abbreviations, currency names and "money", which figures write as
 * signs, are tolerated), nor, in a Chinese question, a word the documents never write (unless most of its words are
 * unknown, see {@link HAN_UNKNOWN_SHARE}); a question most of whose topic words the documents never use is not
 * covered either.
 */
export function assessCoverage(snapshot: KnowledgeSnapshot, q: QuestionAnalysis): CoverageVerdict {
  const stats = corpusStats(snapshot);
  const missing: string[] = [];
  const maxYear = Math.max(...stats.years);
  for (const y of q.years) {
    if (stats.years.has(y)) continue;
    if (q.op === 'project' && y > maxYear) continue;
    if (q.op === 'implied_base' && stats.years.has(y + 1)) continue;
    missing.push(String(y));
  }
  if (missing.length) return { covered: false, missing, reason: `the documents do not mention ${missing.join(', ')}` };

  const speakerWords = new Set(stats.speakers.flatMap((s) => s.toLowerCase().split(/\s+/)));
  const known = (w: string) =>
    speakerWords.has(w.toLowerCase()) || isKnownWord(stats, w) || askedCurrency(w) !== undefined || isMoneyWord(w);
  const text = withoutContactWording(withoutOpWording(q.factual, q.op));
  const unknown = uncoveredWords(text, known);
  const names = unknown.filter((u) => u.capitalized).map((u) => u.word);
  if (names.length)
    return { covered: false, missing: names, reason: `the documents do not mention ${names.join(', ')}` };
  const han = hanContentWords(text);
  const hanMissing = han.filter((w) => !hanWordKnown(stats, w));
  if (hanMissing.length && hanMissing.length <= han.length * HAN_UNKNOWN_SHARE)
    return { covered: false, missing: hanMissing, reason: `the documents do not mention ${hanMissing.join('、')}` };

  const focus = q.answerType === 'person' || asksForKind(text) ? '' : (FOCUS_RE.exec(text)?.[1] ?? '');
  const nouns = new Set(
    tagText(text)
      .tokens.filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN')
      .map((t) => t.text),
  );
  const focusMissing = focus
    ? uncoveredWords(focus, known)
        .map((u) => u.word)
        .filter((w) => nouns.has(w))
    : [];
  if (focusMissing.length)
    return {
      covered: false,
      missing: focusMissing,
      reason: `the documents say nothing about ${focusMissing.join(', ')}`,
    };

  // Chinese words are weighed above, by their character pairs.
  const content = [...text.matchAll(WORD_RE)].filter((m) => !isFiller(m[0]) && !HAN_RE.test(m[0]));
  const unknownLatin = unknown.filter((u) => !HAN_RE.test(u.word));
  // A verb or adverb the documents lack is often a paraphrase ("swapped" for "replaced"): it counts half.
  const unknownWeight = unknownLatin.reduce((a, u) => a + (nouns.has(u.word) ? 1 : PARAPHRASE_WEIGHT), 0);
  if (content.length >= 3 && unknownWeight / content.length >= UNKNOWN_SHARE) {
    const words = unknownLatin.map((u) => u.word);
    return { covered: false, missing: words, reason: `the documents say nothing about ${words.join(', ')}` };
  }
  return { covered: true, missing: [] };
}
