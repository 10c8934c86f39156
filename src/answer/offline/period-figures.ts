import type { NumericClaim } from '../../numbers/index.js';
import { writtenYears } from '../question/question.js';
import type { Citation, ShortAnswer } from '../schema.js';
import type { EvidenceSentence } from './evidence.js';

/** Units of figures that are values of a measure, as opposed to years, durations and labels. */
const VALUE_UNITS: ReadonlySet<NumericClaim['unit']> = new Set(['currency', 'count', '%', 'pp', 'times']);
const RESPECTIVELY_RE = /\brespectively\b/i;

const sameKind = (a: NumericClaim, b: NumericClaim) =>
  a.unit === b.unit && (a.currency ?? null) === (b.currency ?? null);

/**
 * The sentence's figure for each of `years` (the question's, in the order it writes them): from a list the sentence pairs
 * with its years ("$12.5 million and $12.6 million in 2019 and 2018, respectively"), else one figure of one kind
 * for each of two or more years ("$4.2 million in 2019, against $3.9 million in 2018"). Null when the years are not all
 * told apart.
 */
export function figuresForYears(sentence: EvidenceSentence, years: readonly number[]): NumericClaim[] | null {
  if (!years.length) return null;
  const values = sentence.figures.filter((f) => VALUE_UNITS.has(f.unit));
  if (RESPECTIVELY_RE.test(sentence.text)) {
    const written = writtenYears(sentence.text);
    if (written.length >= 2 && years.every((y) => written.includes(y))) {
      for (let i = 0; i + written.length <= values.length; i++) {
        const run = values.slice(i, i + written.length);
        if (run.every((f) => sameKind(f, run[0]!))) return years.map((y) => run[written.indexOf(y)]!);
      }
    }
  }
  if (years.length < 2) return null;
  const tagged = years.map((y) => values.filter((f) => f.year === y));
  if (!tagged.every((t) => t.length === 1)) return null;
  const picked = tagged.map((t) => t[0]!);
  return picked.every((f) => sameKind(f, picked[0]!)) ? picked : null;
}

/**
 * The lead of an answer to a figure asked for one or more years that the cited sentence lists ("X in 2019 and 2018
 * respectively", or 2018 out of "… in 2019, 2018 and 2017, respectively"): one short answer per year, in the order the question writes them, from the cited sentence (document offsets), and the line that
 * gives them ("$4.2 million in 2024 and $3.9 million in 2023 [1]."). Null when the sentence does not tell the
 * years apart or the figures fall outside the citation.
 */
export function periodLead(
  question: string,
  sentence: EvidenceSentence | undefined,
  citation: Citation | undefined,
): { spans: ShortAnswer[]; text: string } | null {
  const years = writtenYears(question);
  const figures = sentence && citation ? figuresForYears(sentence, years) : null;
  if (!figures || !citation || figures.some((f) => f.start < citation.start || f.end > citation.end)) return null;
  const spans = figures.map((f) => ({ text: f.text, citation: citation.n, start: f.start, end: f.end }));
  const listed = figures.map((f, i) => `${f.text} in ${years[i]}`).join(' and ');
  return { spans, text: `${listed} [${citation.n}].` };
}
