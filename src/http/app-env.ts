import type { ChatService } from '../answer/chat-service.js';
import type { Config } from '../config.js';
import type { FeedbackRepository } from '../feedback/repository.js';
import type { Metrics } from '../metrics/metrics.js';
import type { KnowledgeBase } from '../retrieval/knowledge-base.js';
import type { SeenKeyStore } from '../slack/dedupe.js';
import type { SlackBot } from '../slack/slack-bot.js';
import type { HttpLogger } from './errors.js';
import type { RateLimitStoreFactory } from './rate-limit.js';
import type { RequestLogger } from './request-context.js';
import type { WidgetBundle } from './widget-bundle.js';

/** Everything the HTTP layer needs, injected so tests can call `app.request()`. */
export interface AppDeps {
  config: Readonly<Config>;
  kb: KnowledgeBase;
  chat: ChatService;
  logger?: HttpLogger;
  /** Answer ratings (SQLite or the shared PostgreSQL table); defaults to `DATA_DIR/feedback.sqlite`, opened on first use. */
  feedback?: FeedbackRepository;
  /**
   * The hit-counter store of each rate-limit budget, shared between replicas (PostgreSQL or Redis);
   * each process counts on its own (hono-rate-limiter's MemoryStore) when omitted.
   */
  rateLimitStore?: RateLimitStoreFactory;
  /** Slack event dedupe used by the bot built from `config.slack` (ignored when `slack` is given); in memory when omitted. */
  seenKeys?: SeenKeyStore;
  /** Probes the shared database; `/readyz` answers 503 with the reason while it is down. */
  databaseHealth?: () => Promise<{ status: 'up' | 'down'; reason?: string }>;
  /** The `/widget.js` bundle; defaults to the built file, bundled on demand when missing. */
  widget?: WidgetBundle;
  /** Answers Slack requests; built from `config.slack` when omitted. Unused while Slack is not configured. */
  slack?: SlackBot;
  /**
   * Prometheus metrics, shared with the services that record into them. Requests are counted when
   * given; `GET /metrics` serves them when `config.metricsToken` is set (a fresh registry if omitted).
   */
  metrics?: Metrics;
}

/** Hono environment shared by all routers: the request id and a logger bound to it (see requestContext). */
export interface AppEnv {
  Variables: { requestId: string; log: RequestLogger };
}
