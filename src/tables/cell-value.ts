import type { Currency } from '../numbers/quantity.js';
import type { CellValue } from './types.js';

/** Currency marks a cell may carry before or after its number. */
const CURRENCY_MARKS: readonly [RegExp, Currency][] = [
  [/US\$|USD|\$/u, 'USD'],
  [/€|EUR/u, 'EUR'],
  [/£|GBP/u, 'GBP'],
  [/RMB|CNY|¥|￥/u, 'CNY'],
  [/HK\$|HKD/u, 'HKD'],
  [/JPY/u, 'JPY'],
];

const CELL_NUMBER_RE =
  /^(?<cur1>US\$|HK\$|[$€£¥￥]|USD|EUR|GBP|RMB|CNY|HKD|JPY)?\s*(?<open>\()?\s*(?<cur2>US\$|HK\$|[$€£¥￥])?\s*(?<sign>[-−–+])?\s*(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*(?<pct>%)?\s*(?<close>\))?\s*(?<pct2>%)?$/u;

/** A footnote marker after a cell's figure ("$130,000 (1)", "6,320 (a)"): not part of the number. */
const FOOTNOTE_RE = /(?<=\d%?)\s+\((?:\d{1,2}|[a-z]|[*†‡])\)$/u;

/**
 * The number a table cell holds, as financial tables write it: thousands separators, a currency mark
 * before the number, parentheses or a minus for negatives ("(361)", "$ (1,234)", "−5.2"), a trailing
 * "%", a footnote marker after it. Null for empty cells, dashes ("—", "-", "n/a") and text.
 */
export function readCellValue(text: string): CellValue | null {
  const m = CELL_NUMBER_RE.exec(text.trim().replace(FOOTNOTE_RE, ''));
  const g = m?.groups;
  if (!g?.num) return null;
  if (Boolean(g.open) !== Boolean(g.close)) return null;
  const negative = Boolean(g.open) || g.sign === '-' || g.sign === '−' || g.sign === '–';
  const raw = Number(g.num.replace(/,/gu, ''));
  if (!Number.isFinite(raw)) return null;
  const mark = g.cur1 ?? g.cur2;
  const currency = mark ? CURRENCY_MARKS.find(([re]) => re.test(mark))?.[1] : undefined;
  const decimals = g.num.includes('.') ? g.num.length - g.num.indexOf('.') - 1 : 0;
  return {
    value: negative ? -raw : raw,
    percent: Boolean(g.pct ?? g.pct2),
    decimals,
    ...(currency ? { currency } : {}),
  };
}
