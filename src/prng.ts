/** A seeded pseudo-random source: `next()` returns a float in [0, 1). */
export interface Rng {
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A uniformly chosen element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** An element chosen with probability roughly proportional to 1 / rank (Zipf, s = 1). */
  zipf<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/** mulberry32: a small, fast 32-bit generator; the same seed always gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded {@link Rng} built on {@link mulberry32}. */
export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    zipf: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      const rank = Math.floor(Math.exp(next() * Math.log(items.length + 1))) - 1;
      return items[Math.min(items.length - 1, Math.max(0, rank))]!;
    },
    chance: (p) => next() < p,
  };
  return rng;
}

/** Derives an independent seed for a named stream (FNV-1a of the name mixed with the seed). */
export function deriveSeed(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h >>> 0;
}
