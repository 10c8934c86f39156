import { asksExtent } from '../../language/dimensions.js';
import type { Currency } from '../../numbers/index.js';
import type { KnowledgeSnapshot } from '../../retrieval/knowledge-base.js';
import { askedContact } from '../grounding/contact-answer.js';
import type { CoverageVerdict } from '../grounding/coverage.js';
import { corpusStats } from '../question/corpus-stats.js';
import { askedCurrency, asksPrice, CURRENCY_NAMES } from '../question/currency.js';
import type { QuestionAnalysis } from '../question/question.js';
import { asksMeasureLookup, detectSpanType } from '../question/span-type.js';
import { changeOnly } from './change-only.js';
import { RUNNER_UP_SHARE, TOP_SENTENCES } from './decide-limits.js';
import { namedDocumentLead } from './document-names.js';
import type { ScoredSentence } from './evidence.js';
import { evidenceFeatures, nearMissScore } from './evidence-check.js';
import { distancesOnly, listLeadIn, measureGapOf, moneyNear, undatedUnder, yearPartGiven } from './evidence-gaps.js';
import { missingMeasure } from './measure-check.js';
import { continuation, measuredFigureBelow, measuredNext, namedNext, referent } from './next-evidence.js';

/** Below this share of the question's weighted terms, no sentence answers it. */
const MIN_COVERAGE = 0.1;
/** Wording that can only be answered with a figure ("how many", "what share"), unlike "how does X rate". */
const ASKS_FOR_FIGURE_RE = new RegExp(
  [
    String.raw`\bhow (?:much|many|big|large)\b`,
    String.raw`\bwhat (?:share|percent(?:age)?|proportion|portion|value|size|scale|amount|level|total)\b`,
    String.raw`%`,
  ].join('|'),
  'i',
);

/**
 * A question asking for a value ("what was X in 2023", "how much was X in FY22"): when the documents' tables
 * have no row for it, a passage must give a figure for its years, or it is a near miss. Only when it asks for a
 * figure: "what was the committee's key focus in 2019" is answered by a sentence without one.
 */
const LOOKUP_RE = /^\s*(?:what|how much|how many)\s+(?:was|were|is|are|did)\b/iu;

/**
 * A sentence saying the thing it is about is not given ("will be reported at a later date", "has not been
 * disclosed", "is not yet available"): with no figure of its own, it answers a question for that thing by saying so.
 */
const WITHHELD_RE =
  /\b(?:will be (?:reported|published|announced|disclosed|released|presented|made available)(?: at a later date| later| in due course)?|(?:is|are|was|were|has|have) not (?:yet )?(?:been )?(?:available|reported|disclosed|published|announced|released|known)|(?:was|were) not disclosed|undisclosed|not yet (?:available|known|reported))\b/iu;

/** Kinds of answer a withholding sentence can still give: when it will be given, why, how. */
const WITHHELD_ANSWERS: ReadonlySet<string> = new Set(['date', 'reason', 'clause']);

/** The best sentence withholds what the question asks for (see {@link WITHHELD_RE}) and gives no figure instead. */
function withheld(question: string, spanType: string | null, best: ScoredSentence): boolean {
  if ((spanType && WITHHELD_ANSWERS.has(spanType)) || WITHHELD_RE.test(question)) return false;
  return WITHHELD_RE.test(best.sentence.text) && best.sentence.figures.length === 0;
}

/**
 * For a question asking for a figure: none of the best sentences carries one with the question's years (an undated
 * sentence under a title naming them does).
 */
function missingFigure(q: QuestionAnalysis, scored: readonly ScoredSentence[]): string | undefined {
  const fits = scored
    .slice(0, TOP_SENTENCES)
    .some(({ sentence: s }) => s.figures.length > 0 && q.years.every((y) => s.years.includes(y) || undatedUnder(s, y)));
  if (fits) return undefined;
  const when = q.years.length ? ` for ${q.years.join(' and ')}` : '';
  return `no passage gives that figure${when}`;
}

/**
 * A question asking for a figure in one currency ("a dollar value", "多少美元") answered only with figures in another:
 * the computed figure's operands, or else the best sentence's amounts. Returns the reason, or undefined.
 */
function currencyGap(question: string, evidence: Evidence): string | undefined {
  const asked = askedCurrency(question);
  if (!asked) return undefined;
  const given = (
    evidence.computedCurrencies ??
    evidence.scored[0]?.sentence.figures.map((f) => f.currency) ??
    []
  ).filter((c): c is Currency => c !== undefined);
  if (!given.length || given.includes(asked)) return undefined;
  return `the closest passages give figures in ${CURRENCY_NAMES[given[0]!]}, not in ${CURRENCY_NAMES[asked]}`;
}

