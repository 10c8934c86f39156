import { CURRENCIES, SCALES, type Scale, scaleFactor } from '../../numbers/index.js';
import { readPeriod } from '../../tables/periods.js';
import type { TableCell } from '../../tables/types.js';
import type { EvidenceSentence, ScoredSentence } from './evidence.js';
import { termsOf } from './row-terms.js';
import type { TableAnswer, TableOperand } from './table-operands.js';

/* Figures the text states that agree with a table answer: a report's own wording of a cell or of a computed result. */

/** Sentences of the text (not table rows) looked at for a figure that states the table's answer. */
const STATED_SENTENCES = 5;
/**
 * Below this magnitude a figure written without currency or scale ("5 stores") agrees with a cell too easily to be
 * taken for it.
 */
const MIN_BARE_FIGURE = 100;

/** A figure a text sentence states, with the sentence. */
export interface StatedFigure {
  sentence: EvidenceSentence;
  figure: EvidenceSentence['figures'][number];
}

const isRow = (s: EvidenceSentence) => s.text.trimStart().startsWith('|');

/**
 * A figure in the best text sentences that states the computed result at its own precision and scale (a
 * percentage for a percentage, an amount for an amount, money for money: "$2.9 million" for 2,880 thousand; the
 * direction may be in words), a figure written in words only at its value.
 */
export function statedResult(t: TableAnswer, scored: readonly ScoredSentence[]): StatedFigure | undefined {
  const r = t.result;
  if (!r) return undefined;
  const percent = r.unit === '%' || r.unit === 'pp';
  const resultScale = SCALES.find((x) => r.unit?.split(/\s+/u).includes(x)) as Scale | undefined;
  const money = CURRENCIES.some((c) => r.unit?.split(/\s+/u).includes(c));
  for (const { sentence } of scored.slice(0, STATED_SENTENCES)) {
    if (isRow(sentence)) continue;
    const figure = sentence.figures.find((f) => {
      if ((f.unit === '%') !== percent || (money && f.unit !== 'currency')) return false;
      // A figure in words ("two and a half fares") has no digits to round to.
      if (f.words && !percent) return Math.abs(Math.abs(r.value) - f.value) < 1e-9;
      const computed = percent ? r.value : (r.value * scaleFactor(resultScale)) / scaleFactor(f.scale);
      return Math.abs(Math.abs(computed) - Math.abs(f.value)) <= 0.5 * 10 ** -f.decimals + 1e-9;
    });
    if (figure) return { sentence, figure };
  }
  return undefined;
}

/** Figures one text sentence states for each looked-up cell, in the cells' order. */
export interface StatedCells {
  sentence: EvidenceSentence;
  figures: StatedFigure['figure'][];
}

/**
 * A text sentence among the best that states each looked-up cell as the text rounds it ("$148.6 million" for a cell
 * of 148,599 in a table in thousands; "$31.4 million and $28.5 million … respectively" for two years): for each
 * cell a figure of the same kind (percentage or amount), the same currency when both give one, equal within half a
 * unit of the figure's last written digit in its own scale, in a sentence that uses a word of the cell's row label
 * and names the cell's year when its column names one. Undefined for a calculation, for answers that are not the
 * cells themselves, or when no sentence states them all.
 */
export function statedCells(t: TableAnswer, scored: readonly ScoredSentence[]): StatedCells | undefined {
  const cellsAnswer = t.spans?.every((c, i) => c === t.operands[i]?.match.row.row.cells[t.operands[i]!.column]) ?? true;
  if (t.result || !t.operands.length || !cellsAnswer) return undefined;
  for (const { sentence } of scored.slice(0, STATED_SENTENCES)) {
    if (isRow(sentence)) continue;
    const figures: StatedFigure['figure'][] = [];
    for (const o of t.operands) {
      const year = readPeriod(o.header)?.year;
      const label = termsOf(o.match.row.label);
      if (year !== undefined && !sentence.years.includes(year)) break;
      if (!label.some((term) => sentence.termSet.has(term))) break;
      const figure = sentence.figures.find((f) => !figures.includes(f) && agrees(o, f));
      if (!figure) break;
      figures.push(figure);
    }
    if (figures.length === t.operands.length) return { sentence, figures };
  }
  return undefined;
}

/** Scales a table that states none may be in, as the text's figure for one of its cells shows. */
const IMPLIED_SCALES = ['thousand', 'million'] as const;
/**
 * Most a text figure's rounding may be, as a share of it, for it to stand for a cell: "$1.8 million" (2.8%) does,
 * "0.5 million" (10%) is too coarse to tell 473,550 from any other half million.
 */
const MAX_ROUNDING = 0.03;

function agrees(o: TableOperand, f: StatedFigure['figure']): boolean {
  const cell = o.quantity;
  if ((f.unit === '%') !== (cell.unit === '%') || f.words) return false;
  if (f.currency && cell.currency && f.currency !== cell.currency) return false;
  if (!f.scale && !f.currency && f.unit !== '%' && Math.abs(f.value) < MIN_BARE_FIGURE) return false;
  const half = 0.5 * 10 ** -f.decimals;
  if (half > MAX_ROUNDING * Math.abs(f.value)) return false;
  const stated = Math.abs(f.value) * scaleFactor(f.scale);
  const within = (held: number) => Math.abs(stated - held) <= half * scaleFactor(f.scale) * (1 + 1e-9);
  const scales = cell.scale || cell.unit === '%' ? [cell.scale] : [undefined, ...IMPLIED_SCALES];
  return scales.some((scale) => within(Math.abs(cell.value) * scaleFactor(scale)));
}

/** A column header naming a change between periods: "Change", "% change", "Increase/(decrease)", "Variance". */
const CHANGE_HEADER_RE = /\b(?:change|changes|increase|decrease|growth|variance|movement)\b|%\s*chg\b|\bvar\b/iu;

/**
 * The cell of the operands' own row, in a column headed as a change ("CHANGE"), that states the computed change at
 * its own precision (5.0% for 5.01%): a percentage for a growth rate, an amount for a difference. Undefined for a
 * calculation over several rows, or when no such cell agrees.
 */
export function statedInRow(t: TableAnswer): { cell: TableCell; header: string } | undefined {
  const r = t.result;
  const first = t.operands[0];
  if (!r || !first || t.operands.some((o) => o.match.row !== first.match.row)) return undefined;
  if (r.op !== 'growth_rate' && r.op !== 'difference') return undefined;
  const { table, row } = first.match;
  const used = new Set(t.operands.map((o) => o.column));
  for (const [i, value] of row.values.entries()) {
    const header = table.columns[i]?.header ?? '';
    if (!value || used.has(i) || !CHANGE_HEADER_RE.test(header)) continue;
    const percent = value.percent || Boolean(table.columns[i]!.unit.percent);
    if (percent !== (r.op === 'growth_rate')) continue;
    if (Math.abs(value.value - r.value) <= 0.5 * 10 ** -value.decimals + 1e-9)
      return { cell: row.row.cells[i]!, header };
  }
  return undefined;
}
