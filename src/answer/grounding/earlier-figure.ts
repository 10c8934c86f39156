import { EARLIER_PERIOD, namesEarlierPeriod } from '../../language/relative-periods.js';
import { extractClaims, isCheckable, type NumericClaim } from '../../numbers/index.js';
import { sameKind } from './figure-labels.js';

/** A figure of the earlier period: the period written right after it ("2.3% a year ago", "80.1% last year"). */
const PERIOD_AFTER_RE = new RegExp(
  String.raw`^[^\p{L}\p{N},;.]*(?:(?:[\p{Ll}-]+\s+){0,2})(?:in\s+|for\s+)?(?:${EARLIER_PERIOD})\b`,
  'iu',
);
/** A figure set against the current one: "down from 80.1%", "compared with 2.3%", "against 18.9%". */
const BASE_BEFORE_RE = /\b(?:from|compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:about\s+|around\s+|nearly\s+)?$/iu;

/** A figure span of a sentence: its text and offsets into the sentence. */
interface FigureSpan {
  text: string;
  start: number;
  end: number;
}

/**
 * For a question about an earlier period ("What was gross margin a year earlier?"), the figure of the sentence that
 * gives it instead of the chosen one, of the same kind: the one the sentence labels with an earlier period ("2.18
 * million a year ago"), else the one it sets the chosen figure against ("78.6%, down from 80.1%"). The chosen span
 * stays when it is that figure, when the sentence tells none apart, or when the question does not ask for an earlier
 * period.
 */
export function earlierFigure<S extends FigureSpan>(question: string, sentence: string, span: S): S {
  if (!namesEarlierPeriod(question)) return span;
  const figures = extractClaims(sentence).filter(isCheckable);
  const chosen = figures.find((f) => f.start < span.end && f.end > span.start);
  if (!chosen) return span;
  const kin = figures.filter((f) => f === chosen || sameKind(f, chosen));
  const labelled = kin.filter((f) => PERIOD_AFTER_RE.test(sentence.slice(f.end)));
  const based = kin.filter((f) => f !== chosen && BASE_BEFORE_RE.test(sentence.slice(0, f.start)));
  const pick = labelled.length === 1 ? labelled[0] : !labelled.length && based.length === 1 ? based[0] : undefined;
  return pick && pick !== chosen ? spanOf(span, sentence, pick) : span;
}

const spanOf = <S extends FigureSpan>(span: S, sentence: string, f: NumericClaim): S => ({
  ...span,
  text: sentence.slice(f.start, f.end),
  start: f.start,
  end: f.end,
});
