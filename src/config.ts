import path from 'node:path';
import { z } from 'zod';

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const intInRange = (min: number, max: number, dflt: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(dflt));
/** An optional integer within `[min, max]`; anything else fails with one message naming the range. */
const optionalIntInRange = ([min, max]: readonly [number, number]) => {
  const error = `must be an integer from ${min} to ${max}`;
  return z.preprocess(
    emptyToUndefined,
    z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error }).optional(),
  );
};

/**
 * Accepted ranges of the HNSW settings. M below 4 leaves the graph too sparse to navigate and above
 * 128 only adds memory (2M links per vector on the bottom layer); the construction and search beams
 * are bounded so that a typo cannot make a build or a query run for minutes.
 */
export const HNSW_LIMITS = {
  m: [4, 128],
  efConstruction: [10, 2000],
  efSearch: [10, 10_000],
} as const;

const EnvSchema = z.object({
  PORT: intInRange(0, 65535, 8787),
  HOST: z.preprocess(emptyToUndefined, z.string().default('127.0.0.1')),
  CORPUS_DIR: z.preprocess(emptyToUndefined, z.string().default('corpus')),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('var')),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  EMBEDDINGS_PROVIDER: z.preprocess(emptyToUndefined, z.enum(['local', 'openai']).default('local')),
  EMBEDDINGS_MODEL: z.preprocess(emptyToUndefined, z.string().default('text-embedding-3-small')),
  LOCAL_EMBEDDING_DIM: intInRange(64, 4096, 512),
  HNSW_M: optionalIntInRange(HNSW_LIMITS.m),
  HNSW_EF_CONSTRUCTION: optionalIntInRange(HNSW_LIMITS.efConstruction),
  HNSW_EF_SEARCH: optionalIntInRange(HNSW_LIMITS.efSearch),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  MODEL: z.preprocess(emptyToUndefined, z.string().default('gpt-4o-mini')),
  LLM_TIMEOUT_MS: intInRange(1000, 600_000, 30_000),
  LLM_MAX_STEPS: intInRange(1, 20, 6),
  LLM_MAX_RETRIES: intInRange(0, 10, 2),
  WIDGET_ORIGINS: z.preprocess(emptyToUndefined, z.string().optional()),
  ADMIN_TOKEN: z.preprocess(emptyToUndefined, z.string().min(8, 'must be at least 8 characters').optional()),
  METRICS_TOKEN: z.preprocess(emptyToUndefined, z.string().regex(/^\S+$/, 'must not contain whitespace').optional()),
  RATE_LIMIT_PER_MIN: intInRange(0, 1_000_000, 120),
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_BOT_TOKEN: optionalString,
  SLACK_API_URL: z.preprocess(emptyToUndefined, z.url().default('https://slack.com/api/')),
  API_KEYS: optionalString,
  SHUTDOWN_TIMEOUT_MS: intInRange(0, 600_000, 10_000),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
  ),
  PG_POOL_MAX: intInRange(1, 1000, 10),
  PG_STATEMENT_TIMEOUT_MS: intInRange(100, 3_600_000, 30_000),
  PG_CONNECT_TIMEOUT_MS: intInRange(100, 600_000, 5_000),
  REDIS_URL: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  ),
});

/** Validated, frozen runtime configuration. */
export interface Config {
  port: number;
  host: string;
  corpusDir: string;
  dataDir: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  embeddings: {
    provider: 'local' | 'openai';
    model: string;
    localDim: number;
  };
  /**
   * HNSW vector index settings; undefined ones take the built-in defaults (`defaultHnswParams` in
   * `src/retrieval/vector-index.ts`). A stored index built with another `m` or `efConstruction` is
   * rebuilt on open; `efSearch` applies when the index is loaded.
   */
  hnsw: {
    m: number | undefined;
    efConstruction: number | undefined;
    efSearch: number | undefined;
  };
  openai: {
    apiKey: string | undefined;
    baseUrl: string | undefined;
  };
  llm: {
    enabled: boolean;
    model: string;
    timeoutMs: number;
    maxSteps: number;
    maxRetries: number;
  };
  /** Origins (besides the server's own) whose pages may call the API; `'*'` allows any. */
  widgetOrigins: readonly string[];
  /** Bearer token for the feedback export; the export is disabled when unset. */
  adminToken: string | undefined;
  /** Bearer token for `GET /metrics`; the route is disabled (404) when unset. */
  metricsToken: string | undefined;
  /** Chat requests per client IP per minute; 0 disables the limit. */
  rateLimitPerMin: number;
  /** The Slack app; undefined (routes answer 404) unless both the signing secret and the bot token are set. */
  slack: SlackConfig | undefined;
  /** Bearer keys accepted by `/v1/*`; empty leaves it open. */
  apiKeys: readonly string[];
  /** On SIGTERM/SIGINT, how long in-flight requests and streams may take to finish before connections are cut. */
  shutdownTimeoutMs: number;
  /**
   * The shared PostgreSQL store (`DATABASE_URL`) that replicas serve from; undefined keeps everything in
   * `DATA_DIR` (index files, SQLite feedback) and in memory (Slack dedupe, rate limits).
   */
  database: DatabaseConfig | undefined;
  /** Redis (`REDIS_URL`) for rate-limit counters and Slack dedupe; undefined leaves them in PostgreSQL or memory. */
  redisUrl: string | undefined;
}

