import { endsSplitYear, isYearAt } from '../../language/years.js';
import { type Currency, clean, type Scale } from '../quantity.js';
import type { ClaimUnit, NumericClaim } from './types.js';

/** A figure found in one sentence, before years and qualifiers are attached. */
export interface RawFigure
  extends Pick<NumericClaim, 'text' | 'value' | 'unit' | 'currency' | 'scale' | 'decimals' | 'words'> {
  /** Offsets within the scanned string. */
  start: number;
  end: number;
}

/** "FY" right before two digits: they are a fiscal year ("FY 22"), not a figure. */
const FISCAL_BEFORE_RE = /\bFY\s?['’]?$/u;
const NUMERIC = new RegExp(
  String.raw`(?<sign>[+\-−])?` +
    String.raw`(?<pre>US\$|U\.S\.\s?\$|HK\$|USD\s?|RMB\s?|CNY\s?|EUR\s?|GBP\s?|JPY\s?|\$|¥|￥|€|£)?` +
    String.raw`(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)` +
    `(?<cn>万亿|亿|万)?` +
    String.raw`(?<scale>\s?(?:thousand|million|billion|trillion|bn|mn|tn)(?!\p{L})|(?:m|k)(?![\p{L}\p{N}]))?` +
    String.raw`(?<suf>\s?(?:yuan|RMB|CNY|USD|US dollars|dollars|euros?)(?!\p{L})|元|美元)?` +
    String.raw`(?<unit>%|％|\s?percentage points?(?!\p{L})|\s?per ?cent(?!\p{L})|\s?pp(?!\p{L})` +
    String.raw`|\s?times(?!\p{L})|-fold(?!\p{L})|×|\s?years?(?![\p{L}-]))?` +
    `(?<ord>st|nd|rd|th)?`,
  'giu',
);

const WORD_MULTIPLES: Readonly<Record<string, number>> = {
  doubled: 2,
  tripled: 3,
  trebled: 3,
  quadrupled: 4,
  halved: 0.5,
};

/** Spelled-out cardinals; "one" is left out because it is mostly idiomatic ("on the one hand"). */
const WORD_NUMBERS: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
};

const WORD_MULTIPLE_RE = new RegExp(
  String.raw`(?<![\p{L}-])(${Object.keys(WORD_MULTIPLES).join('|')})(?![\p{L}-])`,
  'giu',
);
const WORD_NUMBER_RE = new RegExp(
  String.raw`(?<![\p{L}-])(${Object.keys(WORD_NUMBERS).join('|')})(?![\p{L}-])` +
    String.raw`(?<tail>\s+times(?!\p{L})|\s+years?(?![\p{L}-]))?`,
  'giu',
);

const CURRENCY_TOKENS: ReadonlyArray<[RegExp, Currency]> = [
  [/^(?:US\$|U\.S\.\s?\$|USD|\$|US dollars|dollars|美元)$/i, 'USD'],
  [/^HK\$$/i, 'HKD'],
  [/^(?:RMB|CNY|¥|￥|yuan|元)$/i, 'CNY'],
  [/^(?:EUR|€|euros?)$/i, 'EUR'],
  [/^(?:GBP|£)$/i, 'GBP'],
  [/^JPY$/i, 'JPY'],
];

const SCALE_TOKENS: Readonly<Record<string, Scale>> = {
  thousand: 'thousand',
  million: 'million',
  mn: 'million',
  m: 'million',
  k: 'thousand',
  billion: 'billion',
  bn: 'billion',
  trillion: 'trillion',
  tn: 'trillion',
};

const CN_SCALES: Readonly<Record<string, { scale: Scale; times: number }>> = {
  万亿: { scale: 'trillion', times: 1 },
  亿: { scale: 'million', times: 100 },
  万: { scale: 'thousand', times: 10 },
};

function currencyOf(token: string | undefined): Currency | undefined {
  const t = token?.trim();
  return t ? CURRENCY_TOKENS.find(([re]) => re.test(t))?.[1] : undefined;
}

function unitOf(token: string): ClaimUnit {
  const t = token.trim().toLowerCase();
  if (t === '%' || t === '％' || t.startsWith('per')) return t.startsWith('percentage') ? 'pp' : '%';
  if (t === 'pp') return 'pp';
  if (t.startsWith('year')) return 'duration';
  return 'times';
}

/**
 * A character that makes a digit next to it part of a word ("Π2", "7n2"). Chinese characters do not: Chinese writes
 * figures between them without spaces ("出口812.5亿元").
 */
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c) && !/\p{Script=Han}/u.test(c);
/** A Chinese date part after a number ("1月18日"): the number labels a month or day, it is not a figure. */
const HAN_DATE_PART_RE = /^[月日号]/u;

