import { nfkc, stripCitationMarkers } from './text.js';

/** A number read from text. */
export interface FoundNumber {
  value: number;
  /** The digits as written, thousands separators included. */
  raw: string;
  /** Digits after the decimal point. */
  decimals: number;
  /** A four-digit integer from 1900 to 2100 not followed by `%`. */
  isYear: boolean;
}

const NUMBER = /(?<!\d)(?<!\d\.)(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?/g;

/**
 * Reads the unsigned numbers stated in `text` after NFKC normalisation: thousands separators are
 * removed (`1,234.5` is 1234.5), a percentage is its number, and citation markers like `[1]` are skipped.
 */
export function extractNumbers(text: string): FoundNumber[] {
  const clean = stripCitationMarkers(nfkc(text));
  const found: FoundNumber[] = [];
  for (const m of clean.matchAll(NUMBER)) {
    const raw = m[0];
    const digits = raw.replace(/,/g, '');
    const value = Number(digits);
    if (!Number.isFinite(value)) continue;
    const decimals = digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0;
    const next = clean.charAt((m.index ?? 0) + raw.length);
    const isYear = /^\d{4}$/.test(raw) && value >= 1900 && value <= 2100 && next !== '%';
    found.push({ value, raw, decimals, isYear });
  }
  return found;
}

/** True when two numbers are equal up to floating-point noise. */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** True when `value` rounds to `stated` at the precision `stated` was written with (half a unit of its last digit). */
export function roundsTo(value: number, stated: FoundNumber): boolean {
  return Math.abs(value - stated.value) <= 0.5 * 10 ** -stated.decimals + 1e-9;
}

/** Formats a number for messages without floating-point noise. */
export function formatNumber(n: number): string {
  return String(Number(n.toPrecision(12)));
}
