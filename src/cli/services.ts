import path from 'node:path';
import { ChatService } from '../answer/chat-service.js';
import { createLlmAnswerer } from '../answer/llm-agent.js';
import { OfflineAnswerer } from '../answer/offline-answerer.js';
import type { Answerer } from '../answer/types.js';
import type { Config } from '../config.js';
import { FeedbackStore } from '../feedback/store.js';
import type { Logger } from '../logger.js';
import { Metrics } from '../metrics/metrics.js';
import { createEmbedder } from '../retrieval/embedder.js';
import { KnowledgeBase } from '../retrieval/knowledge-base.js';

/** The wired application services (composition root shared by the server and the CLIs). */
export interface Services {
  kb: KnowledgeBase;
  chat: ChatService;
  /** Answer ratings in `DATA_DIR/feedback.sqlite` (opened on first use). */
  feedback: FeedbackStore;
  /** Prometheus metrics the services record into; pass them to `createApp` (served on `/metrics`). */
  metrics: Metrics;
}

/**
 * Builds the knowledge base and chat service from configuration; the model answerer only when
 * configured. Every service records into `metrics` (a fresh registry unless given).
 */
export function createServices(config: Readonly<Config>, logger?: Logger, llm?: Answerer, metrics = new Metrics()): Services {
  const kb = new KnowledgeBase({
    corpusDir: config.corpusDir,
    dataDir: config.dataDir,
    embedder: createEmbedder(config),
    hnsw: config.hnsw,
    metrics,
    ...(logger ? { logger } : {}),
  });
  metrics.watchIndex(() => kb.current());
  const model = llm ?? (config.llm.enabled ? createLlmAnswerer(config, { metrics, ...(logger ? { logger } : {}) }) : undefined);
  const chat = new ChatService({ kb, offline: new OfflineAnswerer(), llm: model, logger, metrics });
  return { kb, chat, feedback: new FeedbackStore(path.join(config.dataDir, 'feedback.sqlite')), metrics };
}
