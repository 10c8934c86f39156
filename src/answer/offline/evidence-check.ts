import { hanContentWords } from '../../language/han-words.js';
import { derivedTerms } from '../../retrieval/derived-terms.js';
import { tokenize } from '../../retrieval/tokenizer.js';
import { hasExactSpan } from '../grounding/short-answer.js';
import { type CorpusStats, idf } from '../question/corpus-stats.js';
import type { SpanType } from '../question/span-type.js';
import { agentlessPassive, contradictedWord, NEGATION_RE, negatesRelation, swappedModifier } from './contradictions.js';
import { missingQuestionFigure } from './figure-match.js';
import { withoutHowIdioms } from './scoring-query.js';

/** What the best evidence shows of a question's parts; each value is 0..1. */
export interface EvidenceFeatures {
  /** IDF-weighted share of the question's terms the best sentence has. */
  sentenceCoverage: number;
  /** IDF-weighted share of the question's terms the best sentence's passage has. */
  passageCoverage: number;
  /** IDF of the rarest question term the best sentence lacks, over the largest IDF. */
  sentenceRarestMissing: number;
  /**
   * 1 when a name, number or year the question writes (capitalised inside it, or digits) is not in the passage; in a
   * Chinese question, which has no capitals, any content word of it (see `hanContentWords`).
   */
  nameMissing: number;
  /** 1 when the question asks for a date, number, person or place and the best sentence holds no span of that kind (its speaker answers "who"). */
  typeMissing: number;
  /** The same, for a "when" question: 1 when the best sentence holds no date. */
  dateMissing: number;
  /** 1 when the question is negated ("not", "never", "n't") and the sentence is not. */
  negationMismatch: number;
  /** 1 when the question writes a number, year or century in digits that the sentence does not give. */
  figureMissing: number;
  /** 1 when the sentence has a noun of the question under another modifier ("the Plus plan" for "the Team plan"). */
  modifierSwap: number;
  /** 1 when the sentence has the antonym of one of the question's words instead of the word ("worst" for "best"). */
  antonymContradiction: number;
  /**
   * 1 when the question asks who did something and the sentence says it was done without saying by whom, and names no
   * one.
   */
  agentMissing: number;
}

/**
 * Weight of {@link EvidenceFeatures.antonymContradiction}, set by hand on the development half of the SQuAD 2.0
 * sample after the others were fitted: high enough that the contradiction alone marks a near miss.
 */
const ANTONYM_WEIGHT = 3.5;

/**
 * Weight of {@link EvidenceFeatures.figureMissing}, set by hand on the development half of the SQuAD 2.0 sample after
 * the others were fitted (1.5 and 3.5 gave the same figures there).
 */
const FIGURE_WEIGHT = 1.5;

/**
 * Weight of {@link EvidenceFeatures.modifierSwap}, set by hand on the development half of the SQuAD 2.0 sample after
 * the others were fitted: 1 caught 13 more unanswerable questions there for 2 more false abstentions, 0.5 caught 5
 * for none.
 */
const MODIFIER_WEIGHT = 1;

/**
 * Weight of {@link EvidenceFeatures.dateMissing}, on top of `typeMissing`, set by hand on the development half of the
 * SQuAD 2.0 sample after the others were fitted: there 1 caught 9 more unanswerable questions than 0.5 for 3 more
 * false abstentions; 1.5 and 2 caught no more.
 */
const DATE_WEIGHT = 1;

/**
 * Weight of {@link EvidenceFeatures.agentMissing}, set by hand: high enough that a sentence carrying every word of
 * "Who founded X?" but saying only "X was founded in 1956" is a near miss. On the SQuAD sample it changes one answer
 * (to a false abstention), too few to fit it there.
 */
const AGENT_WEIGHT = 2;

/**
 * Weights of the near-miss score `sum(weight * feature) + bias`; the answerer abstains when it is
 * above 0. Fitted by logistic regression on the development half of the SQuAD 2.0 sample (four of
 * its eight articles); the bias was then lowered until the whole answerer's false abstentions on that
 * half stayed under 5% (-2.97: 5.0%, with 17.6% of unanswerable questions caught; -3.1: 4.4% and 15.3%).
 */
