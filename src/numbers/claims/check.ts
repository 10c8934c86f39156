import { calculate } from '../calculator/calculator.js';
import { annualizedMultiple } from '../calculator/math.js';
import type { CalcResult } from '../calculator/result.js';
import type { CalcOp } from '../calculator/schemas.js';
import { formatPercent } from '../format.js';
import { SCALES, type Scale, scaleFactor } from '../quantity.js';
import { around, findPairs, isAmount, nearestPair, type Pair, type Role, roleOf, yearRange } from './context.js';
import { extractClaims, isCheckable } from './extract.js';
import { fallbackReason } from './reasons.js';
import { judge } from './tolerance.js';
import type { CheckStatus, ClaimCheck, NumericClaim } from './types.js';

interface Ctx {
  claims: NumericClaim[];
  pairs: Pair[];
  operandOf: Map<NumericClaim, string>;
}

const YOY_AFTER = /^\s*(?:year-on-year|year on year|yoy|y-o-y)\b/i;
const YOY_BEFORE = /\b(?:year-on-year|year on year|yoy|y-o-y)\b[^,.;]*$/i;

function unchecked(claim: NumericClaim, reason: string): ClaimCheck {
  return { claim, op: null, args: null, value: null, display: null, formula: null, status: 'unchecked', reason };
}

function use(ctx: Ctx, operands: NumericClaim[], target: NumericClaim, op: CalcOp): void {
  for (const o of operands) {
    if (!ctx.operandOf.has(o)) ctx.operandOf.set(o, `source figure; operand of ${op} for ${target.text}`);
  }
}

