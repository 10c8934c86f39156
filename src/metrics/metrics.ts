import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { type CheckStatus, CheckStatusSchema } from '../answer/schema.js';
import { buildIdTime } from '../retrieval/index-layout.js';
import type { KnowledgeSnapshot } from '../retrieval/knowledge-base.js';
import {
  ANSWER_MODES,
  LLM_CALL_OUTCOMES,
  type LlmCallOutcome,
  RATE_LIMIT_BUDGETS,
  type RateLimitBudget,
  REINDEX_OUTCOMES,
  type ReindexOutcome,
  SLACK_COMMAND_OUTCOMES,
  SLACK_EVENT_OUTCOMES,
  type SlackCommandOutcome,
  type SlackEventOutcome,
  UNMATCHED_ROUTE,
} from './labels.js';

/** Prefix of every metric citecheck defines (the process metrics keep their standard names). */
export const METRIC_PREFIX = 'citecheck_';

/** Buckets (seconds) of the HTTP latency histogram: fast lookups up to slow model-backed answers. */
export const HTTP_DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Buckets (seconds) of the model call latency histogram. */
export const LLM_DURATION_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60];

/** HTTP methods kept as label values; any other is counted as `OTHER`. */
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The part of the served snapshot the index gauges read. */
export type IndexSample = Pick<KnowledgeSnapshot, 'buildId' | 'chunks' | 'docs'>;

/** Options of {@link Metrics}. */
export interface MetricsOptions {
  /** Registry to register on; a fresh one by default (never the global default registry). */
  registry?: Registry;
  /** Also export Node.js process metrics (CPU, memory, event-loop lag, GC); default true. */
  processMetrics?: boolean;
  /** Clock for the build age, epoch milliseconds. */
  now?: () => number;
}

const name = (suffix: string) => `${METRIC_PREFIX}${suffix}`;

/**
 * citecheck's Prometheus metrics on their own registry. Services record through the methods
 * below; label values are route patterns, modes, statuses and outcomes, never user text.
 */
export class Metrics {
  /** The registry every metric here is registered on. */
  readonly registry: Registry;
  private readonly now: () => number;
  private index: (() => IndexSample | undefined) | undefined;

  private readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly answers: Counter<'mode' | 'abstained'>;
  private readonly checks: Counter<'status'>;
  private readonly llmRetries: Counter;
  private readonly llmFallbacks: Counter;
  private readonly llmDuration: Histogram<'outcome'>;
  private readonly rateLimited: Counter<'budget'>;
  private readonly slackEvents: Counter<'outcome'>;
  private readonly slackCommands: Counter<'outcome'>;
  private readonly reindexRuns: Counter<'outcome'>;

