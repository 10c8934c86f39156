/** One question's candidates: a feature vector each and how good each is as the answer (0..1, e.g. F1). */
export interface RankingGroup {
  features: readonly (readonly number[])[];
  gains: readonly number[];
}

/** How the ranker is fitted. */
export interface FitOptions {
  /** Passes of gradient descent over all groups. */
  epochs?: number;
  /** Step size (Adam). */
  learningRate?: number;
  /** L2 penalty on the weights, per group. */
  l2?: number;
  /** Weights to start from; zeros by default. */
  initial?: readonly number[];
}

const DEFAULTS = { epochs: 300, learningRate: 0.05, l2: 0.001 };
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

const dot = (w: readonly number[], x: readonly number[]) => x.reduce((a, v, i) => a + v * w[i]!, 0);

/** The candidate a linear ranker picks from a group (first of equal scores), or -1 for an empty group. */
export function pick(weights: readonly number[], group: RankingGroup): number {
  let best = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  group.features.forEach((x, i) => {
    const s = dot(weights, x);
    if (s > bestScore + 1e-9) {
      best = i;
      bestScore = s;
    }
  });
  return best;
}

/** Mean gain of the picked candidates over the groups (0 for a group with none). */
export function meanGain(weights: readonly number[], groups: readonly RankingGroup[]): number {
  if (!groups.length) return 0;
  return groups.reduce((a, g) => a + (g.gains[pick(weights, g)] ?? 0), 0) / groups.length;
}

/**
 * Fits the weights of a linear scorer so that, within each group, a softmax over the candidates' scores puts its
 * mass on the best candidates (those of the group's highest gain, shared equally): listwise maximum likelihood with
 * an L2 penalty, by full-batch Adam. Groups whose best gain is 0 teach nothing and are skipped. Deterministic.
 */
export function fitSoftmaxRanker(groups: readonly RankingGroup[], dims: number, options: FitOptions = {}): number[] {
  const { epochs, learningRate, l2 } = { ...DEFAULTS, ...options };
  const w = options.initial ? [...options.initial] : new Array<number>(dims).fill(0);
  const m = new Array<number>(dims).fill(0);
  const v = new Array<number>(dims).fill(0);
  const useful = groups.filter((g) => g.features.length > 1 && Math.max(...g.gains) > 0);
  if (!useful.length) return w;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const grad = w.map((x) => l2 * x * useful.length);
    for (const g of useful) {
      const scores = g.features.map((x) => dot(w, x));
      const top = Math.max(...scores);
      const exp = scores.map((s) => Math.exp(s - top));
      const z = exp.reduce((a, b) => a + b, 0);
      const bestGain = Math.max(...g.gains);
      const targets = g.gains.map((x): number => (x === bestGain ? 1 : 0));
      const count = targets.reduce((a, b) => a + b, 0);
      g.features.forEach((x, i) => {
        const diff = exp[i]! / z - targets[i]! / count;
        for (let d = 0; d < dims; d++) grad[d]! += diff * x[d]!;
      });
    }
    for (let d = 0; d < dims; d++) {
      const gd = grad[d]! / useful.length;
      m[d] = BETA1 * m[d]! + (1 - BETA1) * gd;
      v[d] = BETA2 * v[d]! + (1 - BETA2) * gd * gd;
      const mHat = m[d]! / (1 - BETA1 ** epoch);
      const vHat = v[d]! / (1 - BETA2 ** epoch);
      w[d]! -= (learningRate * mHat) / (Math.sqrt(vHat) + EPSILON);
    }
  }
  return w;
}
