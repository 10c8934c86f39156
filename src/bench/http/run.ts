import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { measureLlmOverhead } from '../answer/llm-overhead.js';
import type { SupportedQuestion } from '../corpus/eval-questions.js';
import type { HttpResult, RouteLoad } from '../types.js';
import { type LoadRequest, runLoad } from './load.js';
import { HELLO_PATH } from './server.js';
import { startBenchServer } from './spawn.js';

/** Options of {@link runHttp}. */
export interface HttpRunOptions {
  /** Corpus the server indexes (the real one). */
  corpusDir: string;
  questions: readonly SupportedQuestion[];
  connections: number;
  durationSec: number;
  /** Also measure LLM mode against the fake upstream (default true). */
  llm?: boolean;
  log?: (line: string) => void;
}

/** Search and chat requests built from the eval questions. */
export function benchRequests(questions: readonly SupportedQuestion[]): { search: LoadRequest[]; chat: LoadRequest[] } {
  return {
    search: questions.map((q) => ({ method: 'GET', path: `/api/search?q=${encodeURIComponent(q.query)}&k=5` })),
    chat: questions.map((q) => ({
      method: 'POST',
      path: '/api/chat',
      body: JSON.stringify(q.history.length ? { question: q.question, history: q.history } : { question: q.question }),
    })),
  };
}

/**
 * Serves the app (real corpus, rate limit off) in a child process and loads it over loopback
 * with autocannon: the hello-world route, `GET /api/search` and offline `POST /api/chat`, each
 * after a one-second warm-up; then LLM mode against the fake upstream.
 */
export async function runHttp(opts: HttpRunOptions): Promise<HttpResult> {
  const log = opts.log ?? (() => undefined);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-bench-http-'));
  const env = { CORPUS_DIR: opts.corpusDir, DATA_DIR: dataDir };
  const { search, chat } = benchRequests(opts.questions);
  const { connections, durationSec } = opts;
  try {
    const server = await startBenchServer(env);
    const load = async (name: string, requests: LoadRequest[]) => {
      await runLoad({ url: server.url, requests, connections, durationSec: 1 });
      const r = await runLoad({ url: server.url, requests, connections, durationSec });
      log(
        `${name}: ${Math.round(r.rps)} req/s, p99 ${r.p99Ms} ms${r.non2xx || r.errors ? `, ${r.non2xx} non-2xx, ${r.errors} errors` : ''}`,
      );
      return r;
    };
    let hello: RouteLoad, searched: RouteLoad, chatted: RouteLoad;
    try {
      hello = await load('hello', [{ method: 'GET', path: HELLO_PATH }]);
      searched = await load('search', search);
      chatted = await load('chat', chat);
    } finally {
      await server.stop();
    }
    const llm =
      opts.llm === false ? undefined : await measureLlmOverhead({ env, chats: chat, connections, durationSec });
    if (llm)
      log(
        `llm chat: p50 ${llm.chatP50Ms.toFixed(2)} ms, upstream p50 ${llm.upstreamP50Ms.toFixed(2)} ms, overhead ${llm.overheadP50Ms.toFixed(2)} ms`,
      );
    return {
      helloRps: hello.rps,
      searchRps: searched.rps,
      chatRps: chatted.rps,
      searchRatio: searched.rps / hello.rps,
      chatRatio: chatted.rps / hello.rps,
      helloP99Ms: hello.p99Ms,
      searchP99Ms: searched.p99Ms,
      chatP99Ms: chatted.p99Ms,
      connections,
      durationSec,
      ...(llm ? { llm } : {}),
    };
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
