import type { CheckStatus, Qualifier } from './types.js';

/** Relative slack granted by hedges such as "nearly", "about", "basically". */
export const HEDGE_TOLERANCE = 0.15;
/** Relative slack for multiples written as words ("doubled" = 2×). */
export const WORD_TOLERANCE = 0.05;

type Kind = 'exact' | 'around' | 'below' | 'gt' | 'gte' | 'lt' | 'lte';

const KINDS: Record<Qualifier, Kind> = {
  nearly: 'below',
  almost: 'below',
  'close to': 'below',
  about: 'around',
  around: 'around',
  approximately: 'around',
  roughly: 'around',
  basically: 'around',
  over: 'gt',
  'more than': 'gt',
  exceeded: 'gt',
  above: 'gt',
  'at least': 'gte',
  'less than': 'lt',
  under: 'lt',
  below: 'lt',
  'up to': 'lte',
  'at most': 'lte',
};

/** How a stated figure should be compared. */
export interface Precision {
  decimals: number;
  words: boolean;
  qualifier?: Qualifier | undefined;
}

/** Verdict of comparing a stated figure with a recomputed one. */
export interface Judgement {
  status: Extract<CheckStatus, 'verified' | 'approximate' | 'mismatch'>;
  reason: string;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * Compares a stated figure with a recomputed value in the same unit. Exact figures must
 * match at their own precision (12.5 accepts 12.45–12.55); one unit off in the last digit
 * is 'approximate'. Hedges widen the match to ±15% (nearly/almost: at most the stated
 * value) and give 'approximate'; bounds (over, less than, ...) are 'verified' when they hold.
 * `stated` and `computed` are labels used in the reason.
 */
export function judge(claimed: number, computed: number, p: Precision, stated: string, shown: string): Judgement {
  const kind: Kind = p.qualifier ? KINDS[p.qualifier] : 'exact';
  const half = 0.5 * 10 ** -p.decimals;
  const eps = 1e-9 * Math.max(1, Math.abs(claimed));
  const diff = computed - claimed;
  const rel = claimed === 0 ? Infinity : Math.abs(diff) / Math.abs(claimed);
  const hedge = p.qualifier ? `"${p.qualifier} ${stated}"` : `"${stated}"`;
  const off = claimed === 0 ? '' : ` (${diff >= 0 ? '+' : '-'}${pct(rel)})`;

  const mismatch = (why: string): Judgement => ({ status: 'mismatch', reason: `stated ${hedge}, but ${why}` });
  const satisfied: Judgement = { status: 'verified', reason: `recomputed ${shown} satisfies ${hedge}` };

  switch (kind) {
    case 'exact':
      if (p.words) {
        return rel <= WORD_TOLERANCE
          ? { status: 'verified', reason: `recomputed ${shown} matches ${hedge}${off}` }
          : mismatch(`the operands give ${shown}${off}`);
      }
      if (Math.abs(diff) <= half + eps) return { status: 'verified', reason: `recomputed ${shown} rounds to ${hedge}` };
      if (Math.abs(diff) <= 2 * half + eps) {
        const reason = `recomputed ${shown} is within one unit of the last digit of ${hedge}`;
        return { status: 'approximate', reason };
      }
      return mismatch(`the operands give ${shown}`);
    case 'around':
      return rel <= HEDGE_TOLERANCE || Math.abs(diff) <= half + eps
        ? { status: 'approximate', reason: `recomputed ${shown} is consistent with ${hedge}${off}` }
        : mismatch(`the operands give ${shown}${off}`);
    case 'below':
      if (diff > half + eps) return mismatch(`the operands give ${shown}, which is above it`);
      return rel <= HEDGE_TOLERANCE
        ? { status: 'approximate', reason: `recomputed ${shown} is consistent with ${hedge}${off}` }
        : mismatch(`the operands give ${shown}${off}`);
    case 'gt':
    case 'gte': {
      const holds = kind === 'gt' ? computed > claimed : computed >= claimed - eps;
      return holds ? satisfied : mismatch(`the operands give ${shown}`);
    }
    case 'lt':
    case 'lte': {
      const holds = kind === 'lt' ? computed < claimed : computed <= claimed + eps;
      return holds ? satisfied : mismatch(`the operands give ${shown}`);
    }
  }
}
