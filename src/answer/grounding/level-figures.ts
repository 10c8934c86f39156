import { changeBefore, FALL_WORDS, RISE_WORDS } from '../../language/direction-words.js';
import { EARLIER_PERIOD, namesEarlierPeriod } from '../../language/relative-periods.js';
import { extractClaims, isCheckable } from '../../numbers/index.js';
import { type FigureSpan, replacedFigure, sameKind } from './figure-labels.js';

/* Which figure of a sentence stating a change a question asks for: the earlier level, or the level reached. */

/** A figure of the earlier period: the period written right after it ("2.3% a year ago", "80.1% last year"). */
const PERIOD_AFTER_RE = new RegExp(
  String.raw`^[^\p{L}\p{N},;.]*(?:(?:[\p{Ll}-]+\s+){0,2})(?:in\s+|for\s+)?(?:${EARLIER_PERIOD})\b`,
  'iu',
);
/** A figure set against the current one: "down from 80.1%", "compared with 2.3%", "against 18.9%". */
const BASE_BEFORE_RE = /\b(?:from|compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:about\s+|around\s+|nearly\s+)?$/iu;

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
  return pick && pick !== chosen ? replacedFigure(span, sentence, chosen, pick) : span;
}

/** Wording asking how something changed, or for a rate or comparison, which a change figure answers. */
const ASKS_CHANGE_RE = new RegExp(
  String.raw`\b(?:${[...RISE_WORDS, ...FALL_WORDS].join('|')}|chang\w*|differ\w*|compared?|than|by how much|percent\w*|rate)\b|%`,
  'iu',
);
/** The level a change reaches: "to £312.48", "to about 3,100". */
const REACHED_RE = /\bto\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?$/iu;

/**
 * For a question asking what a figure is, with no change wording ("How much will the council tax be?"), the level the
 * sentence says it reaches instead of the chosen change ("will rise by 4.2%, from £299.88 to £312.48" -> "£312.48").
 * The chosen span stays when it is no change, or when the sentence gives no level after "to".
 */
export function levelFigure<S extends FigureSpan>(question: string, sentence: string, span: S): S {
  if (ASKS_CHANGE_RE.test(question) || namesEarlierPeriod(question)) return span;
  const figures = extractClaims(sentence).filter(isCheckable);
  const chosen = figures.find((f) => f.start < span.end && f.end > span.start);
  if (!chosen || !changeBefore(sentence, chosen.start)) return span;
  const reached = figures.filter((f) => f !== chosen && REACHED_RE.test(sentence.slice(0, f.start)));
  return reached.length === 1 ? replacedFigure(span, sentence, chosen, reached[0]!) : span;
}
