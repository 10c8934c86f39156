import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { expect } from 'vitest';
import type { ChatService } from '../../src/answer/chat-service.js';
import { type ChatResponse, ChatResponseSchema } from '../../src/answer/schema.js';
import { createServices } from '../../src/composition/services.js';
import { type Config, loadConfig } from '../../src/config.js';
import { createApp } from '../../src/http/app.js';
import type { AppEnv } from '../../src/http/app-env.js';
import type { HttpLogger } from '../../src/http/errors.js';
import type { Metrics } from '../../src/metrics/metrics.js';
import type { KnowledgeBase } from '../../src/retrieval/knowledge-base.js';

/** Absolute path of the real corpus directory (read-only in tests). */
export const CORPUS_DIR = fileURLToPath(new URL('../../corpus/', import.meta.url));

/** Options of {@link makeTestApp}. */
export interface TestAppOptions {
  /** Corpus to index; defaults to the real corpus (never written to). */
  corpusDir?: string;
  /** Where the index goes; defaults to a fresh temporary directory removed by `cleanup`. */
  dataDir?: string;
  /** Open the knowledge base before returning (default true). */
  open?: boolean;
  /** Extra environment for loadConfig (e.g. LOCAL_EMBEDDING_DIM); the per-IP rate limit is off unless set here. */
  env?: Record<string, string>;
  /** Logger passed to the HTTP layer. */
  logger?: HttpLogger;
}

/** A wired application over a temporary index. */
export interface TestApp {
  app: OpenAPIHono<AppEnv>;
  kb: KnowledgeBase;
  chat: ChatService;
  /** The metrics the services and the app record into (served on `/metrics` when METRICS_TOKEN is set). */
  metrics: Metrics;
  config: Readonly<Config>;
  /** Removes the temporary data directory (only when this helper created it). */
  cleanup: () => Promise<void>;
}

/** Creates a fresh temporary directory; callers remove it. */
export function makeTmpDir(prefix = 'citecheck-test-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

/**
 * Builds the services and the HTTP app the way the server does, offline (no model configured),
 * over `corpusDir` with the index in `dataDir` (a fresh tmp dir by default), and opens the KB.
 */
export async function makeTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const ownsDataDir = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? (await makeTmpDir('citecheck-data-'));
  const config = loadConfig({
    CORPUS_DIR: path.resolve(opts.corpusDir ?? CORPUS_DIR),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    // Every in-process request shares one client key, so a test file would trip the limit.
    RATE_LIMIT_PER_MIN: '0',
    ...opts.env,
  });
  if (config.llm.enabled) throw new Error('makeTestApp expects an offline configuration');
  const { kb, chat, metrics } = await createServices(config);
  const app = createApp({ config, kb, chat, metrics, ...(opts.logger ? { logger: opts.logger } : {}) });
  const cleanup = async () => {
    if (ownsDataDir) await fs.rm(dataDir, { recursive: true, force: true });
  };
  if (opts.open ?? true) {
    try {
      await kb.open();
    } catch (err) {
      await cleanup();
      throw err;
    }
  }
  return { app, kb, chat, metrics, config, cleanup };
}

/**
 * {@link makeTestApp} over a temporary corpus of the given files (name -> text), written for the test; `cleanup`
 * removes the corpus too.
 */
export async function makeCorpusApp(files: Readonly<Record<string, string>>): Promise<TestApp> {
  const dir = await makeTmpDir('citecheck-corpus-');
  for (const [name, text] of Object.entries(files)) await fs.writeFile(path.join(dir, name), text);
  try {
    const t = await makeTestApp({ corpusDir: dir });
    return {
      ...t,
      cleanup: async () => {
        await t.cleanup();
        await fs.rm(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await fs.rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/** POSTs a JSON body (or a raw string) to the app. */
export function postJson(
  app: OpenAPIHono<AppEnv>,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    app.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

/** Asks the app's chat endpoint a question (with earlier turns), expects 200 and returns the parsed response. */
export async function askChat(
  app: OpenAPIHono<AppEnv>,
  question: string,
  history: { role: 'user' | 'assistant'; content: string }[] = [],
): Promise<ChatResponse> {
  const res = await postJson(app, '/api/chat', { question, history });
  expect(res.status).toBe(200);
  return ChatResponseSchema.parse(await res.json());
}