function inQuotedTitle(text: string, start: number, end: number): boolean {
  if (text[start - 1] !== '(' || text[end] !== ')') return false;
  const before = text.slice(0, start);
  const curly = (before.match(/“/g)?.length ?? 0) - (before.match(/”/g)?.length ?? 0);
  const straight = (before.match(/"/g)?.length ?? 0) % 2;
  return curly > 0 || straight === 1;
}

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const MONTH_BEFORE_RE = new RegExp(String.raw`\b${MONTH}\.?\s+$`, 'iu');
/** After a day, "May" is the month only before a year or at the end of a phrase ("12 May 2019", not "12 may rise"). */
const MONTH_AFTER_RE = new RegExp(
  String.raw`^\s+(?:(?!may\b)${MONTH}\b|may\b(?=,?\s*(?:(?:19|20)\d\d\b|[.,;:)]|$)))`,
  'iu',
);

/** A day of the month in a date ("December 31, 2019", "31 December"): a numeral that names a day, not a figure. */
export function isDayOfMonth(text: string, start: number, end: number, value: number): boolean {
  if (value < 1 || value > 31 || !Number.isInteger(value)) return false;
  return (
    MONTH_BEFORE_RE.test(text.slice(Math.max(0, start - 12), start)) || MONTH_AFTER_RE.test(text.slice(end, end + 12))
  );
}

function numericFigure(text: string, m: RegExpMatchArray): RawFigure | null {
  const g = m.groups ?? {};
  let start = m.index ?? 0;
  let sign = g.sign;
  if (sign && start > 0 && !/[\s(（[:：,，;]/.test(text[start - 1] ?? '')) {
    start += 1;
    sign = undefined;
  }
  const prev = text[start - 1];
  if (prev === '.' || isWordChar(prev)) return null;
  if ((prev === '-' || prev === '−') && !/\d/.test(text[start - 2] ?? '')) return null;
  const end = (m.index ?? 0) + m[0].length;
  if (isWordChar(text[end]) && !g.unit && !g.ord) return null;

  if (g.scale && /^[mk]$/iu.test(g.scale) && !g.pre) return null;
  const num = g.num ?? '';
  const raw = text.slice(start, end);
  let value = Number(num.replace(/,/g, ''));
  if (sign === '-' || sign === '−') value = -value;
  const decimals = /\.(\d+)/.exec(num)?.[1]?.length ?? 0;
  const base = { text: raw, decimals, words: false, start, end };

  if (g.ord || (!g.cn && !g.suf && !g.unit && HAN_DATE_PART_RE.test(text.slice(end))))
    return { ...base, value, unit: 'label' };
  if (
    endsSplitYear(text, start, raw) ||
    (/^\d\d$/u.test(raw) && FISCAL_BEFORE_RE.test(text.slice(Math.max(0, start - 5), start)))
  )
    return { ...base, value, unit: 'label' };
  if (
    !sign &&
    !g.pre &&
    !g.scale &&
    !g.suf &&
    !g.unit &&
    /^\d{1,2}$/u.test(num) &&
    isDayOfMonth(text, start, end, value)
  )
    return { ...base, value, unit: 'label' };
  const currency = currencyOf(g.pre) ?? currencyOf(g.suf);
  let scale = g.scale ? SCALE_TOKENS[g.scale.trim().toLowerCase()] : undefined;
  if (g.cn) {
    const cn = CN_SCALES[g.cn];
    scale = cn?.scale;
    value = clean(value * (cn?.times ?? 1));
  }
  if (g.unit) {
    const unit = unitOf(g.unit);
    if (!(unit === 'duration' && (currency || scale))) return { ...base, value, unit, currency, scale };
  }
  if (currency) return { ...base, value, unit: 'currency', currency, scale };
  const plainYear = !sign && !scale && /^\d{4}$/.test(num) && isYearAt(text, start, end, value);
  if (plainYear) return { ...base, value, unit: inQuotedTitle(text, start, end) ? 'label' : 'year' };
  return { ...base, value, unit: 'count', scale };
}

/** Every figure in `text` (digits and words), in order, with offsets into `text`. */
export function scanFigures(text: string): RawFigure[] {
  const out: RawFigure[] = [];
  for (const m of text.matchAll(NUMERIC)) {
    const fig = numericFigure(text, m);
    if (fig) out.push(fig);
  }
  for (const m of text.matchAll(WORD_MULTIPLE_RE)) {
    const word = m[1] ?? '';
    const start = m.index ?? 0;
    const value = WORD_MULTIPLES[word.toLowerCase()] ?? 0;
    out.push({ text: word, value, unit: 'times', decimals: 0, words: true, start, end: start + word.length });
  }
  for (const m of text.matchAll(WORD_NUMBER_RE)) {
    const start = m.index ?? 0;
    const tail = m.groups?.tail?.trim().toLowerCase();
    const unit: ClaimUnit = !tail ? 'count' : tail === 'times' ? 'times' : 'duration';
    const value = WORD_NUMBERS[(m[1] ?? '').toLowerCase()] ?? 0;
    out.push({ text: m[0], value, unit, decimals: 0, words: true, start, end: start + m[0].length });
  }
  return out.sort((a, b) => a.start - b.start);
}