  constructor(options: MetricsOptions = {}) {
    const registry = options.registry ?? new Registry();
    const registers = [registry];
    this.registry = registry;
    this.now = options.now ?? Date.now;
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });

    this.httpRequests = new Counter({
      name: name('http_requests_total'),
      help: 'HTTP requests by method, matched route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.httpDuration = new Histogram({
      name: name('http_request_duration_seconds'),
      help: 'Time until the response was ready (for streams, until the stream started), by method, route and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: HTTP_DURATION_BUCKETS,
      registers,
    });
    this.answers = new Counter({
      name: name('answers_total'),
      help: 'Answers produced, by the mode that produced them (offline or llm) and whether they abstained.',
      labelNames: ['mode', 'abstained'],
      registers,
    });
    this.checks = new Counter({
      name: name('answer_checks_total'),
      help: 'Checked numbers in answers, by status (verified, mismatch, approximate, computed, unverified).',
      labelNames: ['status'],
      registers,
    });
    this.llmRetries = new Counter({
      name: name('llm_retries_total'),
      help: 'Retries of failed language model calls.',
      registers,
    });
    this.llmFallbacks = new Counter({
      name: name('llm_fallbacks_total'),
      help: 'Answers the offline answerer produced because the language model failed.',
      registers,
    });
    this.llmDuration = new Histogram({
      name: name('llm_request_duration_seconds'),
      help: 'Duration of each language model call (one tool-loop step or retry), by outcome.',
      labelNames: ['outcome'],
      buckets: LLM_DURATION_BUCKETS,
      registers,
    });
    this.rateLimited = new Counter({
      name: name('rate_limited_total'),
      help: 'Requests refused with 429 by the per-IP rate limit, by budget (answering, feedback, api).',
      labelNames: ['budget'],
      registers,
    });
    this.slackEvents = new Counter({
      name: name('slack_events_total'),
      help: 'Slack Events API deliveries, by outcome (answered, duplicate, ignored).',
      labelNames: ['outcome'],
      registers,
    });
    this.slackCommands = new Counter({
      name: name('slack_commands_total'),
      help: 'Slack slash commands, by outcome (answered, or ignored with a usage reply).',
      labelNames: ['outcome'],
      registers,
    });
    this.reindexRuns = new Counter({
      name: name('reindex_runs_total'),
      help: 'Finished background rebuilds of the index, by outcome (succeeded, failed).',
      labelNames: ['outcome'],
      registers,
    });

    this.startAtZero();

    const sample = () => this.index?.();
    new Gauge({
      name: name('index_chunks'),
      help: 'Chunks in the served index (0 before one is served).',
      registers,
      collect() {
        this.set(sample()?.chunks.length ?? 0);
      },
    });
    new Gauge({
      name: name('index_documents'),
      help: 'Documents in the served index (0 before one is served).',
      registers,
      collect() {
        this.set(sample()?.docs.length ?? 0);
      },
    });
    new Gauge({
      name: name('index_info'),
      help: 'Always 1, labelled with the build id of the served index.',
      labelNames: ['build_id'],
      registers,
      collect() {
        this.reset();
        const s = sample();
        if (s) this.set({ build_id: s.buildId }, 1);
      },
    });
    const now = this.now;
    new Gauge({
      name: name('index_build_age_seconds'),
      help: 'Seconds since the served index was built (from its build id); NaN before one is served.',
      registers,
      collect() {
        const builtAt = buildIdTime(sample()?.buildId ?? '');
        this.set(builtAt === undefined ? Number.NaN : Math.max(0, (now() - builtAt) / 1000));
      },
    });
  }

  /** Exports every known label combination from the start, so rates and alerts see a 0 before the first event. */
  private startAtZero(): void {
    for (const mode of ANSWER_MODES)
      for (const abstained of ['false', 'true']) this.answers.inc({ mode, abstained }, 0);
    for (const status of CheckStatusSchema.options) this.checks.inc({ status }, 0);
    for (const outcome of LLM_CALL_OUTCOMES) this.llmDuration.zero({ outcome });
    for (const budget of RATE_LIMIT_BUDGETS) this.rateLimited.inc({ budget }, 0);
    for (const outcome of SLACK_EVENT_OUTCOMES) this.slackEvents.inc({ outcome }, 0);
    for (const outcome of SLACK_COMMAND_OUTCOMES) this.slackCommands.inc({ outcome }, 0);
    for (const outcome of REINDEX_OUTCOMES) this.reindexRuns.inc({ outcome }, 0);
  }

  /** Reads the served index (chunks, documents, build id and age) at every scrape. */
  watchIndex(source: () => IndexSample | undefined): void {
    this.index = source;
  }

  /** One HTTP response: `route` is the matched route pattern (or {@link UNMATCHED_ROUTE}). */
  observeHttp(method: string, route: string, status: number, seconds: number): void {
    const labels = { method: KNOWN_METHODS.has(method) ? method : 'OTHER', route, status: String(status) };
    this.httpRequests.inc(labels);
    this.httpDuration.observe(labels, seconds);
  }

  /** One finished answer and the statuses of its checks. */
  recordAnswer(
    mode: (typeof ANSWER_MODES)[number],
    abstained: boolean,
    checks: Iterable<{ status: CheckStatus }>,
  ): void {
    this.answers.inc({ mode, abstained: String(abstained) });
    for (const check of checks) this.checks.inc({ status: check.status });
  }

  /** A failed model call about to be retried. */
  recordLlmRetry(): void {
    this.llmRetries.inc();
  }

  /** An answer handed to the offline answerer because the model failed. */
  recordLlmFallback(): void {
    this.llmFallbacks.inc();
  }

  /** Duration of one model call. */
  observeLlmCall(outcome: LlmCallOutcome, seconds: number): void {
    this.llmDuration.observe({ outcome }, seconds);
  }

  /** A request refused by the rate limit. */
  recordRateLimited(budget: RateLimitBudget): void {
    this.rateLimited.inc({ budget });
  }

  /** A Slack Events API delivery. */
  recordSlackEvent(outcome: SlackEventOutcome): void {
    this.slackEvents.inc({ outcome });
  }

  /** A Slack slash command. */
  recordSlackCommand(outcome: SlackCommandOutcome): void {
    this.slackCommands.inc({ outcome });
  }

  /** A finished background rebuild. */
  recordReindex(outcome: ReindexOutcome): void {
    this.reindexRuns.inc({ outcome });
  }

  /** The Prometheus text exposition of every metric, with its content type. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
