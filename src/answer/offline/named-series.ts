import { periodsIn } from '../../tables/periods.js';
import type { Table } from '../../tables/types.js';
import { atPeriod, datedInLabel, writesDayDate } from './dated-rows.js';
import type { TermWeight } from './row-terms.js';
import { matchRows, type RowMatch, usable } from './table-match.js';

/* Questions that name two table series apart: "A as a percentage of B", "the ratio of A to B". */

/**
 * The two series a comparison names, split at its connective: "the percentage of A in the total B",
 * "A as a percentage of B", "the ratio of A to B", "the proportion of A over B", "the difference between A and B",
 * "how much less does A cost than B", "how many more A were sold than B".
 */
const TWO_SERIES_RES: readonly RegExp[] = [
  /\b(?:percent(?:age)?|proportion|share|fraction)(?: (?:constitution|composition))? of (.+?) (?:in|among|within|over|out of|to) (?:the )?((?:total|overall|group|combined)\b.*)$/iu,
  /^(?:what (?:is|was|were|are) )?(?:the )?(?:value of )?(.+?) as an? (?:percent(?:age)?|share|proportion|fraction) of (.+)$/iu,
  /\bratio of (.+?) (?:to|and|versus|vs\.?) (.+)$/iu,
  /\bproportion of (.+?) over (.+)$/iu,
  /\bdifference (?:in [^?]+? )?between (.+?) and (.+)$/iu,
  /\bhow (?:much|many) (?:more|less|fewer|higher|lower|bigger|larger|smaller|cheaper|dearer|greater)\b(?: \w+)? (?:does|do|did|is|are|was|were) (.+?) (?:cost |earn |pay |have |get )?than (.+)$/iu,
  /\bhow many (?:more|fewer) (.+?) (?:were|was|are|is|have been|had been) \w+ than (.+)$/iu,
];

/**
 * The rows matching one part of a two-series question, best first: in a table that dates its rows, those of the
 * year the part names (the later of two years in a row: shares granted "between 2017 and 2018" are the movements
 * up to the 2018 balance), and of rows matching alike, one that states the part's date in its own label when the part
 * writes a date with its month ("the total shares at December 31, 2019" is the closing row, not a movement).
 */
function partRows(part: string, tables: readonly Table[], weigh: TermWeight): RowMatch[] {
  const named = periodsIn(part);
  const years = named.map((p) => p.year).sort((a, b) => a - b);
  const between = years.length === 2 && years[1]! - years[0]! === 1;
  const periods = between ? named.filter((p) => p.year === years[1]) : named;
  const rows = atPeriod(matchRows(part, tables, weigh), periods);
  const year = periods.length === 1 ? periods[0]!.year : undefined;
  if (year === undefined || !writesDayDate(part)) return rows;
  const stated = (m: RowMatch) => datedInLabel(m.table, m.row, year);
  const out: RowMatch[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j < rows.length && rows[j]!.score === rows[i]!.score) j++;
    const tied = rows.slice(i, j);
    out.push(...tied.filter(stated), ...tied.filter((m) => !stated(m)));
    i = j;
  }
  return out;
}

/**
 * Two rows the question names apart, best match of each part, in the order named (B first for "how much less is A than
 * B", so that the difference comes out as asked); null when the parts do not both match.
 */
export function namedRows(question: string, tables: readonly Table[], weigh: TermWeight): [RowMatch, RowMatch] | null {
  for (const re of TWO_SERIES_RES) {
    const m = re.exec(question);
    if (!m) continue;
    const a = partRows(m[1]!, tables, weigh).find(usable);
    const b = a && partRows(m[2]!, tables, weigh).find((x) => usable(x) && x.table === a.table && x.row !== a.row);
    if (a && b) return LESS_THAN_RE.test(question) ? [b, a] : [a, b];
  }
  return null;
}

/** "How much less (cheaper, lower …) is A than B": the difference asked is B minus A. */
const LESS_THAN_RE = /\bhow (?:much|many) (?:less|fewer|lower|smaller|cheaper)\b/iu;

/** The question names two series apart (see {@link TWO_SERIES_RES}). */
export const namesTwoSeries = (question: string) => TWO_SERIES_RES.some((re) => re.test(question));
