import { isAppError } from '../errors.js';
import { tagText } from '../language/tagger.js';
import type { KnowledgeBase } from '../retrieval/knowledge-base.js';
import { prepareCorpusStats } from './question/corpus-stats.js';
import type { ChatRequest, ChatResponse, CheckStatus } from './schema.js';
import type { AnswerDraft, AnswerEvents, Answerer } from './types.js';

/** Default number of passages shown when the request does not say. */
export const DEFAULT_K = 5;

/** Logger surface used for fallbacks. */
export interface ChatLogger {
  warn(obj: object, msg?: string): void;
}

/** Dependencies of {@link ChatService}. */
export interface ChatServiceDeps {
  kb: KnowledgeBase;
  offline: Answerer;
  /** The model-backed answerer, when a model is configured. */
  llm?: Answerer | undefined;
  logger?: ChatLogger | undefined;
  /** Counts answers by mode and abstention, their checks by status, and fallbacks to offline. */
  metrics?: AnswerRecorder | undefined;
}

/** Where answers are counted (the Prometheus metrics implement it). */
export interface AnswerRecorder {
  recordAnswer(mode: 'offline' | 'llm', abstained: boolean, checks: Iterable<{ status: CheckStatus }>): void;
  recordLlmFallback(): void;
}

/** Per-call options. */
export interface ChatCallOptions {
  signal?: AbortSignal | undefined;
  events?: AnswerEvents | undefined;
  /** Logger for this call (e.g. bound to the request id); defaults to the service's. */
  logger?: ChatLogger | undefined;
}

const isAbort = (err: unknown, signal?: AbortSignal) =>
  signal?.aborted ||
  (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError') && signal?.aborted);

/**
 * Answers a chat request: the model-backed answerer when configured, falling back to the offline
 * answerer (with a `notice`) on any upstream failure; adds mode and timings.
 */
export class ChatService {
  constructor(private readonly deps: ChatServiceDeps) {}

  /**
   * Readies the offline answerer for the served snapshot in the background (corpus statistics built
   * with yields to the event loop, the part-of-speech model loaded), so the first question does not
   * pay for it. Call once the knowledge base is open.
   */
  async prepare(): Promise<void> {
    tagText('');
    await prepareCorpusStats(this.deps.kb.require());
  }

  /** Which answerer runs first. */
  get mode(): 'offline' | 'llm' {
    return this.deps.llm ? 'llm' : 'offline';
  }

  async answer(request: ChatRequest, options: ChatCallOptions = {}): Promise<ChatResponse> {
    const started = performance.now();
    const snapshot = this.deps.kb.require();
    const input = {
      question: request.question,
      history: request.history ?? [],
      k: request.k ?? DEFAULT_K,
      snapshot,
      signal: options.signal,
      events: options.events,
    };
    let draft: AnswerDraft;
    let mode: 'offline' | 'llm' = 'offline';
    let fallbackNotice: string | undefined;
    if (this.deps.llm) {
      try {
        draft = await this.deps.llm.answer(input);
        mode = 'llm';
      } catch (err) {
        if (isAbort(err, options.signal)) throw err;
        this.deps.metrics?.recordLlmFallback();
        const reason = isAppError(err) ? err.message : 'the language model failed';
        (options.logger ?? this.deps.logger)?.warn(
          { err: isAppError(err) ? err.message : String(err) },
          'language model failed; answering offline',
        );
        fallbackNotice = `The language model was unavailable (${reason}); this answer was produced offline from the documents.`;
        draft = await this.deps.offline.answer({
          ...input,
          events: options.events ? { ...options.events, onMeta: undefined } : undefined,
        });
      }
    } else {
      draft = await this.deps.offline.answer(input);
    }
    const totalMs = performance.now() - started;
    const retrieveMs = Math.min(draft.retrieveMs ?? 0, totalMs);
    const { retrieveMs: _ignored, ...rest } = draft;
    const notice = [fallbackNotice, rest.notice].filter(Boolean).join(' ');
    this.deps.metrics?.recordAnswer(mode, rest.abstained, rest.checks);
    return {
      ...rest,
      mode,
      ...(notice ? { notice } : {}),
      timings: { retrieveMs: round(retrieveMs), answerMs: round(totalMs - retrieveMs), totalMs: round(totalMs) },
    };
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100;
