import { tokenize } from '../../retrieval/tokenizer.js';
import { type LabelledFigure, labelTerms, periodTerms, sameKind } from '../grounding/figure-labels.js';
import { HAN_COMPARISON_RE } from '../question/han-ops.js';

export type { LabelledFigure };

/** Only figures of the best few sentences are paired. */
const PAIR_SENTENCES = 3;
const MONTH_TERM_RE = /^month\d+$/;
/** The word that sets the compared figure (before it) against the base (after it): "than", "exceed", "beat". */
const COMPARISON_RE = /\b(?:than|beat|beats|beaten|exceed(?:s|ed)?|surpass(?:es|ed)?|outstrip(?:s|ped)?)\b/iu;

/** Position in the question of the first term that labels `mine` and not `theirs`; -1 when none does. */
function firstOwnLabel(question: readonly string[], mine: ReadonlySet<string>, theirs: ReadonlySet<string>): number {
  return question.findIndex((t) => mine.has(t) && !theirs.has(t));
}

/**
 * Two figures of the same kind for a two-operand calculation, told apart by the words the
 * question uses for each ("from January to February", "on Plus than on Free", "2022 to 2023"):
 * each figure is labelled by the words around it in its sentence. When the question names years
 * or months, they tell the figures apart first; when they tell none apart ("What share of February's sales
 * were online sales?"), or the question names none, any of its words do. Returns `[base, other]`: the
 * first-labelled figure is the base, except in comparisons ("larger than", "more than", "exceed", "beat"),
 * where the figure after the comparison word is. When only one figure carries a label of the question (and
 * it is not the later of two years or months the question names), the other figure of the same kind in its
 * sentence is the second, unless a year the question does not name labels it. Null when no pair is told apart.
 */
export function labelledPair<F extends LabelledFigure>(question: string, figures: readonly F[]): [F, F] | null {
  const q = periodTerms(question);
  const candidates = figures.filter((f) => f.rank < PAIR_SENTENCES);
  const labels = new Map(candidates.map((f) => [f, labelTerms(f, candidates)]));
  const comparison = COMPARISON_RE.test(question) || HAN_COMPARISON_RE.test(question);
  const slots = q.filter((t) => /^\d{4}$/.test(t) || MONTH_TERM_RE.test(t));
  const pair =
    (slots.length ? pairBy(slots, slots, candidates, labels, comparison) : null) ??
    pairBy(q, [], candidates, labels, comparison);
  return pair && comparison ? thanBaseFirst(question, pair, labels) : pair;
}

/**
 * A comparison's pair with the figure the words after "than" name first as its own as the base ("how many more
 * passengers does a daytime crossing carry than the last night crossing": the night crossing's figure is the base,
 * whatever the shared "passengers" beside it says). Only words the question does not also use before "than" count
 * ("room" in "how much more does an en-suite room cost than a standard room"); a word outside both figures' labels
 * names the figure nearest to it when both share one sentence ("A standard room … costs £142 a week, and an en-suite
 * room £176").
 */
function thanBaseFirst<F extends LabelledFigure>(
  question: string,
  pair: [F, F],
  labels: ReadonlyMap<F, Set<string>>,
): [F, F] {
  const m = COMPARISON_RE.exec(question);
  if (!m) return pair;
  const before = new Set(periodTerms(question.slice(0, m.index)));
  const after = question.slice(m.index + m[0].length);
  const [a, b] = pair;
  for (const t of periodTerms(after).filter((t) => !before.has(t))) {
    const inA = labels.get(a)!.has(t);
    const inB = labels.get(b)!.has(t);
    const named = inA !== inB ? (inA ? a : b) : inA ? null : nearestFigure(t, a, b);
    if (named) return named === a ? pair : [b, a];
  }
  return pair;
}