export const NEAR_MISS_WEIGHTS: Readonly<Record<keyof EvidenceFeatures, number>> = {
  sentenceCoverage: -0.96,
  passageCoverage: 2.4,
  sentenceRarestMissing: 1.02,
  nameMissing: 0.6,
  typeMissing: 0.97,
  dateMissing: DATE_WEIGHT,
  negationMismatch: 2.28,
  antonymContradiction: ANTONYM_WEIGHT,
  figureMissing: FIGURE_WEIGHT,
  modifierSwap: MODIFIER_WEIGHT,
  agentMissing: AGENT_WEIGHT,
};
/** Bias of the near-miss score (see {@link NEAR_MISS_WEIGHTS}). */
export const NEAR_MISS_BIAS = -3.1;

/**
 * A yes/no question ("Is the library open on Sundays?", "Does it charge late fees?"): a sentence with the antonym of
 * its word ("closed on Sundays") answers it, no.
 */
const POLAR_RE = /^\W*(?:is|are|was|were|do|does|did|can|could|will|would|has|have|had|should|may|must)\b/iu;
const NAME_RE = /(?<=\S\s+)\p{Lu}[\p{L}\p{N}'’-]*|\b\d[\d,.]*\b/gu;
/** A possessive ending or trailing punctuation, not part of the name ("Logistics'", "Veridia's", "2023,"). */
const POSSESSIVE_RE = /(?:['’]s?|[,.])$/u;
/** A table row as a sentence ("| United States | 1,079,520 |"): its years and units are in the table's header. */
const TABLE_ROW_RE = /^\s*\|/u;
/** A calendar year as written. */
const YEAR_RE = /\b(?:1[5-9]|20)\d\d\b/u;
const YEAR_GLOBAL_RE = new RegExp(YEAR_RE.source, 'gu');
const EXACT_TYPES: ReadonlySet<SpanType> = new Set(['date', 'number', 'person', 'place']);
const HAN_RE = /\p{Script=Han}/u;

/** Whether a text has a term. */
interface TermTest {
  has(term: string): boolean;
}

/** Tests a term against a text's tokenizer terms, and a Chinese word against the text itself. */
function termTest(text: string): TermTest {
  const terms = new Set(tokenize(text));
  const derived = (t: string) => {
    for (const form of derivedTerms(t) ?? []) if (terms.has(form)) return true;
    return false;
  };
  return { has: (t) => terms.has(t) || (HAN_RE.test(t) && text.includes(t)) || derived(t) };
}

function weightedShare(terms: readonly string[], has: TermTest, stats: CorpusStats): number {
  let total = 0;
  let found = 0;
  for (const t of new Set(terms)) {
    const w = idf(stats, t);
    total += w;
    if (has.has(t)) found += w;
  }
  return total ? found / total : 1;
}

/** {@link EvidenceFeatures} with the gap they point at, in words. */
export interface EvidenceCheck extends EvidenceFeatures {
  reason: string;
}

/**
 * Measures how much of a question the best sentence and its passage carry (see {@link EvidenceFeatures}).
 * `carried` says the question's figures come from an earlier turn of a follow-up ("and for young people?"), so a
 * sentence that names no year of its own may take them from its passage; numbers of the document's `title` and, but
 * for years, of the `section` headings count as the sentence's own, the headings' words as its own and its passage's,
 * and a negation of the headings as its own ("What is not covered" over a list).
 */
export function evidenceFeatures(
  stats: CorpusStats,
  question: string,
  spanType: SpanType | null,
  sentence: string,
  passage: string,
  speaker: string | null = null,
  carried = false,
  title = '',
  section = '',
): EvidenceCheck {
  // The tokenizer splits Chinese into character pairs across word boundaries; the question's words count instead.
  const hanWords = hanContentWords(question);
  const qTerms = [...tokenize(withoutHowIdioms(question)).filter((t) => !HAN_RE.test(t)), ...hanWords];
  // The headings a passage sits under are part of it and of its sentences ("Tallowpress 3.1 › Fixed bugs" over a fix).
  const headed = section ? `${section}\n${passage}` : passage;
  const sentenceTerms = termTest(section ? `${section}\n${sentence}` : sentence);
  const passageTerms = termTest(headed);
  const maxIdf = idf(stats, '\u0000') || 1;
  let sentenceRarest = 0;
  let rarestTerm: string | undefined;
  for (const t of qTerms) {
    const r = sentenceTerms.has(t) ? 0 : idf(stats, t) / maxIdf;
    if (r > sentenceRarest) [sentenceRarest, rarestTerm] = [r, t];
  }
  const passageLower = headed.toLowerCase();
  const names = [
    ...(question.match(NAME_RE) ?? []).map((n) => n.toLowerCase().replace(POSSESSIVE_RE, '')),
    ...hanWords,
  ];
  const nameMissing = names.some((n) => !passageLower.includes(n)) ? 1 : 0;
  const exactType = spanType !== null && EXACT_TYPES.has(spanType);
  const spoken = spanType === 'person' && speaker !== null;
  const typeMissing = exactType && !spoken && !hasExactSpan(sentence, question, spanType) ? 1 : 0;
  // The adjective of "how fast" shapes the question: "slowed to 4.1%" answers it.
  const contradicted = POLAR_RE.test(question) ? undefined : contradictedWord(withoutHowIdioms(question), sentence);
  const swapped = swappedModifier(question, sentence);
  // A passive naming someone elsewhere ("was electrified in 1907, when the engineer X built …") may name its agent.
  const passive = spanType === 'person' && !spoken && typeMissing ? agentlessPassive(question, sentence) : undefined;
  const ownFigures = !TABLE_ROW_RE.test(sentence) && !(carried && !YEAR_RE.test(sentence));
  // A heading's version or model number names what its sentences are about; a year in it may date only one of them.
  const headingNumbers = section.replace(YEAR_GLOBAL_RE, ' ');
  const figure = missingQuestionFigure(question, ownFigures ? sentence : passage, headed, `${title} ${headingNumbers}`);
  const features = {
    sentenceCoverage: weightedShare(qTerms, sentenceTerms, stats),
    passageCoverage: weightedShare(qTerms, passageTerms, stats),
    sentenceRarestMissing: sentenceRarest,
    nameMissing,
    typeMissing,
    dateMissing: typeMissing && spanType === 'date' ? 1 : 0,
    negationMismatch: negatesRelation(question) && !NEGATION_RE.test(sentence) && !NEGATION_RE.test(section) ? 1 : 0,
    antonymContradiction: contradicted ? 1 : 0,
    figureMissing: figure ? 1 : 0,
    modifierSwap: swapped ? 1 : 0,
    agentMissing: passive ? 1 : 0,
  };
  return {
    ...features,
    reason: gapReason(features, { question, rarestTerm, spanType, contradicted, figure, swapped, passive }),
  };
}

/** What {@link gapReason} words a gap with. */
interface GapWords {
  question: string;
  rarestTerm: string | undefined;
  spanType: SpanType | null;
  /** The question's word and the antonym the sentence has. */
  contradicted: [string, string] | undefined;
  /** The question's number the sentence lacks. */
  figure: string | undefined;
  /** The question's noun phrase and the one the sentence has instead. */
  swapped: [string, string] | undefined;
  /** The verb the sentence states in the passive without its agent. */
  passive: string | undefined;
}

/** The part of the question the evidence lacks or contradicts most plainly, in words. */
function gapReason(f: EvidenceFeatures, w: GapWords): string {
  if (f.negationMismatch) return 'the closest passage does not state the negated relation the question asks about';
  if (w.contradicted) return `the closest passage says “${w.contradicted[1]}”, not “${w.contradicted[0]}”`;
  if (w.figure) return `the closest passage does not give “${w.figure}”`;
  if (w.swapped) return `the closest passage is about “${w.swapped[1]}”, not “${w.swapped[0]}”`;
  if (w.passive) return `the closest passage says it was ${w.passive} but not by whom`;
  if (f.typeMissing && w.spanType)
    return `the closest passage gives no ${w.spanType === 'person' ? 'name' : w.spanType} for it`;
  const { rarestTerm } = w;
  const word =
    rarestTerm && HAN_RE.test(rarestTerm)
      ? rarestTerm
      : rarestTerm && w.question.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.find((x) => tokenize(x).includes(rarestTerm));
  return word
    ? `the closest passage does not mention “${word}” in that sense`
    : 'the closest passage does not carry what the question asks about';
}

/** The near-miss score of some features: above 0, the evidence lacks a key part of the question. */
export function nearMissScore(
  f: EvidenceFeatures | EvidenceCheck,
  weights = NEAR_MISS_WEIGHTS,
  bias = NEAR_MISS_BIAS,
): number {
  let s = bias;
  for (const k of Object.keys(weights) as (keyof EvidenceFeatures)[]) s += weights[k] * f[k];
  return s;
}
