import type { CalcOp, CalcResult } from '../../numbers/index.js';
import type { Period } from '../../tables/types.js';
import { seriesColumns } from './column-choice.js';
import { datesRows } from './dated-rows.js';
import type { CellFor } from './period-cells.js';
import type { TermWeight } from './row-terms.js';
import type { RowMatch } from './table-match.js';
import { cellWords, operand, run, type TableAnswer, type TableOperand } from './table-operands.js';

/** Wording that asks for a relative change even of percentages ("percentage change", "growth rate"); "absolute" asks for points. */
const RELATIVE_CHANGE_RE =
  /\b(?:percent(?:age)?|%)\s*(?:change|increase|decrease|growth|rise|decline)\b|\bgrowth rate\b|\bby what percent/iu;
const ABSOLUTE_RE = /\babsolute\b|\bpercentage points?\b/iu;

/** A growth rate asked of figures that are themselves percentages is a change in points unless the wording asks otherwise. */
function opFor(op: CalcOp, question: string, ops: readonly TableOperand[]): CalcOp {
  if (op !== 'growth_rate' || !ops.every((o) => o.quantity.unit === '%')) return op;
  return RELATIVE_CHANGE_RE.test(question) && !ABSOLUTE_RE.test(question) ? op : 'difference';
}

const mag = (r: CalcResult) => r.display.replace(/^[-−+]\s*/u, '');

/**
 * A change (difference or growth rate) from one cell of a row to another whose headers say when ("Current price" to
 * "New price"), worded as one over periods.
 */
export function changeBetween(op: 'difference' | 'growth_rate', from: TableOperand, to: TableOperand) {
  return overPeriods(op, [from, to], []);
}

function overPeriods(op: CalcOp, ops: TableOperand[], periods: readonly Period[]): TableAnswer | null {
  const first = ops[0]!;
  const last = ops[ops.length - 1]!;
  const q = ops.map((o) => o.quantity);
  const args: Record<string, unknown> =
    op === 'difference'
      ? { a: last.quantity, b: first.quantity }
      : op === 'growth_rate'
        ? { from: first.quantity, to: last.quantity }
        : op === 'cagr'
          ? {
              start: first.quantity,
              end: last.quantity,
              startYear: periods[0]!.year,
              endYear: periods[periods.length - 1]!.year,
            }
          : { values: q };
  const result = run(op, args);
  if (!result) return null;
  const series = first.series;
  const from = `${cellWords(first)} in ${first.header}`;
  const to = `${cellWords(last)} in ${last.header}`;
  const went = result.value < 0 ? 'decreased' : 'increased';
  const statement =
    op === 'difference'
      ? `${series} ${went} by ${mag(result)}, from ${from} to ${to}`
      : op === 'growth_rate'
        ? `${series} ${went} by ${mag(result)}, from ${from} to ${to}`
        : op === 'cagr'
          ? `${series} grew at a compound annual rate of ${result.display}, from ${from} to ${to}`
          : op === 'average'
            ? `The average ${series} over ${ops.map((o) => o.header).join(', ')} is ${result.display} (${ops.map(cellWords).join(', ')})`
            : `${series} over ${ops.map((o) => o.header).join(', ')} sums to ${result.display} (${ops.map(cellWords).join(' + ')})`;
  return { operands: ops, result, statement };
}

/**
 * A roll-forward's movement as its size: such tables write shares vested or forfeited in brackets for their
 * direction, and "vested as a percentage of the total" asks for a share of that size. Other operands as they are.
 */
function sized(o: TableOperand): TableOperand {
  if (!datesRows(o.match.table) || o.quantity.value >= 0) return o;
  return { ...o, quantity: { ...o.quantity, value: -o.quantity.value } };
}

/**
 * The operation over two series' cells, with its statement: in the order the question names them unless `ordered`,
 * a share taking the smaller as the part.
 */
