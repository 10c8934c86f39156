import type { Period } from './types.js';

/** Earliest and latest calendar years read as reporting periods. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2099;

const YEAR_RE = /(?<![\d.,$])((?:19|20)\d\d)(?![\d%]|[.,]\d)/gu;
/** "FY19", "FY 2019", "F19", "fiscal 19", "FY2019/20". */
const FISCAL_RE = /\b(?:FY|F|fiscal(?: year)?)\s?'?(\d{2}|\d{4})\b/iu;
/** A split fiscal year written with the second year short ("2019/20", "2019-20"): the period ends in the second. */
const SPLIT_YEAR_RE = /\b((?:19|20)\d)\d\s*[/–-]\s*(\d\d)\b/u;
const QUARTER_RE = /\b(?:Q([1-4])|([1-4])Q|(first|second|third|fourth) quarter)\b/iu;
const QUARTER_WORDS: Readonly<Record<string, number>> = { first: 1, second: 2, third: 3, fourth: 4 };
const ORDINAL = `(?:first|second|third|fourth)`;
/** Quarters a question names, also in lists ("the second and first quarter", "third or fourth quarters", "Q2"). */
const QUARTERS_RE = new RegExp(
  String.raw`\bQ([1-4])\b|\b(${ORDINAL})\b(?=(?:\s*(?:,|and|&|or|to)\s*(?:the\s+)?${ORDINAL})*\s+quarters?\b)`,
  'giu',
);

function fullYear(digits: string): number {
  const n = Number(digits);
  return digits.length === 2 ? 2000 + n : n;
}

/**
 * The period a header names, or null: a calendar year ("2019", "December 31, 2019", "2019 $'000"),
 * a fiscal year ("FY19", "F19 53 WEEKS", "Fiscal 2019"), optionally a quarter ("Q3 2021", "third
 * quarter 2021"). With two years ("2019/20", "2018 to 2019") the last one is the period.
 */
export function readPeriod(header: string): Period | null {
  const label = header.trim();
  if (!label) return null;
  const years = [...label.matchAll(YEAR_RE)].map((m) => Number(m[1]));
  const fiscal = FISCAL_RE.exec(label);
  const split = SPLIT_YEAR_RE.exec(label);
  const year = split
    ? Number(`${split[1]!.slice(0, 2)}${split[2]}`)
    : years.length
      ? years[years.length - 1]!
      : fiscal
        ? fullYear(fiscal[1]!)
        : undefined;
  if (year === undefined || year < MIN_YEAR || year > MAX_YEAR) return null;
  const q = QUARTER_RE.exec(label);
  const quarter = q ? Number(q[1] ?? q[2] ?? QUARTER_WORDS[q[3]!.toLowerCase()]) : undefined;
  return { year, label, ...(quarter ? { quarter } : {}) };
}

/**
 * Periods a question names: every year ("2019", "FY19"; a split fiscal year "2025–26" as its second), ascending. When it names one year and quarters
 * of it ("the second and first quarter of fiscal 2019", "Q3 2021"), one period per quarter, in order; one
 * quarter and several years ("the third quarter of 2018 and of 2019") is that quarter of each year.
 */
export function periodsIn(question: string): Period[] {
  const found = new Map<number, Period>();
  const splits = [...question.matchAll(new RegExp(SPLIT_YEAR_RE.source, 'gu'))];
  for (const m of splits) {
    const year = Number(`${m[1]!.slice(0, 2)}${m[2]}`);
    found.set(year, { year, label: m[0] });
  }
  const inSplit = (at: number) => splits.some((m) => at >= m.index && at < m.index + m[0].length);
  for (const m of question.matchAll(YEAR_RE))
    if (!inSplit(m.index)) found.set(Number(m[1]), { year: Number(m[1]), label: m[0] });
  for (const m of question.matchAll(new RegExp(FISCAL_RE.source, 'giu'))) {
    const year = fullYear(m[1]!);
    if (year >= MIN_YEAR && year <= MAX_YEAR && !found.has(year)) found.set(year, { year, label: m[0] });
  }
  const years = [...found.values()].sort((a, b) => a.year - b.year);
  const quarters = [
    ...new Set([...question.matchAll(QUARTERS_RE)].map((q) => Number(q[1] ?? QUARTER_WORDS[q[2]!.toLowerCase()]))),
  ];
  if (quarters.length === 1 && years.length > 1) {
    const quarter = quarters[0]!;
    return years.map(({ year }) => ({ year, quarter, label: `Q${quarter} ${year}` }));
  }
  if (years.length !== 1 || !quarters.length) return years;
  const year = years[0]!.year;
  return quarters.sort((a, b) => a - b).map((quarter) => ({ year, quarter, label: `Q${quarter} ${year}` }));
}
