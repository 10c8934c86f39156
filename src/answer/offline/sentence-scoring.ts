import { askedDimensions, unitAfter } from '../../language/dimensions.js';
import { tagText } from '../../language/tagger.js';
import { conceptTable } from '../../retrieval/concepts.js';
import { derivedTerms } from '../../retrieval/derived-terms.js';
import type { KnowledgeSnapshot } from '../../retrieval/knowledge-base.js';
import { stem, tokenize } from '../../retrieval/tokenizer.js';
import { askedContact, contactsIn } from '../grounding/contact-answer.js';
import { roleForms } from '../grounding/question-words.js';
import { type CorpusStats, corpusStats } from '../question/corpus-stats.js';
import { CAUSE_QUESTION_RE } from '../question/span-type.js';
import type { EvidenceSentence, ScoredSentence } from './evidence.js';
import { queryTerms, type ScoringQuery, stripIdioms, type WeightedTerm } from './scoring-query.js';
import { SENTENCE_FEATURES, type SentenceFeature } from './sentence-features.js';
import { SENTENCE_WEIGHTS } from './sentence-weights.js';

const ORDINAL_RE = /\b(?:the|number|point|reason|item)\s+(first|second|third|fourth|fifth)\b/i;
const ORDINAL_START: Record<string, RegExp> = {
  first: /^(?:first(?:ly)?|the first)\b/i,
  second: /^(?:second(?:ly)?|the second)\b/i,
  third: /^(?:third(?:ly)?|the third)\b/i,
  fourth: /^(?:fourth(?:ly)?|the fourth)\b/i,
  fifth: /^(?:fifth(?:ly)?|the fifth)\b/i,
};

/** A question asking how to do something: "how do I apply", "how can members renew", "how to descale"; group 1 is the verb. */
const HOW_TO_RE =
  /\bhow (?:(?:do|can|should|could|would|may|must|will) (?:i|we|you|one|they|people|users|customers|members|staff|students|applicants)|to) (\p{L}+)/iu;
/** "to" and the word after it, as a purpose or instruction opens ("To apply, send …"). */
const TO_VERB_RE = /\bto (\p{L}+)/giu;

/** Wording that states a reason or a cause (see `reasonGiven` in sentence-features.ts). */
const REASON_CUE_RE =
  /\b(?:because|so that|so as to|in order to|due to|owing to|thanks to|as a result|caused by|on account of|the reason|led to|leading to|resulted in|result of)\b/iu;

/** The stem of the verb a how-to question asks about, if it is one. */
const howToVerb = (question: string): string | undefined => {
  const verb = HOW_TO_RE.exec(question)?.[1];
  return verb ? stem(verb.toLowerCase()) : undefined;
};

/** Whether a sentence writes "to" before the verb (by stem). */
const saysTo = (text: string, verb: string): boolean =>
  [...text.matchAll(TO_VERB_RE)].some((m) => stem(m[1]!.toLowerCase()) === verb);

/**
 * How much a question term found only in the sentence before counts, for a sentence that opens with a pronoun
 * referring back to it (see `PRONOUN_START_RE` in evidence.ts).
 */
const INHERITED_MATCH = 0.3;

/**
 * How much a question term found only in the title of the sentence's document counts ("the Velmora Water Authority's
 * leakage rate" in a sentence of that authority's report that only says "Leakage fell"). On SQuAD's development
 * articles 0.3 and 0.6 gave the same F1 (40.5 -> 40.8), and 0.6 lost cases of the development suites.
 */
const TITLE_MATCH = 0.3;
/**
 * How much a question term found only in the headings the sentence sits under counts ("4.2.0" of "Loomwright 4.2.0 ›
 * Fixed bugs" for a sentence listing a fix, an interviewer's question for the answer under it). On the development
 * suites 0.3 passed one more case than none (genres-3), 0.6 three (the bundled interview and genres-6 too), 0.8 lost
 * one of genres. Indexing the headings with the passage for BM25 as well changed no case.
 */
const SECTION_MATCH = 0.6;
/**
 * How much a question term counts when the sentence has only a derivationally related form of it ("colonize" and
 * "colony", "die" and "death"; see `derivedTerms`).
 */
const DERIVED_MATCH = 0.6;
/** Titles whose terms are kept; the cache starts again beyond this many. */
const TITLE_CACHE_LIMIT = 10_000;
const titleCache = new Map<string, ReadonlySet<string>>();

/** The tokenizer terms of a document title or a section's headings. */
function titleTerms(title: string): ReadonlySet<string> {
  let t = titleCache.get(title);
  if (!t) {
    if (titleCache.size >= TITLE_CACHE_LIMIT) titleCache.clear();
    t = new Set(tokenize(title));
    titleCache.set(title, t);
  }
  return t;
}

