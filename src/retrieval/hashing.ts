/** FNV-1a offset basis. */
export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** 32-bit FNV-1a over UTF-16 code units of `s[from, to)`, starting from `seed`. */
export function fnv1a(s: string, seed = FNV_OFFSET, from = 0, to = s.length): number {
  let h = seed | 0;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h;
}

/** One FNV-1a step: folds a code unit into `h`. */
export function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME);
}

/** Murmur3 finaliser: spreads the bits of a 32-bit hash. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Order-sensitive combination of two hashes (for bigrams). */
export function combine(a: number, b: number): number {
  return fmix32(Math.imul(a, 0x9e3779b1) ^ b);
}