/** Connection settings of the shared PostgreSQL store. */
export interface DatabaseConfig {
  url: string;
  /** Most connections the pool opens (`PG_POOL_MAX`). */
  poolMax: number;
  /** Longest a statement may run before the server cancels it (`PG_STATEMENT_TIMEOUT_MS`); builds lift it for their writes. */
  statementTimeoutMs: number;
  /** Longest to wait for a new connection (`PG_CONNECT_TIMEOUT_MS`). */
  connectTimeoutMs: number;
}

/** Credentials and API location of the Slack app. */
export interface SlackConfig {
  signingSecret: string;
  botToken: string;
  /** Base URL of the Slack Web API, ending in `/`. */
  apiUrl: string;
}

/** Thrown when the environment does not describe a valid configuration. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment once into a frozen Config.
 * @param env defaults to `process.env`; tests pass their own.
 * @param cwd base for relative directories.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): Readonly<Config> {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${detail}`);
  }
  const e = parsed.data;
  const config: Config = {
    port: e.PORT,
    host: e.HOST,
    corpusDir: path.resolve(cwd, e.CORPUS_DIR),
    dataDir: path.resolve(cwd, e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    embeddings: { provider: e.EMBEDDINGS_PROVIDER, model: e.EMBEDDINGS_MODEL, localDim: e.LOCAL_EMBEDDING_DIM },
    hnsw: { m: e.HNSW_M, efConstruction: e.HNSW_EF_CONSTRUCTION, efSearch: e.HNSW_EF_SEARCH },
    openai: { apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL },
    llm: {
      enabled: Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL),
      model: e.MODEL,
      timeoutMs: e.LLM_TIMEOUT_MS,
      maxSteps: e.LLM_MAX_STEPS,
      maxRetries: e.LLM_MAX_RETRIES,
    },
    widgetOrigins: parseOrigins(e.WIDGET_ORIGINS),
    adminToken: e.ADMIN_TOKEN,
    metricsToken: e.METRICS_TOKEN,
    rateLimitPerMin: e.RATE_LIMIT_PER_MIN,
    slack:
      e.SLACK_SIGNING_SECRET && e.SLACK_BOT_TOKEN
        ? {
            signingSecret: e.SLACK_SIGNING_SECRET,
            botToken: e.SLACK_BOT_TOKEN,
            apiUrl: e.SLACK_API_URL.replace(/\/?$/, '/'),
          }
        : undefined,
    apiKeys: (e.API_KEYS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    database: e.DATABASE_URL
      ? {
          url: e.DATABASE_URL,
          poolMax: e.PG_POOL_MAX,
          statementTimeoutMs: e.PG_STATEMENT_TIMEOUT_MS,
          connectTimeoutMs: e.PG_CONNECT_TIMEOUT_MS,
        }
      : undefined,
    redisUrl: e.REDIS_URL,
  };
  return deepFreeze(config);
}

/** Parses WIDGET_ORIGINS: comma-separated `scheme://host[:port]` origins, or `*`. */
function parseOrigins(raw: string | undefined): string[] {
  const origins: string[] = [];
  for (const item of (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    if (item === '*') {
      origins.push('*');
      continue;
    }
    const url = URL.canParse(item) ? new URL(item) : undefined;
    const bare = url?.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    if (!url || !bare || !/^https?:$/.test(url.protocol)) {
      throw new ConfigError(
        `Invalid configuration: WIDGET_ORIGINS: '${item}' is not an origin like https://example.com`,
      );
    }
    origins.push(url.origin);
  }
  return origins;
}

function deepFreeze<T extends object>(o: T): Readonly<T> {
  for (const v of Object.values(o)) if (v && typeof v === 'object') deepFreeze(v as object);
  return Object.freeze(o);
}
