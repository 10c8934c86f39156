import { AppError } from '../errors.js';

/** Western number scales a quantity can be expressed in. */
export const SCALES = ['thousand', 'million', 'billion', 'trillion'] as const;
export type Scale = (typeof SCALES)[number];

/** Multiplier of each scale. */
export const SCALE_FACTORS: Readonly<Record<Scale, number>> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/** ISO codes of the currencies the calculator recognises. */
export const CURRENCIES = ['USD', 'CNY', 'EUR', 'GBP', 'JPY', 'HKD'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Non-currency units a quantity may carry: percent, percentage points, multiple. */
export type QuantityUnit = '%' | 'pp' | 'x';

/** Chinese number scales a figure can be written in ("812.5亿元"): 万 is 10^4, 亿 10^8, 万亿 10^12. */
export type HanScale = '万' | '亿' | '万亿';

/** Multiplier of each Chinese scale. */
export const HAN_SCALE_FACTORS: Readonly<Record<HanScale, number>> = { 万: 1e4, 亿: 1e8, 万亿: 1e12 };

/** A number with its scale, currency or unit; `value` is expressed in `scale`. */
export interface Quantity {
  value: number;
  scale?: Scale | undefined;
  currency?: Currency | undefined;
  unit?: QuantityUnit | undefined;
  /** The Chinese scale the figure was written in ("812.5亿元" is 81,250 million, written in 亿). */
  written?: HanScale | undefined;
}

/** What callers may pass where a quantity is expected. */
export type QuantityInput =
  | number
  | string
  | {
      value: number;
      scale?: Scale | undefined;
      currency?: Currency | undefined;
      unit?: QuantityUnit | undefined;
    };

const PREFIX_CURRENCY: ReadonlyArray<[RegExp, Currency]> = [
  [/^(?:US\$|U\.S\.\s?\$|USD|\$)$/i, 'USD'],
  [/^HK\$$/i, 'HKD'],
  [/^(?:RMB|CNY|¥|￥)$/i, 'CNY'],
  [/^(?:EUR|€)$/i, 'EUR'],
  [/^(?:GBP|£)$/i, 'GBP'],
  [/^JPY$/i, 'JPY'],
];

const SUFFIX_CURRENCY: ReadonlyArray<[RegExp, Currency]> = [
  [/^(?:yuan|RMB|CNY|元|人民币)$/i, 'CNY'],
  [/^(?:USD|US dollars?|U\.S\. dollars?|dollars?|美元)$/i, 'USD'],
  [/^(?:EUR|euros?)$/i, 'EUR'],
  [/^(?:GBP|pounds?)$/i, 'GBP'],
  [/^(?:JPY|yen)$/i, 'JPY'],
  [/^HKD$/i, 'HKD'],
];

const SCALE_WORDS: ReadonlyArray<[RegExp, Scale]> = [
  [/^(?:thousand|k)$/i, 'thousand'],
  [/^(?:million|mn|mln)$/i, 'million'],
  [/^(?:billion|bn)$/i, 'billion'],
  [/^(?:trillion|tn|trn)$/i, 'trillion'],
];

/** Chinese scale characters, mapped to a western scale and a multiplier within it (1亿 is 100 million). */
export const CHINESE_SCALES: Readonly<Record<HanScale, { scale: Scale; times: number }>> = {
  万亿: { scale: 'trillion', times: 1 },
  亿: { scale: 'million', times: 100 },
  万: { scale: 'thousand', times: 10 },
};

const QUANTITY_PATTERN = new RegExp(
  String.raw`^(?<sign1>[+\-−])?\s*` +
    String.raw`(?<pre>US\$|U\.S\.\s?\$|HK\$|USD|RMB|CNY|EUR|GBP|JPY|\$|¥|￥|€|£)?\s*` +
    String.raw`(?<sign2>[+\-−])?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*` +
    String.raw`(?<cn>万亿|亿|万)?\s*` +
    String.raw`(?<scale>thousand|million|billion|trillion|bn|mn|mln|tn|trn|k)?\s*` +
    String.raw`(?<suf>yuan|RMB|CNY|USD|U\.?S\.? dollars?|dollars?|euros?|EUR|GBP|pounds?|JPY|yen|HKD` +
    String.raw`|元|美元|人民币)?\s*` +
    `(?<unit>%|％|percent|per cent|percentage points?|pp|ppt|×|x|times|-?fold)?$`,
  'i',
);

function lookup<T>(table: ReadonlyArray<[RegExp, T]>, token: string): T | undefined {
  return table.find(([re]) => re.test(token))?.[1];
}

/** Rounds away binary noise (e.g. 3.4 * 100) without touching meaningful digits. */
export function clean(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(12)) : n;
}

/** Unit token → QuantityUnit. */
function unitOf(token: string): QuantityUnit {
  const t = token.toLowerCase();
  if (t === '%' || t === '％' || t === 'percent' || t === 'per cent') return '%';
  if (t.startsWith('percentage') || t === 'pp' || t === 'ppt') return 'pp';
  return 'x';
}

