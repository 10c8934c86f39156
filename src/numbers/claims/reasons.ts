import { around, type Role } from './context.js';
import type { NumericClaim } from './types.js';

function percentReason(c: NumericClaim, role: Role): string | undefined {
  if (role === 'cagr') return 'compound growth rate stated without start and end values';
  if (role === 'growth') return 'growth rate stated without the values it was computed from';
  if (role === 'share') return 'share stated without the part and whole values';
  if (c.unit !== '%') return undefined;
  const { before } = around(c);
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1);
  for (const text of [clause, before]) {
    if (/growth|increase/i.test(text)) return 'growth rate stated without the values it was computed from';
    if (/proportion|share|account/i.test(text)) return 'share stated without the part and whole values';
    if (/average|benchmark/i.test(text)) return 'reference average stated without the values behind it';
  }
  return undefined;
}

/** Why a figure could not be derived, phrased for a reader. */
export function fallbackReason(c: NumericClaim, role: Role): string {
  const percent = percentReason(c, role);
  if (percent) return percent;
  if (role === 'amount-change') return 'change stated without the start and end values';
  switch (c.unit) {
    case '%':
      return 'percentage stated without the values it was computed from';
    case 'pp':
      return 'percentage-point change stated without the two shares';
    case 'times':
      return 'multiple stated without start and end values or a period';
    case 'duration':
      return 'time span; nothing to recompute';
    default:
      return c.words ? 'count of items; nothing to recompute' : 'source figure; nothing in the sentence derives it';
  }
}
