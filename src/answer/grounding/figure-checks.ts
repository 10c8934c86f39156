import { extractClaims, isCheckable, type NumericClaim } from '../../numbers/index.js';
import { scaleFactor } from '../../numbers/quantity.js';
import type { Check, Citation } from '../schema.js';
import { type AnswerSentence, normalizeDigits } from './markers.js';

/** A calculator result produced while answering. */
export interface CalcRecord {
  op: string;
  args: Record<string, unknown>;
  value: number;
  display: string;
  formula: string;
}

type Kind = 'pct' | 'pp' | 'mult' | 'amount' | 'span' | null;
const KINDS: Partial<Record<NumericClaim['unit'], Kind>> = {
  '%': 'pct',
  pp: 'pp',
  times: 'mult',
  currency: 'amount',
  duration: 'span',
};
const kindOf = (c: NumericClaim | undefined): Kind => (c ? (KINDS[c.unit] ?? null) : null);

function compatible(stated: NumericClaim, other: NumericClaim | undefined): boolean {
  const a = kindOf(stated);
  const b = kindOf(other);
  if (a && b && a !== b) return false;
  return !(stated.currency && other?.currency && stated.currency !== other.currency);
}

/** True when `value` (in `other`'s scale) rounds to `stated` at the precision `stated` is written with. */
function sameAtPrecision(stated: NumericClaim, value: number, other?: NumericClaim): boolean {
  if (!compatible(stated, other)) return false;
  const half = 0.5 * 10 ** -stated.decimals;
  const eps = 1e-9 * Math.max(1, Math.abs(stated.value));
  if (stated.scale && other?.scale && stated.scale !== other.scale) {
    const f = scaleFactor(stated.scale);
    return Math.abs(Math.abs(value) * scaleFactor(other.scale) - Math.abs(stated.value) * f) <= (half + eps) * f;
  }
  return Math.abs(Math.abs(value) - Math.abs(stated.value)) <= half + eps;
}

/** The figures a text states, full-width digits read as ASCII. */
export const figuresOf = (text: string) => extractClaims(normalizeDigits(text));
/** Figures an answer's sentence is checked for: not years or labels, nor counts written as words. */
export const checkable = (c: NumericClaim) => isCheckable(c) && !(c.words && c.unit === 'count');

function operandValues(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  if (typeof v === 'string') return figuresOf(v).map((c) => c.value);
  if (Array.isArray(v)) return v.flatMap(operandValues);
  if (v && typeof v === 'object') return Object.values(v).flatMap(operandValues);
  return [];
}

/** What checking an answer's sentences shares: the citations, this turn's calculator results and the checks so far. */
export interface VerifyContext {
  citations: Citation[];
  calcs: readonly CalcRecord[];
  checks: Check[];
  usedCalcs: Set<number>;
  quoteFigures: Map<Citation, NumericClaim[]>;
}

function quoteFigures(ctx: VerifyContext, c: Citation): NumericClaim[] {
  let figs = ctx.quoteFigures.get(c);
  if (!figs) {
    figs = figuresOf(c.quote);
    ctx.quoteFigures.set(c, figs);
  }
  return figs;
}

const YEARISH = (v: number) => Number.isInteger(v) && v >= 1900 && v <= 2100;
const equal = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));

/** The citation whose quote holds the most (non-year) operands of `calc`, preferring `preferred`. */
function operandCitation(ctx: VerifyContext, calc: CalcRecord, preferred: Citation[]): number | undefined {
  const operands = operandValues(calc.args).filter((v) => !YEARISH(v));
  let best: { n: number; hits: number } | undefined;
  for (const c of [...preferred, ...ctx.citations]) {
    const values = quoteFigures(ctx, c).map((f) => f.value);
    const hits = operands.filter((o) => values.some((v) => equal(o, v))).length;
    if (hits > (best?.hits ?? 0)) best = { n: c.n, hits };
  }
  return best?.n;
}

function useCalc(ctx: VerifyContext, index: number, claim: string, cited: Citation[]): void {
  if (ctx.usedCalcs.has(index)) return;
  ctx.usedCalcs.add(index);
  const { op, args, value, display, formula } = ctx.calcs[index]!;
  const citation = operandCitation(ctx, ctx.calcs[index]!, cited);
  ctx.checks.push({ op, args, value, display, formula, claim, status: 'computed', ...(citation ? { citation } : {}) });
}

const formulaNumbers = (calc: CalcRecord) => (calc.formula.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);

/** Checks each number of a sentence; records checks and returns the figures nothing backs. */
export function checkNumbers(ctx: VerifyContext, s: AnswerSentence, figures: NumericClaim[], cited: Citation[]) {
  const sources = (cited.length ? cited : ctx.citations).flatMap((c) => quoteFigures(ctx, c));
  const years = new Set([
    ...figures.flatMap((f) => f.years),
    ...sources.filter((f) => f.unit === 'year').map((f) => f.value),
  ]);
  const failing: NumericClaim[] = [];
  let computed = 0;
  for (const fig of figures) {
    if (sources.some((q) => sameAtPrecision(fig, q.value, q))) continue;
    const calc = ctx.calcs.findIndex((c) => sameAtPrecision(fig, c.value, figuresOf(c.display)[0]));
    if (calc >= 0) {
      computed++;
      useCalc(ctx, calc, s.text, cited);
      continue;
    }
    const bare = fig.unit === 'count' || fig.unit === 'duration';
    if (bare && ctx.calcs.some((c) => formulaNumbers(c).some((x) => sameAtPrecision(fig, x)))) continue;
    if (fig.unit === 'duration' && [...years].some((y) => years.has(y + fig.value))) continue;
    failing.push(fig);
    const { value, text: display } = fig;
    ctx.checks.push({ op: 'unverified', args: {}, value, display, formula: null, claim: s.text, status: 'unverified' });
  }
  return { failing, computed };
}
