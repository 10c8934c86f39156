import type { Check, RelatedPassage } from '../../../src/answer/schema.js';
import type { AnswerEvents } from '../../../src/answer/types.js';
import {
  chatCompletionStream,
  errorBody,
  type FakeOpenAI,
  type FakeResponse,
  type RecordedRequest,
} from '../../fakes/fake-openai.js';

/** Path of the chat endpoint on the fake. */
export const CHAT = '/v1/chat/completions';

/** One scripted model turn: a fixed reply or one computed from the request. */
export type Step = FakeResponse | ((req: RecordedRequest) => FakeResponse);

/** Answers chat requests with `steps` in order; a request past the script gets a 500. */
export function script(fake: FakeOpenAI, steps: Step[]): void {
  const queue = [...steps];
  fake.setHandler(CHAT, (req) => {
    const step = queue.shift();
    if (!step) return { status: 500, json: errorBody('script exhausted', 'server_error') };
    return typeof step === 'function' ? step(req) : step;
  });
}

/** A streamed final answer. */
export const say = (content: string, chunkSize = 6): FakeResponse => chatCompletionStream({ content, chunkSize });

/** A streamed tool call. */
export const call = (name: string, args: string | object, id?: string): FakeResponse =>
  chatCompletionStream({ toolCalls: [{ name, arguments: args, ...(id ? { id } : {}) }] });

interface WireMessage {
  role: string;
  content: string | null;
  tool_call_id?: string;
}

/** Messages of a recorded chat request. */
export const messagesOf = (req: RecordedRequest): WireMessage[] => req.body.messages as WireMessage[];

/** The number under which the request showed the passage containing `needle`. */
export function passageNumber(req: RecordedRequest, needle: string): number {
  for (const m of messagesOf(req)) {
    for (const p of (m.content ?? '').matchAll(/<passage n="(\d+)"[^>]*>\n([\s\S]*?)\n<\/passage>/g)) {
      if (p[2]!.includes(needle)) return Number(p[1]);
    }
  }
  throw new Error(`no passage with ${JSON.stringify(needle)} in the request`);
}

/** Collects everything an answerer reports through its events. */
export function recorder() {
  const tokens: string[] = [];
  const checks: Check[] = [];
  const meta: RelatedPassage[][] = [];
  const events: AnswerEvents = {
    onToken: (t) => tokens.push(t),
    onCheck: (c) => checks.push(c),
    onMeta: (p) => meta.push(p),
  };
  return { tokens, checks, meta, events };
}
