import {
  type CalcOp,
  type CalcResult,
  type ClaimCheck,
  calculate,
  checkClaims,
  type NumericClaim,
} from '../../numbers/index.js';
import type { EvidenceSentence } from './evidence.js';
import type { Figure } from './numeric-operands.js';

/** A calculator result with the sentences its operands came from. */
export interface NumericAnswer {
  result: CalcResult;
  /** Operand figures, in argument order. */
  operands: NumericClaim[];
  sources: EvidenceSentence[];
  /** A figure the documents themselves state for this result, checked against it. */
  stated?: ClaimCheck;
  /** Plain-language statement of what was computed (no citation markers). */
  statement: string;
  /**
   * A second result the statement also gives, with the words giving it at the statement's end ("a rise of 83,300"):
   * the change in the figures' own unit beside a growth rate.
   */
  also?: { result: CalcResult; words: string };
}

/** The calculator's result for `op` and `args`, or null when it cannot compute them. */
export function run(op: CalcOp, args: Record<string, unknown>): CalcResult | null {
  try {
    return calculate(op, args);
  } catch {
    return null;
  }
}

/** " in 2019" for a figure dated 2019, nothing for an undated one. */
export const yr = (f: NumericClaim) => (f.year ? ` in ${f.year}` : '');

/** "A in 2018, B in 2019 and C in 2020". */
export const listed = (figs: readonly Figure[]) => {
  const items = figs.map((f) => `${f.text}${yr(f)}`);
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? '');
};

/** A numeric answer for a result computed from `operands`, with a figure its sentences state for that result. */
export function finish(result: CalcResult, operands: Figure[], statement: string): NumericAnswer {
  const sources = [...new Set(operands.map((o) => o.source))];
  const stated = sources
    .flatMap((s) => checkClaims(s.text, s.start))
    .find(
      (c) =>
        c.op === result.op &&
        c.status !== 'unchecked' &&
        c.status !== 'computed' &&
        Math.abs((c.value ?? NaN) - result.value) < 1e-9,
    );
  return { result, operands, sources, statement, ...(stated ? { stated } : {}) };
}