export function acrossSeries(
  op: CalcOp,
  question: string,
  pair: [TableOperand, TableOperand],
  ordered = false,
): TableAnswer | null {
  const lower = question.toLowerCase();
  const at = (terms: readonly string[]) =>
    Math.min(...terms.map((t) => lower.indexOf(t.slice(0, 4))).filter((i) => i >= 0), Infinity);
  // Where the question names an operand: by the terms the other lacks ("Max" and "Lite" of "Brisa Max", "Brisa Lite").
  const pos = (o: TableOperand) => {
    const other = pair[0] === o ? pair[1] : pair[0];
    const own = [...o.match.matched].filter((t) => !other.match.matched.has(t));
    return own.length ? at(own) : at([...o.match.matched]);
  };
  const [a, b] = (ordered ? pair : [...pair].sort((x, y) => pos(x) - pos(y))).map((o) =>
    op === 'share' ? sized(o) : o,
  ) as [TableOperand, TableOperand];
  const [part, whole] = Math.abs(a.value.value) <= Math.abs(b.value.value) ? [a, b] : [b, a];
  const args: Record<string, unknown> =
    op === 'share'
      ? { part: part.quantity, whole: whole.quantity }
      : op === 'ratio'
        ? { a: a.quantity, b: b.quantity }
        : op === 'difference'
          ? { a: a.quantity, b: b.quantity }
          : { values: [a.quantity, b.quantity] };
  const result = run(op, args);
  if (!result) return null;
  // Operands of two columns already name theirs; two rows' cells of one column share it.
  const where = a.header && a.header === b.header ? ` in ${a.header}` : '';
  const statement =
    op === 'share'
      ? `${part.series} (${cellWords(part)}) is ${result.display} of ${whole.series} (${cellWords(whole)})${where}`
      : op === 'ratio'
        ? `The ratio of ${a.series} (${cellWords(a)}) to ${b.series} (${cellWords(b)})${where} is ${result.display}`
        : op === 'difference'
          ? `${a.series} (${cellWords(a)}) minus ${b.series} (${cellWords(b)})${where} is ${result.display}`
          : op === 'average'
            ? `The average of ${a.series} and ${b.series}${where} is ${result.display}`
            : `${a.series} and ${b.series}${where} sum to ${result.display}`;
  return { operands: [a, b], result, statement };
}

/** One row's cells for several periods ("X in 2019 and 2018 respectively"), in the order the question names them. */
export function severalCells(
  question: string,
  m: RowMatch,
  periods: readonly Period[],
  cellFor: CellFor,
): TableAnswer | null {
  const named = [...periods].sort((a, b) => question.indexOf(a.label) - question.indexOf(b.label));
  const ops = named.map((p) => cellFor(m, p));
  if (!ops.every((o): o is TableOperand => o !== null)) return null;
  const spans = ops.map((o) => o.match.row.row.cells[o.column]!);
  return {
    operands: ops,
    statement: `${m.row.series}: ${ops.map((o) => `${cellWords(o)} in ${o.header}`).join(', ')}`,
    spans,
  };
}

/** One row's figures for each asked period, and the operation over them; null when a period has no figure. */
export function overRowPeriods(
  op: CalcOp,
  question: string,
  m: RowMatch,
  asked: readonly Period[],
  cellFor: CellFor,
): TableAnswer | null {
  const ops = asked.map((p) => cellFor(m, p));
  if (!ops.every((o): o is TableOperand => o !== null)) return null;
  return overPeriods(opFor(op, question, ops), ops, asked);
}

/** Two columns of one row that the question names as its two series, in the order it names them. */
export function acrossColumns(
  op: CalcOp,
  question: string,
  row: RowMatch,
  period: Period | undefined,
  weigh: TermWeight,
): TableAnswer | null {
  const named = seriesColumns(question, row, period, weigh).slice(0, 2);
  if (named.length < 2) return null;
  const ordered = [...named].sort((a, b) => a.position - b.position || a.column - b.column);
  const a = operand(row, ordered[0]!.column);
  const b = operand(row, ordered[1]!.column);
  if (!a || !b) return null;
  const label = (o: TableOperand): TableOperand => ({ ...o, series: `${o.series} (${o.header})` });
  return acrossSeries(op, question, [label(a), label(b)]);
}
