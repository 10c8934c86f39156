import type { AIMessageChunk, BaseMessage, MessageContent } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import type { Config } from '../../config.js';
import { AppError } from '../../errors.js';
import { describeUpstreamError, type RetryPolicy, retryDelay, sleep, statusOf } from './retry.js';
import { modelTools, type RawToolCall } from './tools.js';

/** What one model call produced. */
export interface StepResult {
  content: string;
  toolCalls: RawToolCall[];
}

/** The model with tools bound: streams message chunks. */
export interface ToolCallingModel {
  stream(messages: BaseMessage[], options: { signal: AbortSignal }): Promise<AsyncIterable<AIMessageChunk>>;
}

const isReasoningModel = (model: string) =>
  /^o\d/.test(model) || (model.startsWith('gpt-5') && !model.startsWith('gpt-5-chat'));

/**
 * A streaming ChatOpenAI for `config`. Retries are left to the caller (`maxRetries: 0`); an
 * API key is optional when only a base URL (an OpenAI-compatible server) is configured.
 */
export function createChatModel(config: Readonly<Config>): ChatOpenAI {
  const { model, timeoutMs } = config.llm;
  return new ChatOpenAI({
    model,
    apiKey: config.openai.apiKey ?? 'not-needed',
    configuration: config.openai.baseUrl ? { baseURL: config.openai.baseUrl } : {},
    streaming: true,
    maxRetries: 0,
    timeout: timeoutMs,
    ...(isReasoningModel(model) ? {} : { temperature: 0 }),
  });
}

/** The model with every tool bound; `final` forbids further tool calls (`tool_choice: none`). */
export function bindTools(model: ChatOpenAI, final: boolean): ToolCallingModel {
  return model.bindTools(modelTools, final ? { tool_choice: 'none' } : {}) as unknown as ToolCallingModel;
}

/** Text of a message's content (string, or the text parts of a content array). */
export function textOf(content: MessageContent | undefined): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (typeof part === 'string' ? part : part.type === 'text' ? String(part.text ?? '') : ''))
    .join('');
}

function toolCallsOf(message: AIMessageChunk | undefined, step: number): RawToolCall[] {
  return (message?.tool_call_chunks ?? []).map((c, i) => ({
    id: c.id || `call_${step}_${i}`,
    name: c.name ?? '',
    args: c.args ?? '',
  }));
}

/**
 * Streams one model call. Content is passed to `onContent` as it arrives until the first
 * tool-call chunk (tool arguments are never passed on); tool calls are returned with their
 * raw argument text so malformed JSON can be reported to the model.
 */
export async function streamStep(
  model: ToolCallingModel,
  messages: BaseMessage[],
  signal: AbortSignal,
  step: number,
  onContent: (text: string) => void,
): Promise<StepResult> {
  let full: AIMessageChunk | undefined;
  let calling = false;
  for await (const chunk of await model.stream(messages, { signal })) {
    if (chunk.tool_call_chunks?.length) calling = true;
    const text = textOf(chunk.content);
    if (text && !calling) onContent(text);
    full = full ? full.concat(chunk) : chunk;
  }
  signal.throwIfAborted();
  return { content: textOf(full?.content), toolCalls: toolCallsOf(full, step) };
}

/** Limits of {@link withRetries}. */
export interface RetryContext {
  policy: RetryPolicy;
  signal: AbortSignal;
  /** Epoch milliseconds after which no retry is started. */
  deadline: number;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

/**
 * Runs `attempt` until it succeeds, retrying retryable failures (see {@link retryDelay}) that
 * happened before any content was streamed and whose wait ends before the deadline. Gives up
 * with `AppError('upstream_error')`; an abort of `signal` is rethrown unchanged.
 */
export async function withRetries(
  attempt: (onContent: (text: string) => void) => Promise<StepResult>,
  onContent: (text: string) => void,
  ctx: RetryContext,
): Promise<StepResult> {
  for (let n = 0; ; n++) {
    let streamed = false;
    try {
      return await attempt((text) => {
        streamed = true;
        onContent(text);
      });
    } catch (err) {
      if (ctx.signal.aborted) throw err;
      const delayMs = streamed ? undefined : retryDelay(err, n, ctx.policy);
      if (delayMs === undefined || Date.now() + delayMs >= ctx.deadline) {
        const tries = `${n + 1} attempt${n ? 's' : ''}`;
        throw new AppError('upstream_error', `${describeUpstreamError(err)} (${tries})`, {
          status: statusOf(err),
          attempts: n + 1,
        });
      }
      ctx.onRetry?.({ attempt: n + 1, delayMs, error: err });
      await sleep(delayMs, ctx.signal);
    }
  }
}