/** Of two figures of one sentence, the one nearer to a word of the sentence whose term is `term`; null when none is nearer. */
function nearestFigure<F extends LabelledFigure>(term: string, a: F, b: F): F | null {
  if (a.sentenceText !== b.sentenceText) return null;
  const gap = (f: F, start: number, end: number) =>
    end <= f.start - f.sentenceStart ? f.start - f.sentenceStart - end : start - (f.end - f.sentenceStart);
  let best: { f: F; gap: number } | null = null;
  for (const w of a.sentenceText.matchAll(/[\p{L}\p{N}'’-]+/gu)) {
    if (!tokenize(w[0]).includes(term)) continue;
    const [ga, gb] = [gap(a, w.index, w.index + w[0].length), gap(b, w.index, w.index + w[0].length)];
    if (ga === gb) continue;
    const near = ga < gb ? { f: a, gap: ga } : { f: b, gap: gb };
    if (!best || near.gap < best.gap) best = near;
  }
  return best?.f ?? null;
}

/** A label names a year the question does not ("2.6 °C above the 1991–2020 average" for a question about 2025). */
function otherYear(label: ReadonlySet<string>, question: readonly string[]): boolean {
  for (const t of label) if (/^\d{4}$/.test(t) && !question.includes(t)) return true;
  return false;
}

/** The best pair told apart by the `telling` terms (see {@link labelledPair}); `slots` are its years and months. */
function pairBy<F extends LabelledFigure>(
  telling: readonly string[],
  slots: readonly string[],
  candidates: readonly F[],
  labels: ReadonlyMap<F, Set<string>>,
  comparison: boolean,
): [F, F] | null {
  let best: { pair: [F, F]; score: number } | null = null;
  for (const a of candidates) {
    for (const b of candidates) {
      if (a === b || !sameKind(a, b) || a.value === b.value) continue;
      const ia = firstOwnLabel(telling, labels.get(a)!, labels.get(b)!);
      const ib = firstOwnLabel(telling, labels.get(b)!, labels.get(a)!);
      const alone =
        ia >= 0 &&
        ib < 0 &&
        a.sentenceText === b.sentenceText &&
        !(slots.length >= 2 && telling[ia] === slots[slots.length - 1]) &&
        !otherYear(labels.get(b)!, telling);
      if (!(ia >= 0 && ib >= 0 && ia < ib) && !alone) continue;
      const score = (ib >= 0 ? 1 : 0.5) + (a.sentenceText === b.sentenceText ? 1 : 0) - 0.1 * (a.rank + b.rank);
      if (!best || score > best.score) best = { pair: comparison ? [b, a] : [a, b], score };
    }
  }
  return best?.pair ?? null;
}

/**
 * The figure to set against one the question itself states ("how many points below the national average is the
 * 38% share?"): of the same kind, another value, labelled by a question word that does not label the stated one
 * ("average"); the most such words win, then the better-ranked sentence. Null when no figure is labelled so.
 */
export function partnerOf<F extends LabelledFigure>(question: string, stated: F, figures: readonly F[]): F | null {
  const q = new Set(periodTerms(question));
  const candidates = figures.filter((f) => f.rank < PAIR_SENTENCES);
  const own = labelTerms(stated, candidates);
  let best: { f: F; score: number } | null = null;
  for (const f of candidates) {
    if (f === stated || !sameKind(f, stated) || f.value === stated.value) continue;
    const hits = [...labelTerms(f, candidates)].filter((t) => q.has(t) && !own.has(t)).length;
    if (!hits) continue;
    const score = hits - 0.1 * f.rank;
    if (!best || score > best.score) best = { f, score };
  }
  return best?.f ?? null;
}

/** "How many goals per match": the word before "per" and the word after it, which label the two figures of a rate. */
const PER_RE = /([\p{L}-]+)\s+per\s+([\p{L}-]+)/iu;

/**
 * The two figures of a rate the question asks for ("how many league goals per match"): the one labelled by the word
 * after "per" (the matches, the base) and the one labelled by the word before it (the goals), counts or amounts of
 * the best sentences, one sentence preferred. Returns `[base, other]` with the word after "per" as written; null when
 * no figure carries each label.
 */
export function perUnitPair<F extends LabelledFigure>(
  question: string,
  figures: readonly F[],
): { pair: [F, F]; unit: string } | null {
  const m = PER_RE.exec(question);
  const [per, unit] = [tokenize(m?.[1] ?? '')[0], tokenize(m?.[2] ?? '')[0]];
  if (!per || !unit) return null;
  const candidates = figures.filter((f) => f.rank < PAIR_SENTENCES && (f.unit === 'count' || f.unit === 'currency'));
  const labels = new Map(candidates.map((f) => [f, labelTerms(f, candidates)]));
  let best: { pair: [F, F]; score: number } | null = null;
  for (const base of candidates.filter((f) => labels.get(f)!.has(unit) && !labels.get(f)!.has(per)))
    for (const other of candidates.filter((f) => labels.get(f)!.has(per) && !labels.get(f)!.has(unit))) {
      if (other === base || (other.currency ?? null) !== (base.currency ?? null)) continue;
      const score = (base.sentenceText === other.sentenceText ? 1 : 0) - 0.1 * (base.rank + other.rank);
      if (!best || score > best.score) best = { pair: [base, other], score };
    }
  return best ? { pair: best.pair, unit: m![2]! } : null;
}
