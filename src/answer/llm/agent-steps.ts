import { AIMessage, type BaseMessage, ToolMessage } from '@langchain/core/messages';
import type { CalcRecord } from '../grounding/figure-checks.js';
import type { AnswerInput } from '../types.js';
import type { PassageRegistry } from './passage-registry.js';
import type { PromptLibrary } from './prompts.js';
import { type RawToolCall, runToolCall } from './tools.js';

/** Where model calls are counted and timed (the Prometheus metrics implement it). */
export interface LlmCallRecorder {
  recordLlmRetry(): void;
  observeLlmCall(outcome: 'ok' | 'error', seconds: number): void;
}

function parsedArgs(raw: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(raw);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Runs one model call, observing its duration and outcome. */
export async function timedCall<T>(metrics: LlmCallRecorder | undefined, call: () => Promise<T>): Promise<T> {
  if (!metrics) return call();
  const started = performance.now();
  try {
    const result = await call();
    metrics.observeLlmCall('ok', (performance.now() - started) / 1000);
    return result;
  } catch (err) {
    metrics.observeLlmCall('error', (performance.now() - started) / 1000);
    throw err;
  }
}

/** Runs a step's tool calls, appending the call and its results to `messages`; true if any was malformed. */
export async function runStepTools(
  input: AnswerInput,
  calls: RawToolCall[],
  messages: BaseMessage[],
  content: string,
  state: { registry: PassageRegistry; calcs: CalcRecord[] },
  signal: AbortSignal,
  prompts: PromptLibrary,
  warn: (obj: object, msg: string) => void,
): Promise<boolean> {
  const tool_calls = calls.map((c) => ({
    id: c.id,
    name: c.name,
    args: parsedArgs(c.args),
    type: 'tool_call' as const,
  }));
  messages.push(new AIMessage({ content, tool_calls }));
  let malformed = false;
  for (const call of calls) {
    const outcome = await runToolCall(call, {
      snapshot: input.snapshot,
      registry: state.registry,
      prompts,
    });
    signal.throwIfAborted();
    if (outcome.malformed) {
      malformed = true;
      warn({ tool: call.name, args: call.args.slice(0, 200) }, 'malformed tool call');
    }
    if (outcome.calc) {
      state.calcs.push(outcome.calc);
      input.events?.onCheck?.({ ...outcome.calc, status: 'computed' });
    }
    messages.push(new ToolMessage({ content: outcome.content, tool_call_id: call.id, name: call.name }));
  }
  return malformed;
}
