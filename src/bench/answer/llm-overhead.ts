import { chatCompletionStream, startFakeOpenAI } from '../../../test/fakes/fake-openai.js';
import { type LoadRequest, runLoad } from '../http/load.js';
import { startBenchServer } from '../http/spawn.js';
import { percentile } from '../report/stats.js';
import type { LlmOverhead } from '../types.js';

const COMPLETIONS = '/v1/chat/completions';
const ANSWER = 'The documents put services at nearly 38% of total output [1].';

/** Options of {@link measureLlmOverhead}. */
export interface LlmOverheadOptions {
  /** Environment of the server (corpus and data directories). */
  env: Record<string, string>;
  /** `POST /api/chat` requests to cycle through. */
  chats: readonly LoadRequest[];
  /** Requests timed one at a time (default 100). */
  sequential?: number;
  connections: number;
  durationSec: number;
}

async function timeSequential(
  n: number,
  send: (i: number) => Promise<Response>,
  inspect?: (body: string) => void,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await send(i);
    const body = await res.text();
    out.push(performance.now() - t);
    if (!res.ok) throw new Error(`request failed with status ${res.status}`);
    inspect?.(body);
  }
  return out;
}

/**
 * Runs the server in LLM mode against a local fake OpenAI-compatible upstream that streams a
 * short cited answer at once. Times `POST /api/chat` one request at a time, then replays the
 * completion request the service sent straight to the upstream; the difference of the medians
 * (per upstream call) is what the service adds. Also loads the route with autocannon.
 */
export async function measureLlmOverhead(opts: LlmOverheadOptions): Promise<LlmOverhead> {
  const fake = await startFakeOpenAI();
  fake.setHandler(COMPLETIONS, () => chatCompletionStream({ content: ANSWER, chunkSize: 16 }));
  const server = await startBenchServer({
    ...opts.env,
    OPENAI_BASE_URL: fake.url,
    OPENAI_API_KEY: 'bench-key',
    LLM_MAX_RETRIES: '0',
  });
  try {
    const n = opts.sequential ?? 100;
    const chat = (i: number) => {
      const r = opts.chats[i % opts.chats.length]!;
      return fetch(`${server.url}${r.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: r.body ?? null,
      });
    };
    await timeSequential(10, chat);
    const before = fake.requestsTo(COMPLETIONS).length;
    let llmAnswers = 0;
    const chatMs = await timeSequential(n, chat, (body) => {
      if ((JSON.parse(body) as { mode?: string }).mode === 'llm') llmAnswers++;
    });
    const calls = fake.requestsTo(COMPLETIONS);
    const perRequest = (calls.length - before) / n;
    const body = JSON.stringify(calls[calls.length - 1]!.body);
    const direct = (_: number) =>
      fetch(`${fake.url}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer bench-key' },
        body,
      });
    await timeSequential(10, direct);
    const upstreamMs = await timeSequential(n, direct);
    const load = await runLoad({
      url: server.url,
      requests: opts.chats,
      connections: opts.connections,
      durationSec: opts.durationSec,
    });
    const chatP50Ms = percentile(chatMs, 50);
    const upstreamP50Ms = percentile(upstreamMs, 50);
    return {
      chatP50Ms,
      upstreamP50Ms,
      overheadP50Ms: chatP50Ms - perRequest * upstreamP50Ms,
      upstreamCallsPerRequest: perRequest,
      llmModeShare: llmAnswers / n,
      rps: load.rps,
      p99Ms: load.p99Ms,
    };
  } finally {
    await server.stop();
    await fake.close();
  }
}
