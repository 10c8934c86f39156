import type { KnowledgeSnapshot } from '../retrieval/knowledge-base.js';
import type { ChatResponse, Check, HistoryTurn, RelatedPassage } from './schema.js';

/** Progress callbacks used for streaming. */
export interface AnswerEvents {
  /** Candidate passages, before answering starts. */
  onMeta?(passages: RelatedPassage[]): void;
  /** A piece of the answer text, in order. */
  onToken?(text: string): void;
  /** A calculator result or checked claim, as soon as it exists. */
  onCheck?(check: Check): void;
}

/** What an answerer needs for one question. */
export interface AnswerInput {
  question: string;
  history: readonly HistoryTurn[];
  /** Passages to retrieve (1..20). */
  k: number;
  snapshot: KnowledgeSnapshot;
  signal?: AbortSignal | undefined;
  events?: AnswerEvents | undefined;
}

/** An answer before the service adds mode and timings. */
export type AnswerDraft = Omit<ChatResponse, 'timings' | 'mode'> & { retrieveMs?: number };

/** Strategy that turns a question into a grounded, cited answer. */
export interface Answerer {
  readonly mode: 'offline' | 'llm';
  answer(input: AnswerInput): Promise<AnswerDraft>;
}
