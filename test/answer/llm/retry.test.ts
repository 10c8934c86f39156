import { describe, expect, it } from 'vitest';
import { isRetryable, type RetryPolicy, retryAfterMs, retryDelay, sleep } from '../../../src/answer/llm/retry.js';

const policy: RetryPolicy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 300, maxRetryAfterMs: 2000 };
const http = (status: number, headers: Record<string, string> = {}, extra: object = {}) =>
  Object.assign(new Error(`${status}`), { status, headers: new Headers(headers), ...extra });

describe('retry policy', () => {
  it('reads Retry-After in seconds, as a date, and retry-after-ms', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(http(429, { 'retry-after': '2' }))).toBe(2000);
    expect(retryAfterMs(http(429, { 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }), now)).toBe(3000);
    expect(retryAfterMs(http(429, { 'retry-after-ms': '150', 'retry-after': '9' }))).toBe(150);
    expect(retryAfterMs({ status: 429, headers: { 'retry-after': '1.5' } })).toBe(1500);
    expect(retryAfterMs(http(429))).toBeUndefined();
  });

  it('retries rate limits, server errors and connection failures, not aborts or client errors', () => {
    expect(isRetryable(http(429))).toBe(true);
    expect(isRetryable(http(429, {}, { code: 'insufficient_quota' }))).toBe(false);
    expect(isRetryable(http(500))).toBe(true);
    expect(isRetryable(http(503))).toBe(true);
    expect(isRetryable(http(408))).toBe(true);
    expect(isRetryable(http(400))).toBe(false);
    expect(isRetryable(http(401))).toBe(false);
    expect(isRetryable(new Error('Connection error.'))).toBe(true);
    expect(isRetryable(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))).toBe(true);
    expect(isRetryable(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(isRetryable(new TypeError('x is undefined'))).toBe(false);
  });

  it('waits what the server asks, within the cap, else backs off exponentially with jitter', () => {
    expect(retryDelay(http(429, { 'retry-after': '1' }), 0, policy)).toBe(1000);
    expect(retryDelay(http(429, { 'retry-after': '5' }), 0, policy)).toBeUndefined();
    expect(retryDelay(http(500), 0, policy, () => 0)).toBe(50);
    expect(retryDelay(http(500), 1, policy, () => 1)).toBe(200);
    expect(retryDelay(http(500), 2, policy, () => 1)).toBe(300);
    expect(retryDelay(http(500), 3, policy)).toBeUndefined();
    expect(retryDelay(http(400), 0, policy)).toBeUndefined();
  });

  it('sleeps until aborted', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const pending = sleep(10_000, controller.signal);
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(sleep(5)).resolves.toBeUndefined();
  });
});
