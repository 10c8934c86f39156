import { isDistanceAfter, unitAfter } from '../../language/dimensions.js';
import { extractClaims, isCheckable } from '../../numbers/index.js';
import { tokenize } from '../../retrieval/tokenizer.js';
import { sameKind } from '../grounding/figure-labels.js';
import { type QuestionAnalysis, yearsIn } from '../question/question.js';
import { namesYearPart, yearPartOnly } from '../question/year-parts.js';
import { RUNNER_UP_SHARE, TOP_SENTENCES } from './decide-limits.js';
import type { EvidenceSentence, ScoredSentence } from './evidence.js';
import { missingMeasure } from './measure-check.js';

/* What the best evidence lacks of a question's period and measure, read with its paragraph and its document's title. */

/**
 * For a question about a figure of one whole year ("exports in 2021"), the part of that year the best sentence gives
 * it for instead, when it mentions the year only so ("in the first half of 2021"): a near miss. Undefined otherwise.
 */
export function yearPartGiven(q: QuestionAnalysis, best: ScoredSentence): string | undefined {
  if (q.years.length !== 1 || namesYearPart(q.factual)) return undefined;
  return yearPartOnly(best.sentence.text, q.years[0]!);
}

/**
 * The measure a "how much X" question names that a sentence with a figure does not, unless an earlier sentence of
 * its paragraph names it with a figure of the same kind ("up to 52 weeks of parental leave. … Partners … may take 6
 * weeks"): the paragraph's later figures give that measure. A revenue in crowns before a rise in percent does not
 * make the rise a revenue.
 */
export function measureGapOf(question: string, s: EvidenceSentence): string | undefined {
  const gap = missingMeasure(question, s.termSet);
  if (!gap) return undefined;
  const before = s.chunk.text.slice(0, s.start - s.chunk.start);
  const paragraph = before.slice(before.lastIndexOf('\n') + 1);
  if (missingMeasure(question, new Set([...s.termSet, ...tokenize(paragraph)]))) return gap;
  const earlier = extractClaims(paragraph).filter(isCheckable);
  return s.figures.some((f) => earlier.some((e) => sameKind(e, f))) ? undefined : gap;
}

/**
 * A sentence that names no year, in a document whose title names `year` ("Annual review 2023"): it speaks of that
 * year, as the whole document does.
 */
export function undatedUnder(s: EvidenceSentence, year: number): boolean {
  return s.years.length === 0 && yearsIn(s.chunk.title).includes(year);
}

/** A Markdown list item: "- …", "* …", "+ …" or "1. …". */
const LIST_ITEM_RE = /^\s*(?:[-*+]|\d+[.)])\s/;
/** A line introducing a list: it ends with a colon, perhaps inside emphasis ("**Do not take it:**"). */
const LEAD_IN_RE = /:[*_]*\s*$/;

/**
 * The line that introduces the list a list-item sentence belongs to ("**Do not take Trevanol if:**" above "- you
 * have kidney disease"), when its passage holds it; '' for any other sentence. The item is read under it, as under a
 * section heading.
 */
export function listLeadIn(s: EvidenceSentence): string {
  if (!LIST_ITEM_RE.test(s.text)) return '';
  const lines = s.chunk.text.slice(0, s.start - s.chunk.start).split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (!line || LIST_ITEM_RE.test(line)) continue;
    return LEAD_IN_RE.test(line) ? line : '';
  }
  return '';
}

/** The top sentences scoring close to the best ({@link RUNNER_UP_SHARE} of it). */
const near = (scored: readonly ScoredSentence[], best: ScoredSentence) =>
  scored.slice(0, TOP_SENTENCES).filter((x) => x.score >= RUNNER_UP_SHARE * best.score);

/** Whether a top sentence close to the best gives an amount of money, which a price question asks for. */
export function moneyNear(scored: readonly ScoredSentence[], best: ScoredSentence): boolean {
  return near(scored, best).some((x) => x.sentence.figures.some((f) => f.currency));
}

/**
 * Every length the top sentences close to the best give is a distance from somewhere ("14 km west of the town"), and
 * there is one: they place the thing a "how tall" question asks about, but do not measure it.
 */
export function distancesOnly(scored: readonly ScoredSentence[], best: ScoredSentence): boolean {
  const lengths = near(scored, best)
    .flatMap(({ sentence: s }) => s.figures.map((f) => s.text.slice(f.end - s.start)))
    .filter((after) => unitAfter(after)?.dimension === 'length');
  return lengths.length > 0 && lengths.every(isDistanceAfter);
}
