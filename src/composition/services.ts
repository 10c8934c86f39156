import { ChatService } from '../answer/chat-service.js';
import { createLlmAnswerer } from '../answer/llm/agent.js';
import { OfflineAnswerer } from '../answer/offline/answerer.js';
import type { Answerer } from '../answer/types.js';
import type { Config } from '../config.js';
import type { FeedbackRepository } from '../feedback/repository.js';
import type { Logger } from '../logger.js';
import { Metrics } from '../metrics/metrics.js';
import { createEmbedder } from '../retrieval/embedder.js';
import { KnowledgeBase } from '../retrieval/knowledge-base.js';
import { type DatabaseHealth, databaseHealth as probeDatabase } from '../store/postgres/health.js';
import { migrate } from '../store/postgres/migrate.js';
import { PgSharedBuilds } from '../store/postgres/pg-shared-builds.js';
import { createPool, type SqlDatabase } from '../store/postgres/sql.js';
import { createSharedState, type SharedState } from '../store/shared-state.js';

/** The wired application services (composition root shared by the server and the CLIs). */
export interface Services {
  kb: KnowledgeBase;
  chat: ChatService;
  /** Answer ratings: in PostgreSQL with `DATABASE_URL`, else in `DATA_DIR/feedback.sqlite` (opened on first use). */
  feedback: FeedbackRepository;
  /** Prometheus metrics the services record into; pass them to `createApp` (served on `/metrics`). */
  metrics: Metrics;
  /** The PostgreSQL pool (`DATABASE_URL`), its schema migrated; undefined without a database. */
  db: SqlDatabase | undefined;
  /** Feedback, Slack dedupe and rate-limit stores, shared between replicas through PostgreSQL or Redis when configured. */
  shared: SharedState;
  /** Closes the shared state and the database pool. */
  close(): Promise<void>;
  /** Probes the shared database for `/readyz` (absent without one). */
  databaseHealth?: () => Promise<DatabaseHealth>;
}

/**
 * Builds the knowledge base and chat service from configuration; the model answerer only when
 * configured. Every service records into `metrics` (a fresh registry unless given). With
 * `DATABASE_URL`, opens the pool and applies pending migrations first (rejecting when that fails).
 */
export async function createServices(
  config: Readonly<Config>,
  logger?: Logger,
  llm?: Answerer,
  metrics = new Metrics(),
): Promise<Services> {
  // Shared database and the state replicas share (feedback, Slack dedupe, rate limits).
  const db = await openDatabase(config, logger);
  const shared = createSharedState(config, { db, logger });

  const kb = new KnowledgeBase({
    corpusDir: config.corpusDir,
    dataDir: config.dataDir,
    embedder: createEmbedder(config),
    hnsw: config.hnsw,
    metrics,
    ...(logger ? { logger } : {}),
    ...(db && config.database ? { shared: new PgSharedBuilds(db, { listenUrl: config.database.url }) } : {}),
  });
  metrics.watchIndex(() => kb.current());
  const model =
    llm ?? (config.llm.enabled ? createLlmAnswerer(config, { metrics, ...(logger ? { logger } : {}) }) : undefined);
  const chat = new ChatService({ kb, offline: new OfflineAnswerer(), llm: model, logger, metrics });
  const close = async () => {
    await kb.close();
    await shared.close();
    await db?.close();
  };
  const databaseHealth = db ? probeDatabase(db) : undefined;
  return {
    kb,
    chat,
    feedback: shared.feedback,
    metrics,
    db,
    shared,
    close,
    ...(databaseHealth ? { databaseHealth } : {}),
  };
}

/** The migrated pool when `config.database` is set. */
async function openDatabase(config: Readonly<Config>, logger?: Logger): Promise<SqlDatabase | undefined> {
  if (!config.database) return undefined;
  const db = createPool(config.database, (err) => logger?.warn({ err }, 'idle PostgreSQL connection lost'));
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  return db;
}
