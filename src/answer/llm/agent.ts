import { AIMessage, type BaseMessage, HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { ChatOpenAI } from '@langchain/openai';
import type { Config } from '../../config.js';
import { AppError, isAppError } from '../../errors.js';
import { CALC_OPS } from '../../numbers/index.js';
import type { SearchHit } from '../../retrieval/retriever.js';
import type { CalcRecord } from '../grounding/figure-checks.js';
import { MarkerNumbering, withoutMarkers } from '../grounding/markers.js';
import { toRelated } from '../grounding/related.js';
import { shortAnswerFor } from '../grounding/short-answer.js';
import { cellsUsed, passageText, withTableRef } from '../grounding/table-context.js';
import { verifyAnswer } from '../grounding/verify.js';
import type { AnswerDraft, Answerer, AnswerInput } from '../types.js';
import { retrievalQuery, uncoveredReason } from './agent-question.js';
import { type LlmCallRecorder, runStepTools, timedCall } from './agent-steps.js';
import { EchoGuard } from './echo-guard.js';
import { MarkerStream } from './marker-stream.js';
import { bindTools, createChatModel, streamStep, type ToolCallingModel, withRetries } from './model.js';
import { escapeData, PassageRegistry, renderPassages } from './passage-registry.js';
import { defaultPrompts, PromptError, type PromptLibrary } from './prompts.js';
import { ABSTAIN_PHRASE, echoesPrompt, groundAnswer, isAbstention } from './result.js';
import { DEFAULT_RETRY, type RetryPolicy } from './retry.js';
import { SEARCH_TOOL } from './tools.js';

/** Structured logger surface (pino-compatible). */
export interface LlmLogger {
  warn(obj: object, msg?: string): void;
}

/** Replaceable parts of the LLM answerer. */
export interface LlmAnswererDeps {
  /** Defaults to a streaming ChatOpenAI built from the configuration. */
  model?: ChatOpenAI;
  prompts?: PromptLibrary;
  /** Backoff settings; `maxRetries` always comes from `config.llm.maxRetries`. */
  retry?: Partial<Omit<RetryPolicy, 'maxRetries'>>;
  logger?: LlmLogger;
  /** Counts retries and times every model call. */
  metrics?: LlmCallRecorder;
}

interface LoopResult {
  answer: string;
  calcs: CalcRecord[];
  registry: PassageRegistry;
}

/** An AbortError carrying the caller's abort reason. */
function abortError(reason: unknown): Error {
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('The answer was aborted', 'AbortError');
}

/**
 * Answers with an OpenAI-compatible chat model in a bounded tool loop (search_documents plus
 * the calculator), then narrows citations and verifies the answer like the offline answerer.
 */
class LlmAnswerer implements Answerer {
  readonly mode = 'llm' as const;
  private readonly prompts: PromptLibrary;
  private readonly toolModel: ToolCallingModel;
  private readonly finalModel: ToolCallingModel;
  private readonly retry: RetryPolicy;
  private system: Promise<string> | undefined;

  constructor(
    private readonly config: Readonly<Config>,
    private readonly deps: LlmAnswererDeps,
  ) {
    const model = deps.model ?? createChatModel(config);
    this.prompts = deps.prompts ?? defaultPrompts;
    this.toolModel = bindTools(model, false);
    this.finalModel = bindTools(model, true);
    this.retry = { ...DEFAULT_RETRY, ...deps.retry, maxRetries: config.llm.maxRetries };
  }

  private systemPrompt(): Promise<string> {
    this.system ??= this.prompts.render('system', {
      abstain_phrase: ABSTAIN_PHRASE,
      calculator_ops: CALC_OPS.join(', '),
      search_tool: SEARCH_TOOL,
    });
    this.system.catch(() => (this.system = undefined));
    return this.system;
  }

  async answer(input: AnswerInput): Promise<AnswerDraft> {
    const { timeoutMs } = this.config.llm;
    const deadline = Date.now() + timeoutMs;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = input.signal ? AbortSignal.any([input.signal, timeout]) : timeout;
    const settle = (err: unknown): Error => {
      if (input.signal?.aborted) return abortError(input.signal.reason);
      if (timeout.aborted)
        return new AppError('upstream_error', `the language model did not answer within ${timeoutMs} ms`);
      if (isAppError(err) || err instanceof PromptError) return err;
      return new AppError(
        'upstream_error',
        `the language model call failed: ${err instanceof Error ? err.message : String(err)}`,
      );
    };
    if (input.signal?.aborted) throw abortError(input.signal.reason);
    const started = performance.now();
    const hits = await input.snapshot.retriever.search(retrievalQuery(input), { k: input.k });
    const retrieveMs = performance.now() - started;
    if (input.signal?.aborted) throw abortError(input.signal.reason);
    input.events?.onMeta?.(hits.map(toRelated));
    const uncovered = uncoveredReason(input);
    if (uncovered) {
      const answer = `${ABSTAIN_PHRASE} this: ${uncovered}. The closest passages are listed as related reading.`;
      input.events?.onToken?.(answer);
      return {
        answer,
        citations: [],
        checks: [],
        claims: [],
        abstained: true,
        related: hits.map(toRelated),
        retrieveMs,
      };
    }
    try {
      const system = await this.systemPrompt();
      const result = await this.loop(input, hits, system, signal, deadline);
      if (echoesPrompt(result.answer, system)) {
        throw new AppError('upstream_error', 'the language model repeated its instructions instead of answering');
      }
      return this.finish(input, hits, result, retrieveMs);
    } catch (err) {
      throw settle(err);
    }
  }

  private async messages(
    input: AnswerInput,
    hits: readonly SearchHit[],
    registry: PassageRegistry,
    system: string,
  ): Promise<BaseMessage[]> {
    const passages = await renderPassages(this.prompts, registry.add(hits), new Set(), (chunk) =>
      passageText(input.snapshot, chunk),
    );
    const question = await this.prompts.render('question', { passages, question: escapeData(input.question) });
    const history = input.history.map((t) =>
      t.role === 'user' ? new HumanMessage(t.content) : new AIMessage(withoutMarkers(t.content)),
    );
    return [new SystemMessage(system), ...history, new HumanMessage(question)];
  }

  private async loop(
    input: AnswerInput,
    hits: readonly SearchHit[],
    system: string,
    signal: AbortSignal,
    deadline: number,
  ): Promise<LoopResult> {
    const registry = new PassageRegistry();
    const messages = await this.messages(input, hits, registry, system);
    const calcs: CalcRecord[] = [];
    const guard = new EchoGuard(system, (t) => input.events?.onToken?.(t));
    const stream = new MarkerStream(new MarkerNumbering((n) => registry.has(n)), (t) => guard.push(t));
    const { maxSteps } = this.config.llm;
    let strikes = 0;
    const warn = (obj: object, msg: string) => this.deps.logger?.warn(obj, msg);
    for (let step = 1; step <= maxSteps; step++) {
      const model = step === maxSteps ? this.finalModel : this.toolModel;
      const { content, toolCalls } = await withRetries(
        (onContent) => timedCall(this.deps.metrics, () => streamStep(model, messages, signal, step, onContent)),
        (text) => stream.push(text),
        {
          policy: this.retry,
          signal,
          deadline,
          onRetry: (info) => {
            this.deps.metrics?.recordLlmRetry();
            this.deps.logger?.warn({ ...info, step }, 'retrying the language model');
          },
        },
      );
      if (!toolCalls.length) {
        stream.end();
        guard.end();
        if (!content.trim()) throw new AppError('upstream_error', 'the language model returned an empty answer');
        return { answer: content, calcs, registry };
      }
      stream.reset();
      guard.reset();
      if (step === maxSteps)
        throw new AppError('upstream_error', `the language model was still calling tools after ${maxSteps} steps`);
      if (await runStepTools(input, toolCalls, messages, content, { registry, calcs }, signal, this.prompts, warn))
        strikes++;
      if (strikes > 1) throw new AppError('upstream_error', 'the language model sent malformed tool arguments again');
    }
    throw new AppError('upstream_error', 'no model steps allowed');
  }

  private finish(input: AnswerInput, hits: readonly SearchHit[], result: LoopResult, retrieveMs: number): AnswerDraft {
    const grounded = groundAnswer(result.answer.trim(), result.registry, input.snapshot);
    const verified = verifyAnswer({ ...grounded, calcResults: result.calcs, docs: input.snapshot.docById });
    if (verified.removed.length)
      this.deps.logger?.warn({ removed: verified.removed }, 'removed citation markers that match no passage');
    for (const check of verified.checks) if (check.status === 'unverified') input.events?.onCheck?.(check);
    const abstained = isAbstention(verified.answer);
    const short = abstained ? undefined : shortAnswerFor(input.question, verified.citations[0]);
    const seenDocs = [...new Set(result.registry.all().map((e) => e.hit.chunk.docId))];
    const checks = verified.checks.map((c) => {
      if (c.status !== 'computed') return c;
      const cells = cellsUsed(input.snapshot, seenDocs, c.args);
      return cells.length ? { ...c, cells } : c;
    });
    return {
      answer: verified.answer,
      citations: verified.citations.map((c) => withTableRef(input.snapshot, c)),
      checks,
      claims: verified.claims,
      abstained,
      ...(short ? { short } : {}),
      ...(abstained ? { related: hits.map(toRelated) } : {}),
      retrieveMs,
    };
  }
}

/**
 * Creates the LLM answerer (mode 'llm'). It throws `AppError('upstream_error')` when the model
 * fails after bounded retries, times out (`config.llm.timeoutMs` for the whole answer), loops
 * on tools past `config.llm.maxSteps` or sends malformed tool arguments twice; an abort of
 * `input.signal` cancels the HTTP request and rejects with an `AbortError`.
 */
export function createLlmAnswerer(config: Readonly<Config>, deps: LlmAnswererDeps = {}): Answerer {
  return new LlmAnswerer(config, deps);
}
