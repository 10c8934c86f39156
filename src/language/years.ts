/** Month and season names, full and abbreviated, that date a number after them ("November 1852", "spring 1798"). */
const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|spring|summer|autumn|fall|winter';
/** Words before a four-digit number that make it a date ("in 1801", "between 1801 and 1901", "the 1840s", "May 1790"). */
const DATE_CONTEXT_RE = new RegExp(
  String.raw`(?:\b(?:in|since|from|by|until|till|to|between|and|before|after|of|around|circa|c\.|early|late|mid|during|through|year|years|the|${MONTHS})\.?[\s-]+|[(–-])$`,
  'i',
);
/** Earliest year recognised without date wording around it; earlier four-digit numbers need it ("1,500 mills" stays a count). */
const BARE_YEAR_FROM = 1900;
/** Earliest year recognised at all. */
const EARLIEST_YEAR = 1000;
const LATEST_YEAR = 2099;

/**
 * Whether the four-digit number `value` written at `start` in `text` is a calendar year: any of
 * 1900–2099, or 1000–1899 after date wording ("in 1801", "from 1660 to 1700", "May 1790") or before "s" ("1840s").
 */
export function isYearAt(text: string, start: number, end: number, value: number): boolean {
  if (!Number.isInteger(value) || value < EARLIEST_YEAR || value > LATEST_YEAR) return false;
  if (value >= BARE_YEAR_FROM) return true;
  return DATE_CONTEXT_RE.test(text.slice(Math.max(0, start - 12), start)) || /^['’]?s\b/.test(text.slice(end, end + 3));
}

/** A year and a dash or slash right before an offset: a two-digit number there ends a split year ("2025–26"). */
const SPLIT_YEAR_START_RE = /(?:19|20)\d\d\s*[-–—/]\s*$/u;

/**
 * Whether the two-digit number written at `start` in `text` ends a split fiscal year or season ("26" in
 * "2025–26", "25" in "2024/25"), and so is part of a year, not a figure.
 */
export function endsSplitYear(text: string, start: number, numeral: string): boolean {
  return /^\d\d$/u.test(numeral) && SPLIT_YEAR_START_RE.test(text.slice(Math.max(0, start - 8), start));
}

/** A fiscal year written with two digits ("FY22", "FY 22", "FY'22"): the digits are the year's last two. */
const SHORT_FISCAL_RE = /\bFY\s?['’]?(\d\d)(?![\d.,%])/giu;
/** Two-digit fiscal years up to this are read as 20xx, later ones as 19xx ("FY98" = 1998). */
const SHORT_FISCAL_PIVOT = 69;

/** Fiscal years written with two digits in `text` ("FY22" -> 2022), each with the offset of its digits. */
export function shortFiscalYears(text: string): { year: number; at: number }[] {
  return [...text.matchAll(SHORT_FISCAL_RE)].map((m) => {
    const nn = Number(m[1]);
    return { year: nn <= SHORT_FISCAL_PIVOT ? 2000 + nn : 1900 + nn, at: m.index + m[0].length - 2 };
  });
}
