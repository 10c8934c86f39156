/**
 * TAT-QA's answer scoring conventions: numbers compared in their scale within the gold's rounding, spans
 * normalised (lower case, punctuation removed except inside numbers, articles dropped, numbers compared as
 * numbers) and scored by exact match and token F1.
 */
import { nfkc } from '../../scoring/text.js';
import { tokenF1 } from '../../scoring/token-f1.js';
import type { TatqaScale } from './dataset.js';

/** Multiplier of each scale; percent values are compared in percent units, and only with percent values. */
export const SCALE_MULTIPLIER: Readonly<Record<TatqaScale, number>> = {
  '': 1,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  percent: 1,
};

/** Digits after the decimal point of a number as written (`"12.50"` → 2, `"3"` → 0, `"1e-7"` → 7). */
export function decimalsOf(text: string): number {
  const t = text.trim();
  const exp = /e([-+]?\d+)$/i.exec(t);
  const mantissa = exp ? t.slice(0, exp.index) : t;
  const dot = mantissa.indexOf('.');
  const decimals = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.max(0, decimals - (exp ? Number(exp[1]) : 0));
}

/** Half a unit in the gold's last decimal place, at least 0.005 (TAT-QA rounds to 2 decimals), in the gold's own scale. */
export function goldTolerance(goldText: string): number {
  return Math.max(0.5 * 10 ** -decimalsOf(goldText), 0.005);
}

/** A number in a scale. */
export interface ScaledNumber {
  value: number;
  scale: TatqaScale;
}

const EPS = 1e-9;

/**
 * Whether a predicted number equals the gold number: both as absolute values (value × scale multiplier),
 * within {@link goldTolerance} × the gold's multiplier, sign included. A percentage only equals a percentage.
 */
export function numberCorrect(pred: ScaledNumber, gold: ScaledNumber & { text: string }): boolean {
  if ((pred.scale === 'percent') !== (gold.scale === 'percent')) return false;
  const p = pred.value * SCALE_MULTIPLIER[pred.scale];
  const g = gold.value * SCALE_MULTIPLIER[gold.scale];
  return Math.abs(p - g) <= goldTolerance(gold.text) * SCALE_MULTIPLIER[gold.scale] + EPS * Math.max(1, Math.abs(g));
}

/** The same test ignoring both scales (predicted value against gold value), to tell a wrong number from a wrong scale. */
export function valueCorrect(predValue: number, gold: { value: number; text: string }): boolean {
  return Math.abs(predValue - gold.value) <= goldTolerance(gold.text) + EPS * Math.max(1, Math.abs(gold.value));
}

const ARTICLES = new Set(['a', 'an', 'the']);
const NUMERIC = /^[-+]?(?:\d+(?:\.\d+)?|\.\d+)$/;
const canonicalNumber = (text: string) => String(Number(text) + 0);

/**
 * The tokens of TAT-QA-style normalisation: NFKC and lower case; currency symbols removed; `(361)` read as
 * -361 and thousands separators dropped; a token that is a number (after surrounding punctuation and `%`
 * are removed) becomes its canonical form (`1,496.50` → `1496.5`); other tokens lose their punctuation
 * (hyphens and dashes separate words); the articles a/an/the are dropped.
 */
export function normalizedTokens(text: string): string[] {
  let t = nfkc(text)
    .toLowerCase()
    .replace(/\u2212/g, '-');
  t = t.replace(/(?:us|hk|a|c|s)?\$|[€£¥]/g, '');
  t = t.replace(/\(\s*(-?\d[\d,]*(?:\.\d+)?)\s*\)/g, (_, n: string) => ` ${n.startsWith('-') ? n : `-${n}`} `);
  t = t.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
  const out: string[] = [];
  for (const raw of t.split(/\s+/)) {
    const core = raw.replace(/^[^\p{L}\p{N}+\-.]+/u, '').replace(/[^\p{L}\p{N}]+$/u, '');
    if (NUMERIC.test(core)) {
      out.push(canonicalNumber(core));
      continue;
    }
    for (const word of raw
      .replace(/[-‐‑‒–—―]/g, ' ')
      .replace(/[\p{P}\p{S}]/gu, '')
      .split(/\s+/)) {
      if (!word || ARTICLES.has(word)) continue;
      out.push(NUMERIC.test(word) ? canonicalNumber(word) : word);
    }
  }
  return out;
}

/** The normalised text: its tokens joined by single spaces. */
export function normalizeTatqa(text: string): string {
  return normalizedTokens(text).join(' ');
}

const usable = (golds: readonly string[]) => golds.filter((g) => normalizeTatqa(g) !== '');

/** span: 1 when the normalised prediction equals some normalised gold span, else 0 (an empty prediction never matches). */
export function spanExactMatch(pred: string, golds: readonly string[]): number {
  const p = normalizeTatqa(pred);
  return p !== '' && usable(golds).some((g) => normalizeTatqa(g) === p) ? 1 : 0;
}

/** span: the best token F1 of the prediction against any gold span. */
export function spanF1(pred: string, golds: readonly string[]): number {
  const p = normalizedTokens(pred);
  if (!p.length) return 0;
  return Math.max(0, ...usable(golds).map((g) => tokenF1(p, normalizedTokens(g))));
}

/**
 * The spans of a multi-span prediction: split on `;`, on `, ` when no gold span contains a comma, and on
 * ` and ` when no gold span contains " and " (so "research and development" stays whole).
 */
export function splitPredictedSpans(pred: string, golds: readonly string[]): string[] {
  let parts = pred.split(/\s*;\s*/);
  if (!golds.some((g) => g.includes(','))) parts = parts.flatMap((p) => p.split(/,\s+/));
  if (!golds.some((g) => /\sand\s/i.test(g))) parts = parts.flatMap((p) => p.split(/\s+and\s+/i));
  return parts.map((p) => p.trim()).filter(Boolean);
}

const normalizedSet = (spans: readonly string[]) => new Set(spans.map(normalizeTatqa).filter(Boolean));

/** multi-span: 1 when the set of normalised predicted spans equals the set of normalised gold spans, else 0. */
export function multiSpanExactMatch(pred: string, golds: readonly string[]): number {
  const p = normalizedSet(splitPredictedSpans(pred, golds));
  const g = normalizedSet(golds);
  return p.size > 0 && p.size === g.size && [...p].every((x) => g.has(x)) ? 1 : 0;
}

/** multi-span: bag-of-tokens F1 of the prediction against the gold spans joined. */
export function multiSpanF1(pred: string, golds: readonly string[]): number {
  const p = normalizedTokens(pred);
  if (!p.length) return 0;
  return tokenF1(p, normalizedTokens(golds.join(' ')));
}