/** What the decision weighs. */
export interface Evidence {
  question: QuestionAnalysis;
  coverage: CoverageVerdict;
  /** Sentences of the retrieved passages, in the order the answer would quote them (best first). */
  scored: readonly ScoredSentence[];
  /** The question asks about a year just before one the documents give, so an implied earlier value was sought. */
  inferredBase: boolean;
  /** The calculator produced the asked-for figure from the evidence. */
  computed: boolean;
  /** Currencies of the computed figure's operands, when it was computed. */
  computedCurrencies?: readonly (Currency | undefined)[];
  /** The question compares two alternatives, and the documents give a figure for each (see compare-alternatives). */
  compared?: boolean;
  /** The question continues an earlier one, whose words its analysis carries. */
  followUp?: boolean;
  /** The question's years come from the earlier turn of a follow-up, not from its own words. */
  yearsCarried?: boolean;
  /** The best passages' documents have tables, and none of their rows answers this question. */
  tablesMissed?: boolean;
}

/** What the answerer does: abstain for the stated reason, or answer (led by `lead` instead of the best sentence). */
export interface Decision {
  abstain?: string;
  lead?: ScoredSentence;
}

/**
 * The one place the offline answerer decides to abstain; returns the reason, or the sentence to lead the answer
 * with. In order:
 * - the question names years, names or topic words the documents never use (`coverage`);
 * - it asks for a figure no top sentence gives, or whose measure none of the top sentences with a figure names
 *   (`measure-check.ts`), and no lower sentence of the best one's document gives either (one that does is then
 *   checked as the best, see `measuredFigureBelow`);
 * - the best sentence's document never writes a name of the question that titles another document, and no top
 *   sentence of a document that writes it is close behind (one that is leads instead, see `document-names.ts`);
 * - no sentence shares enough of its terms; no top sentence mentions its years (an undated sentence under a title
 *   naming the year does);
 * - the best gives a figure asked for a whole year only for a part of it ("the first half of 2021");
 * - an earlier year's value was sought and nothing derives it;
 * - a figure asked in one currency is given only in another; a price is asked and no top sentence close to the best
 *   gives an amount of money; a size is asked ("how tall") and they give only distances ("14 km west of the town");
 * - the best evidence misses a key part of the question (a rare term, a name, a number, the asked-for kind of span,
 *   a negation) or contradicts it (an antonym), weighed by the near-miss score, or gives a figure for another measure
 *   than the one asked for (one an earlier sentence of its paragraph names, with a figure of the same kind, counts).
 *
 * When the best sentence lacks a figure or a name asked for, or a number the question gives, the next sentence of its
 * passage leads if it continues it (opening with a pronoun, for "who" with a name, for a measure with a figure in its
 * unit) and the two pass together; a best sentence that opens with a pronoun is checked with the sentence before it.
 * When the best sentence lacks only a span of the asked-for kind, the question's number or its measure, a runner-up
 * scoring at least {@link RUNNER_UP_SHARE} of it that passes the same check (and, for a figure, names the measure
 * asked for) leads instead; not when the best states the deed a "who" question asks about without its agent, where a runner-up holding
 * some other name would answer another question. Calculations are judged by their operands, so the near-miss score
 * does not apply to them; a comparison of two alternatives is answered when each has its own well-covered sentence
 * with a figure.
 */
export function decideAbstention(snapshot: KnowledgeSnapshot, evidence: Evidence): Decision {
  const why = abstentionReason(snapshot, evidence);
  if (typeof why === 'string') return { abstain: why };
  return why ? { lead: why.lead } : {};
}

