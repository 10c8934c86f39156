import type { Period, Table } from '../../tables/types.js';
import type { CellFor } from './period-cells.js';
import type { TermWeight } from './row-terms.js';
import { matchRows, usable } from './table-match.js';
import { cellWords, type TableAnswer, type TableOperand } from './table-operands.js';

/* Two series asked for one period, "respectively": "What are the respective sales and purchases for 2017?". */

/** The words that ask for each of several things in turn. */
const RESPECTIVE_RE = /\brespective(?:ly)?\b/iu;
/** "What are the (respective) A and B for|in|during …": the two series, before the words naming the period. */
const PAIR_RE =
  /^\W*(?:what|how much)\s+(?:is|are|was|were)\s+(?:the\s+)?(?:respective\s+)?(.+?)\s+and\s+(?:the\s+)?(.+?)\s+(?:for|in|during|as of|at)\b/iu;

/** The question asks for two series, respectively (see {@link pairedSeries}). */
export const asksPair = (question: string): boolean => RESPECTIVE_RE.test(question) && PAIR_RE.test(question);

/**
 * The cells of two rows of one table for the one period a question asks "respectively" ("What are the respective
 * sales and purchases for 2017?"), in the order it names them, each part matched to its own row. Null when the
 * question does not ask so, no table has a row for each part (the best such pair is taken), or a row has no figure
 * for the period.
 */
export function pairedSeries(
  question: string,
  tables: readonly Table[],
  weigh: TermWeight,
  period: Period,
  cellFor: CellFor,
): TableAnswer | null {
  const m = RESPECTIVE_RE.test(question) ? PAIR_RE.exec(question) : null;
  if (!m) return null;
  const seconds = matchRows(m[2]!, tables, weigh).filter(usable);
  const pair = matchRows(m[1]!, tables, weigh)
    .filter(usable)
    .flatMap((a) => {
      const b = seconds.find((x) => x.table === a.table && x.row !== a.row);
      return b ? [[a, b] as const] : [];
    })[0];
  if (!pair) return null;
  const ops = [cellFor(pair[0], period), cellFor(pair[1], period)];
  if (!ops.every((o): o is TableOperand => o !== null)) return null;
  return {
    operands: ops,
    statement: ops.map((o) => `${o.series}, ${o.header}: ${cellWords(o)}`).join('; '),
    spans: ops.map((o) => o.match.row.row.cells[o.column]!),
  };
}
