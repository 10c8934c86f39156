import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createServices, type Services } from '../../src/composition/services.js';
import { type Config, loadConfig } from '../../src/config.js';
import type { FeedbackRepository } from '../../src/feedback/repository.js';
import { createApp } from '../../src/http/app.js';
import type { AppEnv } from '../../src/http/app-env.js';
import type { WidgetBundle } from '../../src/http/widget-bundle.js';
import type { KnowledgeBase } from '../../src/retrieval/knowledge-base.js';

/** An app over a temporary data directory, offline. */
export interface SmallApp {
  app: OpenAPIHono<AppEnv>;
  kb: KnowledgeBase;
  feedback: FeedbackRepository;
  /** The services' shared state and pool (PostgreSQL or Redis when the environment names them). */
  services: Services;
  config: Readonly<Config>;
  cleanup(): Promise<void>;
}

const CORPUS = fileURLToPath(new URL('../../corpus/', import.meta.url));

/** Builds the app with extra environment; the index is only opened when `open` is set. */
export async function makeApp(
  env: Record<string, string> = {},
  opts: { open?: boolean; corpusDir?: string; widget?: WidgetBundle } = {},
): Promise<SmallApp> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-feedback-'));
  const config = loadConfig({ CORPUS_DIR: opts.corpusDir ?? CORPUS, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const services = await createServices(config);
  const { kb, chat, feedback, shared } = services;
  if (opts.open) await kb.open();
  const app = createApp({
    config,
    kb,
    chat,
    feedback,
    rateLimitStore: shared.rateLimitStore,
    seenKeys: shared.seenKeys,
    ...(opts.widget ? { widget: opts.widget } : {}),
  });
  return {
    app,
    kb,
    feedback,
    services,
    config,
    async cleanup() {
      await services.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sends a JSON body. */
export function sendJson(
  app: OpenAPIHono<AppEnv>,
  method: string,
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return Promise.resolve(
    app.request(url, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}
