import type { SentenceSpan } from '../../types.js';
import type { CalcOp } from '../calculator/schemas.js';
import type { Currency, Scale } from '../quantity.js';

/**
 * Kind of figure: '%' percent, 'pp' percentage points, 'times' a multiple ("4 times", "doubled"),
 * 'currency' money, 'count' any other number, 'duration' a span of years ("five years"),
 * 'year' a calendar year, 'label' a numeral that names something ("21st", a report's "(2021)").
 */
export type ClaimUnit = '%' | 'pp' | 'times' | 'currency' | 'count' | 'duration' | 'year' | 'label';

/** Hedge or bound written just before a figure. */
export type Qualifier =
  | 'nearly'
  | 'almost'
  | 'close to'
  | 'about'
  | 'around'
  | 'approximately'
  | 'roughly'
  | 'basically'
  | 'over'
  | 'more than'
  | 'exceeded'
  | 'above'
  | 'at least'
  | 'less than'
  | 'under'
  | 'below'
  | 'up to'
  | 'at most';

/** A numeric figure found in text; offsets are absolute. */
export interface NumericClaim {
  /** The figure as written, without its qualifier: "US$12.5 billion", "18%", "doubled", "five years". */
  text: string;
  /** The number as written, in `scale` (12.5 for "US$12.5 billion"; 2 for "doubled"). */
  value: number;
  unit: ClaimUnit;
  currency?: Currency | undefined;
  scale?: Scale | undefined;
  /** Digits after the decimal point as written; word figures have 0. */
  decimals: number;
  /** True for figures written as words ("doubled", "five years"). */
  words: boolean;
  /** Year the figure refers to, when clear ("US$8 billion in 2016", or the sentence's only year). */
  year?: number | undefined;
  /** Every calendar year mentioned in the sentence, ascending. */
  years: number[];
  qualifier?: Qualifier | undefined;
  start: number;
  end: number;
  sentence: SentenceSpan;
}

/**
 * verified: recomputed value matches the stated figure at its precision.
 * approximate: matches within the looser tolerance of a hedge (nearly, about, basically) or of rounding.
 * mismatch: recomputed value does not match; `value` holds what the operands give.
 * computed: the text states the operands but not the result; `value` is the implied figure.
 * unchecked: nothing in the sentence to derive or recompute it from; see `reason`.
 */
export type CheckStatus = 'verified' | 'approximate' | 'mismatch' | 'computed' | 'unchecked';

/** Outcome of checking one figure. */
export interface ClaimCheck {
  claim: NumericClaim;
  op: CalcOp | null;
  args: Record<string, unknown> | null;
  /** Computed value (unrounded), or null when unchecked. */
  value: number | null;
  display: string | null;
  formula: string | null;
  status: CheckStatus;
  reason: string;
}