/**
 * Parses strings such as "US$12.5 billion", "3.4 trillion yuan", "RMB 3亿", "18%",
 * "+7.8 pp", "10×" or "1,234". Returns null when the string is not a single quantity.
 */
export function parseQuantityString(input: string): Quantity | null {
  const m = QUANTITY_PATTERN.exec(input.trim().replace(/\s+/g, ' '));
  const g = m?.groups;
  if (!g?.num) return null;
  const sign = g.sign1 ?? g.sign2;
  if (g.sign1 && g.sign2) return null;
  let value = Number(g.num.replace(/,/g, ''));
  if (sign === '-' || sign === '−') value = -value;

  const preCurrency = g.pre ? lookup(PREFIX_CURRENCY, g.pre.replace(/\s+/g, '')) : undefined;
  const sufCurrency = g.suf ? lookup(SUFFIX_CURRENCY, g.suf) : undefined;
  if (preCurrency && sufCurrency && preCurrency !== sufCurrency) return null;
  const currency = preCurrency ?? sufCurrency;

  let scale: Scale | undefined = g.scale ? lookup(SCALE_WORDS, g.scale) : undefined;
  let written: HanScale | undefined;
  if (g.cn) {
    if (scale) return null;
    const cn = CHINESE_SCALES[g.cn as HanScale];
    if (!cn) return null;
    written = g.cn as HanScale;
    scale = cn.scale;
    value = clean(value * cn.times);
  }

  const unit = g.unit ? unitOf(g.unit) : undefined;
  if (unit && (currency || scale)) return null;
  return written ? { value, scale, currency, unit, written } : { value, scale, currency, unit };
}

function invalid(label: string, message: string): AppError {
  return new AppError('invalid_argument', `${label} ${message}`);
}

/**
 * Normalises a number, quantity object or quantity string.
 * `label` names the argument in error messages, e.g. "cagr: 'start'".
 * @throws AppError('invalid_argument') when the input is missing or unreadable.
 */
export function parseQuantity(input: unknown, label = 'value'): Quantity {
  if (input === undefined || input === null || input === '') {
    throw invalid(label, 'is required (a number, or a quantity such as "US$12.5 billion")');
  }
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw invalid(label, 'must be a finite number');
    return { value: input };
  }
  if (typeof input === 'string') {
    const q = parseQuantityString(input);
    if (!q) throw invalid(label, `could not be read as a number or quantity: "${input}"`);
    if (!Number.isFinite(q.value)) throw invalid(label, 'must be a finite number');
    return q;
  }
  if (typeof input === 'object' && !Array.isArray(input)) {
    const o = input as Record<string, unknown>;
    const value = typeof o.value === 'string' ? parseQuantityString(o.value)?.value : o.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw invalid(label, "must have a finite numeric 'value'");
    }
    const scale = o.scale ?? undefined;
    const currency = o.currency ?? undefined;
    const unit = o.unit ?? undefined;
    if (scale !== undefined && !SCALES.includes(scale as Scale)) {
      throw invalid(label, `has unknown scale "${String(scale)}" (expected ${SCALES.join(', ')})`);
    }
    if (currency !== undefined && !CURRENCIES.includes(currency as Currency)) {
      throw invalid(label, `has unknown currency "${String(currency)}" (expected ${CURRENCIES.join(', ')})`);
    }
    if (unit !== undefined && unit !== '%' && unit !== 'pp' && unit !== 'x') {
      throw invalid(label, `has unknown unit "${String(unit)}" (expected %, pp or x)`);
    }
    return {
      value,
      scale: scale as Scale | undefined,
      currency: currency as Currency | undefined,
      unit: unit as QuantityUnit | undefined,
    };
  }
  throw invalid(label, 'must be a number, a quantity string or {value, scale?, currency?}');
}

/** Multiplier of a quantity's scale (1 when unscaled). */
export function scaleFactor(scale: Scale | undefined): number {
  return scale ? SCALE_FACTORS[scale] : 1;
}

/** Re-expresses `q.value` in another scale. */
export function toScale(q: Quantity, scale: Scale | undefined): number {
  return clean((q.value * scaleFactor(q.scale)) / scaleFactor(scale));
}

/** A quantity's value in the Chinese scale it was written in (812.5 for "812.5亿元"); its value when it has none. */
export function writtenValue(q: Quantity): number {
  return q.written ? clean((q.value * scaleFactor(q.scale)) / HAN_SCALE_FACTORS[q.written]) : q.value;
}

/** True when the quantity is a plain number with no unit, scale or currency. */
export function isBare(q: Quantity): boolean {
  return !q.unit && !q.scale && !q.currency;
}

/** Moves a sub-1 value down to a smaller scale (0.3 billion → 300 million). */
export function readableScale(value: number, scale: Scale | undefined): { value: number; scale: Scale | undefined } {
  let v = value;
  let s = scale;
  while (s && v !== 0 && Math.abs(v) < 1) {
    const i = SCALES.indexOf(s);
    v = clean(v * 1000);
    s = i > 0 ? SCALES[i - 1] : undefined;
  }
  return { value: v, scale: s };
}
