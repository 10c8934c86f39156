import { SQUAD_RATIO_METRICS, type SquadRatioMetric } from './types.js';

/** Short column headings of the SQuAD ratio metrics. */
export const SQUAD_LABELS: Record<SquadRatioMetric, string> = {
  exactMatch: 'EM',
  f1: 'F1',
  hasAnsExactMatch: 'HasEM',
  hasAnsF1: 'HasF1',
  noAnsExactMatch: 'NoEM',
  noAnsF1: 'NoF1',
  answerContains: 'contains',
  hasAnsAccuracy: 'HasAcc',
  noAnsAccuracy: 'NoAcc',
  balancedAccuracy: 'gate',
  abstentionPrecision: 'absP',
  abstentionRecall: 'absR',
  falseAbstentionRate: 'falseAbs',
  citationHit: 'citeHit',
};

/** Longer names of the metrics, for the overall summary. */
export const SQUAD_NAMES: Record<SquadRatioMetric, string> = {
  exactMatch: 'exact match (all)',
  f1: 'F1 (all)',
  hasAnsExactMatch: 'exact match, HasAns',
  hasAnsF1: 'F1, HasAns',
  noAnsExactMatch: 'exact match, NoAns',
  noAnsF1: 'F1, NoAns',
  answerContains: 'answer contains gold',
  hasAnsAccuracy: 'HasAns accuracy',
  noAnsAccuracy: 'NoAns accuracy (abstained)',
  balancedAccuracy: 'gate: mean(contains, NoAns acc)',
  abstentionPrecision: 'abstention precision',
  abstentionRecall: 'abstention recall',
  falseAbstentionRate: 'false-abstention rate',
  citationHit: 'citation hit',
};

/** Metrics the per-article table leaves out: they repeat other columns. */
const NOT_PER_ARTICLE: ReadonlySet<SquadRatioMetric> = new Set(['hasAnsAccuracy', 'noAnsExactMatch', 'noAnsF1']);

/** The columns of the per-article table: every ratio metric but {@link NOT_PER_ARTICLE}, in display order. */
export const ARTICLE_COLUMNS: readonly SquadRatioMetric[] = SQUAD_RATIO_METRICS.filter((m) => !NOT_PER_ARTICLE.has(m));
