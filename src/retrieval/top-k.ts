/** A ranked position with its score. */
export interface ScoredIndex {
  index: number;
  score: number;
}

/**
 * Bounded min-heap that keeps the `k` best (highest score, then lowest index) entries.
 * Reusable: call {@link TopK.reset} between queries to avoid reallocating.
 */
export class TopK {
  private idx: Int32Array;
  private val: Float64Array;
  private size = 0;
  private cap: number;

  constructor(k: number) {
    this.cap = Math.max(1, k);
    this.idx = new Int32Array(this.cap);
    this.val = new Float64Array(this.cap);
  }

  /** Empties the heap, growing it if `k` is larger than before. */
  reset(k: number): void {
    if (k > this.idx.length) {
      this.idx = new Int32Array(k);
      this.val = new Float64Array(k);
    }
    this.cap = Math.max(1, k);
    this.size = 0;
  }

  private worse(a: number, b: number): boolean {
    const va = this.val[a]!;
    const vb = this.val[b]!;
    return va < vb || (va === vb && this.idx[a]! > this.idx[b]!);
  }

  private swap(a: number, b: number): void {
    const ti = this.idx[a]!;
    const tv = this.val[a]!;
    this.idx[a] = this.idx[b]!;
    this.val[a] = this.val[b]!;
    this.idx[b] = ti;
    this.val[b] = tv;
  }

  /** Offers a candidate; kept only while it ranks among the best `k`. */
  push(index: number, score: number): void {
    if (this.size < this.cap) {
      let i = this.size++;
      this.idx[i] = index;
      this.val[i] = score;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.worse(i, p)) break;
        this.swap(i, p);
        i = p;
      }
      return;
    }
    const rootScore = this.val[0]!;
    if (score < rootScore || (score === rootScore && index > this.idx[0]!)) return;
    this.idx[0] = index;
    this.val[0] = score;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.worse(l, m)) m = l;
      if (r < this.size && this.worse(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  /** The kept entries, best first. */
  sorted(): ScoredIndex[] {
    const out: ScoredIndex[] = [];
    for (let i = 0; i < this.size; i++) out.push({ index: this.idx[i]!, score: this.val[i]! });
    out.sort((a, b) => b.score - a.score || a.index - b.index);
    return out;
  }
}
