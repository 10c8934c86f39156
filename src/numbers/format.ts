import { type Currency, clean, type HanScale, type Scale } from './quantity.js';

/** Unit/scale context of an amount. */
export interface AmountUnit {
  currency?: Currency | undefined;
  scale?: Scale | undefined;
  /** The amount is in this Chinese scale, and is written in it ("338.6亿元"); `scale` is then unset. */
  written?: HanScale | undefined;
}

/** Currency names written after a Chinese scale ("亿元", "亿美元"). */
const HAN_CURRENCY: Partial<Record<Currency, string>> = {
  CNY: '元',
  USD: '美元',
  EUR: '欧元',
  GBP: '英镑',
  JPY: '日元',
  HKD: '港元',
};

const PREFIX: Partial<Record<Currency, string>> = {
  USD: 'US$',
  EUR: '€',
  GBP: '£',
  HKD: 'HK$',
};

const SUFFIX: Partial<Record<Currency, string>> = {
  CNY: 'yuan',
  JPY: 'yen',
};

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Formats with a fixed number of decimals, thousands separators and no "-0". */
export function formatFixed(n: number, decimals: number): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [intPart = '0', frac] = fixed.split('.');
  const negative = n < 0 && Number(fixed) !== 0;
  return `${negative ? '-' : ''}${group(intPart)}${frac ? `.${frac}` : ''}`;
}

/** Rounds to `sig` significant digits (integers never lose digits) and drops trailing zeros. */
export function formatSignificant(n: number, sig = 4): string {
  if (n === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(n)));
  const decimals = Math.max(0, sig - 1 - magnitude);
  const text = formatFixed(n, Math.min(decimals, 20));
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** Rounds to `decimals`, falling back to significant digits for tiny non-zero values. */
function formatSmall(n: number, decimals: number): string {
  if (n !== 0 && Math.abs(n) < 10 ** -decimals) return formatSignificant(n, 2);
  return formatFixed(n, decimals);
}

/** "18.25%". */
export function formatPercent(n: number, decimals = 2): string {
  return `${formatSmall(n, decimals)}%`;
}

/** "+13.9 pp" (always signed). */
export function formatPp(n: number, decimals = 1): string {
  const body = formatSmall(n, decimals);
  return `${n > 0 && /[1-9]/.test(body) ? '+' : ''}${body} pp`;
}

/** "1.79×". */
export function formatMultiple(n: number, decimals = 2): string {
  return `${formatSmall(n, decimals)}×`;
}

/**
 * "US$1.3 billion", "1.289 trillion yuan", "545.6 billion", "12.5", "338.6亿元": `sig` significant digits,
 * but at least `minDecimals` (the operands' precision) when the value needs them.
 */
export function formatAmount(n: number, unit: AmountUnit, sig = 4, minDecimals = 0): string {
  const sigText = formatSignificant(n, sig);
  const fixed =
    minDecimals > 0
      ? formatFixed(n, minDecimals)
          .replace(/(\.\d*?)0+$/, '$1')
          .replace(/\.$/, '')
      : '';
  const digits = fixed.length > sigText.length ? fixed : sigText;
  const negative = digits.startsWith('-');
  const abs = negative ? digits.slice(1) : digits;
  if (unit.written) {
    const named = unit.currency ? (HAN_CURRENCY[unit.currency] ?? ` ${unit.currency}`) : '';
    return `${negative ? '-' : ''}${abs}${unit.written}${named}`;
  }
  const scale = unit.scale ? ` ${unit.scale}` : '';
  const prefix = unit.currency ? (PREFIX[unit.currency] ?? '') : '';
  const suffix = unit.currency && !PREFIX[unit.currency] ? ` ${SUFFIX[unit.currency] ?? unit.currency}` : '';
  return `${negative ? '-' : ''}${prefix}${abs}${scale}${suffix}`;
}

/** "USD billion", "CNY", "million" or null for a plain number. */
export function amountUnitLabel(unit: AmountUnit): string | null {
  const parts = [unit.currency, unit.scale].filter(Boolean);
  return parts.length ? parts.join(' ') : null;
}

/** Shortest faithful rendering of an operand for formulas ("12.5", "0.1"). */
export function formatOperand(n: number): string {
  return String(clean(n));
}

/** Number of decimals written in a numeral such as "12.5" or "1,234". */
export function decimalsOf(numeral: string): number {
  const m = /\.(\d+)/.exec(numeral);
  return m?.[1]?.length ?? 0;
}
