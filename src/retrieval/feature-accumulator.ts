import { fmix32 } from './hashing.js';

/**
 * Reusable open-addressing table that counts hashed features of one text, then projects
 * them into a dense vector with signed feature hashing and sublinear (1 + ln tf) weights.
 */
export class FeatureAccumulator {
  private keys = new Int32Array(4096);
  private counts = new Float32Array(4096);
  private weights = new Float32Array(4096);
  private slots = new Int32Array(4096);
  private used = 0;
  private mask = 4095;

  /** Counts one occurrence of feature `hash` with base weight `weight` (first weight seen wins). */
  add(hash: number, weight: number): void {
    if (this.used * 2 >= this.keys.length) this.grow();
    const key = hash === 0 ? 1 : hash;
    let i = fmix32(key) & this.mask;
    for (;;) {
      const k = this.keys[i]!;
      if (k === key) {
        this.counts[i]!++;
        return;
      }
      if (k === 0) {
        this.keys[i] = key;
        this.counts[i] = 1;
        this.weights[i] = weight;
        this.slots[this.used++] = i;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** Writes the L2-normalised projection into `out[offset, offset + dim)` and clears the table. */
  flush(out: Float32Array, offset: number, dim: number): void {
    out.fill(0, offset, offset + dim);
    for (let u = 0; u < this.used; u++) {
      const i = this.slots[u]!;
      const h = fmix32(this.keys[i]! ^ 0x5bd1e995);
      const v = this.weights[i]! * (1 + Math.log(this.counts[i]!));
      const bucket = offset + ((h >>> 1) % dim);
      out[bucket] = out[bucket]! + (h & 1 ? v : -v);
      this.keys[i] = 0;
    }
    this.used = 0;
    let norm = 0;
    for (let j = offset; j < offset + dim; j++) norm += out[j]! * out[j]!;
    if (norm > 0) {
      const inv = 1 / Math.sqrt(norm);
      for (let j = offset; j < offset + dim; j++) out[j] = out[j]! * inv;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldCounts = this.counts;
    const oldWeights = this.weights;
    const oldSlots = this.slots.subarray(0, this.used);
    const cap = oldKeys.length * 2;
    this.keys = new Int32Array(cap);
    this.counts = new Float32Array(cap);
    this.weights = new Float32Array(cap);
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
    const n = this.used;
    this.used = 0;
    for (let u = 0; u < n; u++) {
      const s = oldSlots[u]!;
      const key = oldKeys[s]!;
      let i = fmix32(key) & this.mask;
      while (this.keys[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = key;
      this.counts[i] = oldCounts[s]!;
      this.weights[i] = oldWeights[s]!;
      this.slots[this.used++] = i;
    }
  }
}