function attempt(
  claim: NumericClaim,
  op: CalcOp,
  args: Record<string, unknown>,
  finish: (r: CalcResult) => { status: CheckStatus; reason: string },
): ClaimCheck {
  try {
    const r = calculate(op, args);
    const { status, reason } = finish(r);
    return { claim, op, args: r.args, value: r.value, display: r.display, formula: r.formula, status, reason };
  } catch (err) {
    return unchecked(claim, `could not compute ${op}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const stated = (c: NumericClaim) => (c.qualifier ? `${c.qualifier} ${c.text}` : c.text);

function previous(ctx: Ctx, claim: NumericClaim): NumericClaim | undefined {
  return ctx.claims.filter((c) => c.end <= claim.start).at(-1);
}

function scaleOf(unit: string | null): Scale | undefined {
  return SCALES.find((s) => unit?.split(' ').includes(s));
}

function nextAmountAfterTo(c: NumericClaim, ctx: Ctx): NumericClaim | undefined {
  const next = ctx.claims.find((n) => n.start >= c.end);
  if (!next || !isAmount(next)) return undefined;
  const between = c.sentence.text.slice(c.end - c.sentence.start, next.start - c.sentence.start);
  return /^\s*(?:year-on-year\s+|yoy\s+)?to\s+$/i.test(between) ? next : undefined;
}

function checkGrowth(c: NumericClaim, ctx: Ctx, decrease: boolean): ClaimCheck | undefined {
  const claimed = decrease && c.value > 0 ? -c.value : c.value;
  const label = decrease ? `${c.text} decrease` : c.text;
  const pair = nearestPair(ctx.pairs, c, (p) => p.from.unit !== '%');
  if (pair) {
    use(ctx, [pair.from, pair.to], c, 'growth_rate');
    return attempt(c, 'growth_rate', { from: pair.from.text, to: pair.to.text }, (r) =>
      judge(claimed, r.value, c, label, r.display),
    );
  }
  const prev = previous(ctx, c);
  const level = prev && isAmount(prev) ? prev : nextAmountAfterTo(c, ctx);
  if (!level) return undefined;
  use(ctx, [level], c, 'implied_base');
  const { before, after } = around(c);
  const yoy = YOY_AFTER.test(after) || YOY_BEFORE.test(before);
  const period = yoy && level.year ? `${level.year - 1} ` : 'previous-period ';
  const given = `${level.text}${level.year ? ` for ${level.year}` : ''}`;
  return attempt(c, 'implied_base', { value: level.text, growth: `${claimed}%` }, (r) => ({
    status: 'computed',
    reason: `the text gives ${given} and its growth but not the earlier value; implied ${period}value ${r.display}`,
  }));
}

function cagrPeriod(c: NumericClaim, pair: Pair, ctx: Ctx): Record<string, number> | undefined {
  const { from, to } = pair;
  if (from.year && to.year && to.year > from.year) return { startYear: from.year, endYear: to.year };
  const range = yearRange(pair.to.sentence.text);
  if (range) return range;
  const span = ctx.claims.find((d) => d.unit === 'duration');
  if (span) {
    use(ctx, [span], c, 'cagr');
    return { years: span.value };
  }
  return undefined;
}

function checkCagr(c: NumericClaim, ctx: Ctx): ClaimCheck | undefined {
  const pair = nearestPair(ctx.pairs, c, (p) => p.from.unit !== '%');
  if (!pair) return undefined;
  const period = cagrPeriod(c, pair, ctx);
  if (!period) return unchecked(c, 'compound growth rate with start and end values but no period to compound over');
  use(ctx, [pair.from, pair.to], c, 'cagr');
  return attempt(c, 'cagr', { start: pair.from.text, end: pair.to.text, ...period }, (r) =>
    judge(c.value, r.value, c, c.text, r.display),
  );
}

function checkPp(c: NumericClaim, ctx: Ctx, decrease: boolean): ClaimCheck | undefined {
  const pair = nearestPair(ctx.pairs, c, (p) => p.from.unit === '%');
  if (!pair) return undefined;
  use(ctx, [pair.from, pair.to], c, 'pp_change');
  const claimed = decrease && c.value > 0 ? -c.value : c.value;
  return attempt(c, 'pp_change', { from: pair.from.text, to: pair.to.text }, (r) =>
    judge(claimed, r.value, c, c.text, r.display),
  );
}

function checkMultiple(c: NumericClaim, ctx: Ctx): ClaimCheck | undefined {
  const reading = `"${c.text}" read as ${c.value}× the starting level`;
  const pair = nearestPair(ctx.pairs, c, (p) => p.from.unit !== '%');
  if (pair) {
    use(ctx, [pair.from, pair.to], c, 'ratio');
    return attempt(c, 'ratio', { a: pair.to.text, b: pair.from.text }, (r) => {
      const j = judge(c.value, r.value, c, c.text, r.display);
      return { status: j.status, reason: c.words ? j.reason : `${j.reason}; ${reading}` };
    });
  }
  const span = ctx.claims.find((d) => d.unit === 'duration');
  if (!span) return undefined;
  use(ctx, [span], c, 'annualized_multiple');
  return attempt(c, 'annualized_multiple', { multiple: c.value, years: span.value }, (r) => {
    const alt = formatPercent(annualizedMultiple(c.value + 1, span.value));
    const implied = `"${stated(c)} in ${span.text}" implies ${r.display} a year`;
    return {
      status: 'computed',
      reason: `no start or end values in the text; ${implied} (${reading}; ${alt} if it means ${c.value + 1}×)`,
    };
  });
}

function checkShare(c: NumericClaim, ctx: Ctx): ClaimCheck | undefined {
  const prev = previous(ctx, c);
  if (!prev || !isAmount(prev)) return undefined;
  const { after } = around(c);
  const whole = ctx.claims.find(
    (w) => w.start >= c.end && isAmount(w) && /^\s+of\s+(?:the\s+)?$/i.test(after.slice(0, w.start - c.end)),
  );
  if (whole) {
    use(ctx, [prev, whole], c, 'share');
    return attempt(c, 'share', { part: prev.text, whole: whole.text }, (r) =>
      judge(c.value, r.value, c, c.text, r.display),
    );
  }
  use(ctx, [prev], c, 'implied_whole');
  const ofWhat = /^\s+of\s+([^,.;]+)/i.exec(after)?.[1]?.trim() ?? 'a whole';
  const approx = c.qualifier ? '≈ ' : '';
  return attempt(c, 'implied_whole', { part: prev.text, share: c.text }, (r) => ({
    status: 'computed',
    reason:
      `the text gives ${prev.text} as ${stated(c)} of ${ofWhat} but not the whole; ` +
      `implied whole ${approx}${r.display}`,
  }));
}

function checkAmountChange(c: NumericClaim, ctx: Ctx, decrease: boolean): ClaimCheck | undefined {
  const pair = nearestPair(ctx.pairs, c, (p) => p.from.unit === c.unit && p.from.currency === c.currency);
  if (!pair) return undefined;
  use(ctx, [pair.from, pair.to], c, 'difference');
  const claimed = decrease && c.value > 0 ? -c.value : c.value;
  return attempt(c, 'difference', { a: pair.to.text, b: pair.from.text }, (r) => {
    const inClaimScale = (r.value * scaleFactor(scaleOf(r.unit))) / scaleFactor(c.scale);
    return judge(claimed, inClaimScale, c, c.text, r.display);
  });
}

function derive(c: NumericClaim, role: Role, decrease: boolean, ctx: Ctx): ClaimCheck | undefined {
  switch (role) {
    case 'growth':
      return checkGrowth(c, ctx, decrease);
    case 'cagr':
      return checkCagr(c, ctx);
    case 'pp':
      return checkPp(c, ctx, decrease);
    case 'multiple':
      return checkMultiple(c, ctx);
    case 'share':
      return checkShare(c, ctx);
    case 'amount-change':
      return checkAmountChange(c, ctx, decrease);
    default:
      return undefined;
  }
}

function implicitChange(pair: Pair, ctx: Ctx): ClaimCheck {
  const op: CalcOp = pair.from.unit === '%' ? 'pp_change' : 'growth_rate';
  use(ctx, [pair.from], pair.to, op);
  const what = op === 'pp_change' ? 'change' : 'growth';
  return attempt(pair.to, op, { from: pair.from.text, to: pair.to.text }, (r) => ({
    status: 'computed',
    reason: `the text gives ${pair.from.text} → ${pair.to.text} but states no change; ${what} ${r.display}`,
  }));
}

function checkSentence(claims: NumericClaim[]): ClaimCheck[] {
  const ctx: Ctx = { claims, pairs: findPairs(claims), operandOf: new Map() };
  const checks = new Map<NumericClaim, ClaimCheck>();
  const roles = new Map(claims.map((c) => [c, roleOf(c)] as const));
  for (const c of claims) {
    const { role, decrease } = roles.get(c) ?? { role: 'plain', decrease: false };
    const check = derive(c, role, decrease, ctx);
    if (check) checks.set(c, check);
  }
  for (const pair of ctx.pairs) {
    if (checks.has(pair.to) || ctx.operandOf.has(pair.to) || ctx.operandOf.has(pair.from)) continue;
    checks.set(pair.to, implicitChange(pair, ctx));
  }
  return claims.map(
    (c) => checks.get(c) ?? unchecked(c, ctx.operandOf.get(c) ?? fallbackReason(c, roles.get(c)?.role ?? 'plain')),
  );
}

/**
 * Checks already-extracted claims sentence by sentence. Returns one entry per checkable
 * claim (not years or labels), in order; figures that cannot be derived are 'unchecked'
 * with a reason, never dropped.
 */
export function checkClaimList(claims: NumericClaim[]): ClaimCheck[] {
  const bySentence = new Map<number, NumericClaim[]>();
  for (const c of claims.filter(isCheckable)) {
    const list = bySentence.get(c.sentence.start) ?? [];
    list.push(c);
    bySentence.set(c.sentence.start, list);
  }
  return [...bySentence.values()].flatMap(checkSentence);
}

/**
 * Extracts the figures in `text` and recomputes every one that the same sentence lets the
 * calculator derive: growth from a "from X to Y" pair, CAGR over the pair's years, pp
 * changes, multiples ("doubled"), shares, and implied bases/wholes. See {@link checkClaimList}.
 */
export function checkClaims(text: string, offset = 0): ClaimCheck[] {
  return checkClaimList(extractClaims(text, offset));
}
