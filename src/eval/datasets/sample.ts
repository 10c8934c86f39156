import { mulberry32 } from '../../prng.js';

/** Seed used when `--limit` is given without `--seed`. */
export const DEFAULT_SEED = 1;

/** A Fisher–Yates shuffle of a copy of `items` driven by mulberry32(`seed`): the same seed always gives the same order. */
export function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const next = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The first `limit` items of the seeded shuffle (all items, in their original order, when `limit`
 * is undefined or not smaller than the list). A sample of n is a prefix of the sample of n + 1
 * with the same seed.
 */
export function sample<T>(items: readonly T[], limit: number | undefined, seed = DEFAULT_SEED): T[] {
  if (limit === undefined || limit >= items.length) return [...items];
  return shuffle(items, seed).slice(0, limit);
}