function abstentionReason(
  snapshot: KnowledgeSnapshot,
  evidence: Evidence,
): string | { lead: ScoredSentence } | undefined {
  const { question: q, coverage, scored } = evidence;
  if (evidence.compared) return undefined;
  const spanType = detectSpanType(q.factual);
  if (!coverage.covered) return coverage.reason ?? 'the documents do not mention what the question asks about';
  const asksValue = spanType === 'number' || q.answerType === 'quantity';
  if (evidence.tablesMissed && q.years.length && LOOKUP_RE.test(q.factual) && !q.op && asksValue) {
    const gap = missingFigure(q, scored);
    if (gap) return `no table row answers it and ${gap}`;
  }
  if (q.answerType === 'quantity' && !q.op && ASKS_FOR_FIGURE_RE.test(q.factual)) {
    const gap = missingFigure(q, scored);
    if (gap) return gap;
  }
  const figureAsked =
    spanType === 'number' && (q.answerType === 'quantity' || asksMeasureLookup(q.factual)) && !askedContact(q.factual);
  let promoted: ScoredSentence | undefined;
  if (!q.op && !evidence.computed && !evidence.followUp && figureAsked) {
    const figured = scored.slice(0, TOP_SENTENCES).filter(({ sentence: s }) => s.figures.length > 0);
    const gaps = figured.map(({ sentence: s }) => missingMeasure(q.factual, s.termSet));
    const gap = gaps[0];
    if (gap && gaps.every((g) => g !== undefined)) {
      promoted = measuredFigureBelow(q, scored);
      if (!promoted) return `no passage gives a figure for “${gap}”`;
    }
  }
  const named =
    !q.op && !evidence.computed && scored[0]
      ? namedDocumentLead(snapshot, q.factual, promoted ?? scored[0], scored)
      : undefined;
  if (typeof named === 'string') return named;
  if (named) promoted = named === scored[0] ? undefined : named;
  const best = promoted ?? scored[0];
  if (!best || best.coverage < MIN_COVERAGE) return 'no passage answers this question';
  if (
    q.years.length &&
    !q.op &&
    !scored
      .slice(0, TOP_SENTENCES)
      .some(({ sentence: s }) => q.years.every((y) => s.years.includes(y) || undatedUnder(s, y)))
  ) {
    return `no passage on this mentions ${q.years.join(' and ')}`;
  }
  if (evidence.inferredBase && !evidence.computed) {
    const years = corpusStats(snapshot).years;
    return `they give no figure for ${q.years.filter((y) => !years.has(y)).join(', ')}, and none to derive it from`;
  }
  const part = asksValue && !evidence.computed ? yearPartGiven(q, best) : undefined;
  if (part) return `the closest passage gives it only for ${part}, not for the whole of ${q.years[0]}`;
  const currency = currencyGap(q.factual, evidence);
  if (currency) return currency;
  if (q.op || evidence.computed) return undefined;
  if (asksPrice(q.factual) && !moneyNear(scored, best)) return 'no passage gives a price for it';
  if (asksExtent(q.factual) && distancesOnly(scored, best)) return 'the closest passages give a distance, not its size';
  if (withheld(q.factual, spanType, best)) return 'the closest passage says this is not given yet';
  const changeGiven =
    figureAsked &&
    !evidence.followUp &&
    !missingMeasure(q.factual, best.sentence.termSet) &&
    changeOnly(q.factual, best.sentence);
  if (changeGiven) return 'the closest passage says only by how much it changed, not what it is';
  const checkOf = ({ sentence: s }: ScoredSentence, before = '') =>
    evidenceFeatures(
      corpusStats(snapshot),
      q.factual,
      spanType,
      before ? `${before} ${s.text}` : s.text,
      s.chunk.text,
      s.chunk.speaker,
      evidence.yearsCarried,
      s.chunk.title,
      `${s.chunk.section ?? ''} ${listLeadIn(s)}`.trim(),
    );
  const check = checkOf(best, best.posed?.text ?? referent(best, scored)?.sentence.text);
  const measureGap =
    figureAsked && !evidence.computed && !evidence.followUp && best.sentence.figures.length > 0
      ? measureGapOf(q.factual, best.sentence)
      : undefined;
  // A sentence that says the opposite of a question word ("highest" for "lowest") may be followed by one that says it
  // of the same subject ("The lowest was 7.2 °C").
  const next =
    check.antonymContradiction || check.figureMissing
      ? continuation(best, scored)
      : !check.typeMissing
        ? undefined
        : spanType === 'number'
          ? (continuation(best, scored) ?? measuredNext(best, scored, q.factual))
          : spanType === 'person'
            ? namedNext(best, scored, q.factual)
            : undefined;
  const pair = next ? checkOf(next, best.sentence.text) : undefined;
  if (next && pair && !pair.typeMissing && nearMissScore(pair) <= 0) return { lead: next };
  if (nearMissScore(check) <= 0 && !measureGap) return promoted && { lead: promoted };
  const lead =
    (check.typeMissing || check.figureMissing || measureGap) && !check.agentMissing
      ? scored
          .slice(1, TOP_SENTENCES)
          .find(
            (s) =>
              s.score >= RUNNER_UP_SHARE * best.score &&
              nearMissScore(checkOf(s)) <= 0 &&
              (spanType !== 'number' || !missingMeasure(q.factual, s.sentence.termSet)),
          )
      : undefined;
  if (lead) return { lead };
  return measureGap && nearMissScore(check) <= 0
    ? `the closest passage gives no figure for “${measureGap}”`
    : check.reason;
}
