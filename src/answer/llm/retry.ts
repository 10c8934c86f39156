/** How failed model calls are retried. */
export interface RetryPolicy {
  /** Retries after the first attempt (config.llm.maxRetries). */
  maxRetries: number;
  /** First backoff delay; doubles per attempt, with jitter. */
  baseDelayMs: number;
  /** Cap on one backoff delay. */
  maxDelayMs: number;
  /** Longest Retry-After the answerer is willing to wait. */
  maxRetryAfterMs: number;
}

/** Defaults except `maxRetries`, which comes from the configuration. */
export const DEFAULT_RETRY: Omit<RetryPolicy, 'maxRetries'> = {
  baseDelayMs: 500,
  maxDelayMs: 8000,
  maxRetryAfterMs: 20_000,
};

interface HttpLikeError {
  status?: unknown;
  headers?: unknown;
  code?: unknown;
  name?: unknown;
  message?: unknown;
  rateLimitType?: unknown;
}

const asObject = (err: unknown): HttpLikeError => (err && typeof err === 'object' ? (err as HttpLikeError) : {});

/** HTTP status of an upstream error, if it has one. */
export function statusOf(err: unknown): number | undefined {
  const status = asObject(err).status;
  return typeof status === 'number' ? status : undefined;
}

function header(err: unknown, name: string): string | undefined {
  const headers = asObject(err).headers;
  if (!headers || typeof headers !== 'object') return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** Milliseconds asked for by `retry-after-ms` or `Retry-After` (seconds or an HTTP date). */
export function retryAfterMs(err: unknown, now = Date.now()): number | undefined {
  const ms = Number(header(err, 'retry-after-ms'));
  if (header(err, 'retry-after-ms') !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const value = header(err, 'retry-after')?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Whether another attempt may help: rate limits (429, except an exhausted quota), 408, 5xx,
 * and connection failures or timeouts without a status. Aborts and other 4xx are final.
 */
export function isRetryable(err: unknown): boolean {
  const e = asObject(err);
  if (e.name === 'AbortError') return false;
  const status = statusOf(err);
  if (status === 429) return e.code !== 'insufficient_quota' && e.rateLimitType !== 'stop';
  if (status !== undefined) return status === 408 || status >= 500;
  return (
    e.name === 'TimeoutError' ||
    /connection|network|socket|ECONN|terminated|fetch failed/i.test(String(e.message ?? ''))
  );
}

/**
 * Delay before retry number `attempt` (0-based): the server's Retry-After when given (capped
 * at `maxRetryAfterMs`, which makes a longer request fail instead), else exponential backoff
 * with jitter capped at `maxDelayMs`. `undefined` means do not retry.
 */
export function retryDelay(
  err: unknown,
  attempt: number,
  policy: RetryPolicy,
  random = Math.random,
): number | undefined {
  if (attempt >= policy.maxRetries || !isRetryable(err)) return undefined;
  const asked = retryAfterMs(err);
  if (asked !== undefined) return asked <= policy.maxRetryAfterMs ? asked : undefined;
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(backoff / 2 + (random() * backoff) / 2);
}

/** Short, user-safe description of an upstream failure. */
export function describeUpstreamError(err: unknown): string {
  const status = statusOf(err);
  const e = asObject(err);
  if (status === 429) return 'the language model is rate limited (429)';
  if (status !== undefined && status >= 500) return `the language model service failed (${status})`;
  if (status !== undefined) return `the language model request was rejected (${status})`;
  if (e.name === 'TimeoutError') return 'the language model request timed out';
  return `the language model could not be reached${typeof e.message === 'string' ? `: ${e.message.slice(0, 200)}` : ''}`;
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
