import { afterEach, describe, expect, it } from 'vitest';
import { makeApp, type SmallApp, sendJson } from '../feedback/app.js';

const opened: SmallApp[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((a) => a.cleanup()));
});

async function app(limit: number, env: Record<string, string> = {}): Promise<SmallApp> {
  const a = await makeApp({ RATE_LIMIT_PER_MIN: String(limit), ...env }, { open: true });
  opened.push(a);
  return a;
}

const get = (a: SmallApp, url: string) => Promise.resolve(a.app.request(url));

describe('rate limits on /api/*', () => {
  it('limit every other /api route per client, with Retry-After and RateLimit headers', async () => {
    const a = await app(3);
    const first = await get(a, '/api/search?q=trade');
    expect(first.status).toBe(200);
    expect(first.headers.get('ratelimit-limit')).toBe('3');
    expect(first.headers.get('ratelimit-remaining')).toBe('2');
    expect((await get(a, '/api/documents')).status).toBe(200);
    expect((await sendJson(a.app, 'POST', '/api/calc', { op: 'ratio', args: { a: 2, b: 1 } })).status).toBe(200);
    for (const url of ['/api/indicators', '/api/search?q=trade', '/api/nope']) {
      const limited = await get(a, url);
      expect(limited.status, url).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.headers.get('ratelimit-policy')).toBe('3;w=60');
      expect(await limited.json()).toEqual({
        error: { code: 'rate_limited', message: expect.stringMatching(/at most 3 a minute/) },
      });
    }
    const admin = await a.app.request('/api/admin/reindex', { method: 'POST' });
    expect(admin.status).toBe(429);
  });

  it('keep answering, feedback writes and the rest in separate budgets', async () => {
    const a = await app(1);
    expect((await get(a, '/api/search?q=trade')).status).toBe(200);
    expect((await get(a, '/api/search?q=trade')).status).toBe(429);
    expect((await sendJson(a.app, 'POST', '/api/chat', { question: 'What is digital trade?' })).status).toBe(200);
    expect((await sendJson(a.app, 'POST', '/api/feedback', { rating: 'up', question: 'q', answer: 'a' })).status).toBe(
      201,
    );
    expect((await sendJson(a.app, 'POST', '/api/chat', { question: 'What is digital trade?' })).status).toBe(429);
  });

  it('count /v1/chat/completions against the answering budget, in OpenAI’s error shape', async () => {
    const a = await app(1);
    const body = { model: 'citecheck', messages: [{ role: 'user', content: 'What is digital trade?' }] };
    expect((await sendJson(a.app, 'POST', '/v1/chat/completions', body)).status).toBe(200);
    const limited = await sendJson(a.app, 'POST', '/v1/chat/completions', body);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBeTruthy();
    expect(await limited.json()).toMatchObject({
      error: { type: 'rate_limit_error', code: 'rate_limited', message: expect.any(String) },
    });
    expect((await sendJson(a.app, 'POST', '/api/chat', { question: 'What is digital trade?' })).status).toBe(429);
    expect((await get(a, '/v1/models')).status).toBe(200);
  });

  it('never limit /healthz, /readyz, /widget.js or the demo page', async () => {
    const a = await app(1);
    for (let i = 0; i < 4; i++) {
      for (const url of ['/healthz', '/readyz', '/widget.js', '/']) {
        const res = await get(a, url);
        expect(res.status, url).toBe(200);
        expect(res.headers.get('ratelimit-limit'), url).toBeNull();
      }
    }
  });

  it('do not count CORS preflights', async () => {
    const a = await app(1, { WIDGET_ORIGINS: 'https://docs.example' });
    for (let i = 0; i < 3; i++) {
      const pre = await a.app.request('/api/chat', {
        method: 'OPTIONS',
        headers: { Origin: 'https://docs.example', 'Access-Control-Request-Method': 'POST' },
      });
      expect(pre.status).toBe(204);
    }
    expect((await sendJson(a.app, 'POST', '/api/chat', { question: 'What is digital trade?' })).status).toBe(200);
  });
});
