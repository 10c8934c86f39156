import type { CalcOp } from '../../numbers/index.js';
import type { RowMatch } from './table-match.js';
import { operand, type TableAnswer } from './table-operands.js';
import { changeBetween } from './table-ops.js';

/* Tables that set a row's figure now against its figure after a change ("Current price | New price"). */

/** A column header for the figure before a change: "Current price", "Old fare", "Previous limit", "Now". */
const BEFORE_RE = /^\W*(?:current|old|previous|existing|present|before|now|today['’]?s?)\b/iu;
/** A column header for the figure after it: "New price", "Revised", "Proposed", "From 7 September", "After". */
const AFTER_RE = /^\W*(?:new|revised|proposed|future|after|from)\b/iu;

/** The row's before and after columns, when its table has exactly one of each. */
function beforeAfterColumns(m: RowMatch): [number, number] | null {
  const headers = m.table.columns.map((c) => c.header);
  const before = headers.flatMap((h, j) => (BEFORE_RE.test(h) ? [j] : []));
  const after = headers.flatMap((h, j) => (AFTER_RE.test(h) ? [j] : []));
  return before.length === 1 && after.length === 1 ? [before[0]!, after[0]!] : null;
}

/**
 * A change asked of a row whose table gives its figure before and after ("How much more will the weekly ticket cost
 * after the rise?", "by what percentage does it go up?"): from the before figure to the after one. Null for other
 * operations or tables.
 */
export function beforeAfterChange(op: CalcOp, m: RowMatch): TableAnswer | null {
  if (op !== 'difference' && op !== 'growth_rate') return null;
  const columns = beforeAfterColumns(m);
  const [before, after] = columns ? [operand(m, columns[0]), operand(m, columns[1])] : [null, null];
  return before && after ? changeBetween(op, before, after) : null;
}