function termMatch(t: WeightedTerm, s: EvidenceSentence, sentenceConcepts: () => ReadonlySet<number>): number {
  if (s.termSet.has(t.term)) return 1;
  if (t.concepts.length && t.concepts.some((c) => sentenceConcepts().has(c))) return 0.6;
  for (const form of derivedTerms(t.term) ?? []) if (s.termSet.has(form)) return DERIVED_MATCH;
  if (s.inherited?.has(t.term)) return INHERITED_MATCH;
  if (titleTerms(s.chunk.title).has(t.term)) return TITLE_MATCH;
  return s.chunk.section && titleTerms(s.chunk.section).has(t.term) ? SECTION_MATCH : 0;
}

function phraseMatches(qTokens: readonly string[], s: EvidenceSentence): number {
  let hits = 0;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < s.terms.length; i++) pairs.add(`${s.terms[i]} ${s.terms[i + 1]}`);
  for (let i = 0; i + 1 < qTokens.length; i++) if (pairs.has(`${qTokens[i]} ${qTokens[i + 1]}`)) hits++;
  return Math.min(hits, MAX_PHRASES) / MAX_PHRASES;
}

/** Question word pairs found as pairs in a sentence beyond this many add nothing. */
const MAX_PHRASES = 3;
/** The features of a sentence for a question, in {@link SENTENCE_FEATURES} order. */
function sentenceFeatures(
  stats: CorpusStats,
  sentences: readonly EvidenceSentence[],
  q: ScoringQuery,
): Record<SentenceFeature, number>[] {
  const terms = queryTerms(stats, q);
  const total = terms.reduce((a, t) => a + t.weight, 0) || 1;
  const qTokens = tokenize(stripIdioms(q.text, q.calculation));
  const concepts = conceptTable();
  const ordinal = ORDINAL_RE.exec(q.text)?.[1]?.toLowerCase();
  const dimensions = askedDimensions(q.text);
  const howTo = howToVerb(q.text);
  const measured = (s: EvidenceSentence) =>
    s.figures.some((f) => {
      const unit = unitAfter(s.text.slice(f.end - s.start));
      return unit !== undefined && dimensions.includes(unit.dimension);
    });
  const yes = (b: boolean) => (b ? 1 : 0);
  const reason = q.answerType === 'reason' || CAUSE_QUESTION_RE.test(q.text);
  const contact = askedContact(q.text);
  const role = [...roleForms(tagText(q.text).tokens)];
  return sentences.map((s) => {
    let conceptSet: Set<number> | undefined;
    const sentenceConcepts = () => (conceptSet ??= new Set(s.terms.flatMap((t) => concepts.get(t) ?? [])));
    const matched = terms.reduce((a, t) => a + t.weight * termMatch(t, s, sentenceConcepts), 0);
    const speaker = Boolean(s.chunk.speaker && q.speakers.includes(s.chunk.speaker));
    const quantity = q.answerType === 'quantity';
    return {
      coverage: matched / total,
      phrases: phraseMatches(qTokens, s),
      rankPrior: 1 / (1 + s.rank),
      years: q.years.length ? q.years.filter((y) => s.years.includes(y)).length / q.years.length : 0,
      numbers: yes(q.numbers.length > 0 && q.numbers.some((n) => s.figures.some((f) => f.value === n))),
      namedSpeaker: yes(speaker),
      otherSpeaker: yes(q.speakers.length > 0 && !speaker),
      ordinal: yes(ordinal !== undefined && ORDINAL_START[ordinal]!.test(s.text)),
      quantityFigure: yes(quantity && s.figures.length > 0),
      quantityNoFigure: yes(quantity && s.figures.length === 0),
      dimensionFigure: yes(dimensions.length > 0 && measured(s)),
      purpose: yes(howTo !== undefined && saysTo(s.text, howTo)),
      reasonGiven: yes(reason && REASON_CUE_RE.test(s.text)),
      listLike: yes(q.answerType === 'list' && (s.text.match(/,|;| and /g)?.length ?? 0) >= 2),
      contactGiven: yes(contact !== null && contactsIn(s.text, contact).length > 0),
      roleWord: yes(role.some((f) => s.termSet.has(f))),
    };
  });
}

/**
 * Scores sentences for a question by the weighted sum of their features (see `sentence-weights.ts`): IDF-weighted
 * coverage of the question's terms (synonyms count partly), phrase matches, the passage's retrieval rank,
 * the asked-for years and numbers, the named speaker, and whether the sentence can supply the answer type (a figure
 * for quantities, an enumeration for lists).
 */
export function scoreSentences(
  snapshot: KnowledgeSnapshot,
  sentences: readonly EvidenceSentence[],
  q: ScoringQuery,
): ScoredSentence[] {
  const features = sentenceFeatures(corpusStats(snapshot), sentences, q);
  return sentences
    .map((sentence, i) => {
      const f = features[i]!;
      let score = 0;
      for (const name of SENTENCE_FEATURES) score += SENTENCE_WEIGHTS[name] * f[name];
      return { sentence, score, coverage: f.coverage };
    })
    .sort((a, b) => b.score - a.score || a.sentence.start - b.sentence.start);
}
