import type { AnswerFrom, AnswerType } from './dataset.js';
import { type DerivationForm, FORM_LABELS } from './derivation.js';
import type { TatqaRatioMetric, TatqaSummaryMetric } from './types.js';

/** Short column headings of the group metrics. */
export const TATQA_LABELS: Record<TatqaRatioMetric, string> = {
  accuracy: 'acc',
  numberCorrect: 'numOK',
  exactMatch: 'EM',
  f1: 'F1',
  abstentionRate: 'abst',
};

/** Longer names of the summary metrics. */
export const TATQA_NAMES: Record<TatqaSummaryMetric, string> = {
  accuracy: 'accuracy (gate: numbers right in scale, spans exact)',
  oneOpArithmeticAccuracy: 'one-operation arithmetic accuracy',
  numberCorrect: 'number correct ignoring scale (arithmetic, count)',
  exactMatch: 'exact match (span, multi-span)',
  f1: 'F1 (span, multi-span)',
  abstentionRate: 'abstention rate',
};

/** A group of the report: its heading and the label of each key. */
export interface GroupKind<K extends string> {
  heading: string;
  /** Prefix of the group in baseline scopes (`type:span`). */
  scope: string;
  label: (key: K) => string;
}

export const BY_ANSWER_TYPE: GroupKind<AnswerType> = { heading: 'By answer type', scope: 'type', label: (k) => k };
export const BY_DERIVATION: GroupKind<DerivationForm> = {
  heading: 'By derivation form (arithmetic)',
  scope: 'form',
  label: (k) => FORM_LABELS[k],
};
export const BY_ANSWER_FROM: GroupKind<AnswerFrom> = {
  heading: 'By answer source (answer_from)',
  scope: 'from',
  label: (k) => k,
};
