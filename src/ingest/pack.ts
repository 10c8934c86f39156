import type { UnitBoundary } from './units.js';

/** Extra cost, in squared words, of cutting a chunk at each kind of boundary. */
function cutCost(boundary: UnitBoundary, maxWords: number): number {
  switch (boundary) {
    case 'paragraph':
      return 0;
    case 'sentence':
      return (maxWords / 4) ** 2;
    case 'clause':
      return (maxWords / 2) ** 2;
    case 'token':
      return maxWords ** 2;
  }
}

interface Plan {
  chunks: number;
  short: number;
  spread: number;
  from: number;
}

function better(a: Plan, b: Plan): boolean {
  if (a.chunks !== b.chunks) return a.chunks < b.chunks;
  if (a.short !== b.short) return a.short < b.short;
  return a.spread < b.spread;
}

/**
 * Partitions consecutive units into chunks of at most `maxWords` (a single oversized unit
 * stands alone). Among partitions it prefers, in order: fewer chunks, fewer chunks under
 * `minWords`, then even sizes and cuts at paragraph rather than sentence boundaries.
 * Returns `[first, last)` unit index ranges.
 */
export function packUnits(
  units: ReadonlyArray<{ weight: number; boundary: UnitBoundary }>,
  minWords: number,
  maxWords: number,
): Array<[number, number]> {
  const n = units.length;
  const best: (Plan | undefined)[] = [{ chunks: 0, short: 0, spread: 0, from: -1 }];
  for (let i = 1; i <= n; i++) {
    let words = 0;
    for (let j = i - 1; j >= 0; j--) {
      words += units[j]!.weight;
      if (words > maxWords && j < i - 1) break;
      const prev = best[j];
      if (!prev) continue;
      const cut = j > 0 ? cutCost(units[j]!.boundary, maxWords) : 0;
      const plan: Plan = {
        chunks: prev.chunks + 1,
        short: prev.short + (words < minWords ? 1 : 0),
        spread: prev.spread + words * words + cut,
        from: j,
      };
      const current = best[i];
      if (!current || better(plan, current)) best[i] = plan;
    }
  }
  const ranges: Array<[number, number]> = [];
  for (let i = n; i > 0; ) {
    const from = best[i]!.from;
    ranges.unshift([from, i]);
    i = from;
  }
  return ranges;
}
