import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { WidgetBundle } from '../../src/http/widget-bundle.js';
import { makeApp, type SmallApp, sendJson } from '../feedback/app.js';
import { HOSTILE_DOC } from './harness.js';

const HOST = 'http://127.0.0.1:5173';
const question = { question: 'What is digital trade?' };

const preflight = (t: SmallApp, origin: string, url = 'http://localhost/api/chat/stream') =>
  t.app.request(url, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type',
    },
  });

describe('GET /widget.js', () => {
  let t: SmallApp;
  beforeAll(async () => {
    t = await makeApp();
  });
  afterAll(() => t?.cleanup());

  it('serves the bundle to any origin with cache headers', async () => {
    const res = await t.app.request('/widget.js', { headers: { Origin: 'https://elsewhere.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    expect(await res.text()).toContain('citecheck-widget');

    const again = await t.app.request('/widget.js', { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
  });

  it('bundles the sources on demand when the built file is missing', async () => {
    const bundle = new WidgetBundle({ file: path.join(os.tmpdir(), 'citecheck-no-such-dir', 'widget.js') });
    const fresh = await makeApp({}, { widget: bundle });
    try {
      const res = await fresh.app.request('/widget.js');
      expect(res.status).toBe(200);
      const body = await res.text();
      expect(body).toContain('citecheck-widget');
      expect(body.length).toBeGreaterThan(5000);
    } finally {
      await fresh.cleanup();
    }
  });
});

describe('CORS', () => {
  let t: SmallApp;
  beforeAll(async () => {
    t = await makeApp({ WIDGET_ORIGINS: `${HOST}, https://docs.example.org/` });
  });
  afterAll(() => t?.cleanup());

  it('allows preflights from configured origins', async () => {
    for (const origin of [HOST, 'https://docs.example.org']) {
      const res = await preflight(t, origin);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-methods')).toContain('POST');
      expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    }
    const feedback = await preflight(t, HOST, 'http://localhost/api/feedback');
    expect(feedback.headers.get('access-control-allow-origin')).toBe(HOST);
  });

  it('gives other origins no Access-Control-Allow-Origin', async () => {
    for (const origin of ['https://evil.example', 'http://127.0.0.1:5174', 'null']) {
      const res = await preflight(t, origin);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    const res = await t.app.request('/api/documents', { headers: { Origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('always allows the server’s own origin and exposes the rate-limit headers', async () => {
    const res = await preflight(t, 'http://localhost');
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost');
    const post = await sendJson(t.app, 'POST', 'http://localhost/api/chat', question, { Origin: HOST });
    expect(post.headers.get('access-control-allow-origin')).toBe(HOST);
    expect(post.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it('does not let other origins send the admin bearer header', async () => {
    const res = await t.app.request('http://localhost/api/feedback', {
      method: 'OPTIONS',
      headers: {
        Origin: HOST,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase() ?? '').not.toContain('authorization');
  });

  it('allows any origin with WIDGET_ORIGINS=*', async () => {
    const any = await makeApp({ WIDGET_ORIGINS: '*' });
    try {
      expect((await preflight(any, 'https://anyone.example')).headers.get('access-control-allow-origin')).toBe(
        'https://anyone.example',
      );
    } finally {
      await any.cleanup();
    }
  });
});

describe('rate limit on /api/chat*', () => {
  it('answers 429 with Retry-After and RateLimit headers past the limit, shared by /api/chat and /api/chat/stream', async () => {
    const t = await makeApp({ RATE_LIMIT_PER_MIN: '2' });
    try {
      const first = await sendJson(t.app, 'POST', '/api/chat', question);
      expect(first.status).toBe(503);
      expect(first.headers.get('ratelimit-limit')).toBe('2');
      expect(first.headers.get('ratelimit-remaining')).toBe('1');
      expect((await sendJson(t.app, 'POST', '/api/chat/stream', question)).status).toBe(503);
      const limited = await sendJson(t.app, 'POST', '/api/chat/stream', question);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await limited.json()).toEqual({
        error: { code: 'rate_limited', message: expect.stringMatching(/at most 2 a minute/) },
      });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.headers.get('ratelimit-remaining')).toBe('0');
      expect(limited.headers.get('ratelimit-policy')).toBe('2;w=60');
      expect((await t.app.request('/api/documents')).status).not.toBe(429);
    } finally {
      await t.cleanup();
    }
  });

  it('keys on the socket address when served over HTTP', async () => {
    const t = await makeApp({ RATE_LIMIT_PER_MIN: '1' });
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => (server.listening ? r(null) : server.once('listening', r)));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/chat`;
    const post = () =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(question) });
    try {
      expect((await post()).status).toBe(503);
      expect((await post()).status).toBe(429);
      expect((await sendJson(t.app, 'POST', '/api/chat', question)).status).toBe(503);
    } finally {
      await new Promise((r) => server.close(r));
      await t.cleanup();
    }
  });

  it('limits feedback writes separately', async () => {
    const t = await makeApp({ RATE_LIMIT_PER_MIN: '1' });
    try {
      const body = { rating: 'up', question: 'q', answer: 'a' };
      expect((await sendJson(t.app, 'POST', '/api/chat', question)).status).toBe(503);
      expect((await sendJson(t.app, 'POST', '/api/feedback', body)).status).toBe(201);
      expect((await sendJson(t.app, 'POST', '/api/feedback', body)).status).toBe(429);
    } finally {
      await t.cleanup();
    }
  });

  it('is off with RATE_LIMIT_PER_MIN=0', async () => {
    const t = await makeApp({ RATE_LIMIT_PER_MIN: '0' });
    try {
      for (let i = 0; i < 3; i++) {
        const res = await sendJson(t.app, 'POST', '/api/chat', question);
        expect(res.status).toBe(503);
        expect(res.headers.get('ratelimit-limit')).toBeNull();
      }
    } finally {
      await t.cleanup();
    }
  });
});

describe('GET / demo page', () => {
  let corpus: string;
  beforeAll(async () => {
    corpus = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-demo-corpus-'));
    await fs.writeFile(path.join(corpus, 'harbour-ledger.md'), HOSTILE_DOC);
  });
  afterAll(() => fs.rm(corpus, { recursive: true, force: true }));

  it('lists the documents with every value escaped, offers questions and embeds the widget', async () => {
    const t = await makeApp({}, { open: true, corpusDir: corpus });
    try {
      const res = await t.app.request('/');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await res.text();
      expect(html).toContain('Kelpwater harbour &lt;b&gt;ledger&lt;/b&gt; notes');
      expect(html).not.toContain('<b>ledger</b>');
      expect(html).toContain('Fixture Port Authority');
      expect(html).toContain('data-citecheck-ask="What does “Kelpwater harbour &lt;b&gt;ledger&lt;/b&gt; notes” say?"');
      expect(html).toMatch(/<script src="\/widget\.js" [^>]*defer><\/script>/);
      expect(html.match(/<script\b/g)).toHaveLength(1);
    } finally {
      await t.cleanup();
    }
  });

  it('says the index is loading before it is ready', async () => {
    const t = await makeApp();
    try {
      expect(await (await t.app.request('/')).text()).toContain('still loading');
    } finally {
      await t.cleanup();
    }
  });
});

describe('widget configuration', () => {
  it('parses WIDGET_ORIGINS, ADMIN_TOKEN and RATE_LIMIT_PER_MIN', () => {
    const c = loadConfig({
      WIDGET_ORIGINS: 'https://a.example, http://localhost:3000/ ,',
      ADMIN_TOKEN: 'long-enough',
      RATE_LIMIT_PER_MIN: '30',
    });
    expect(c.widgetOrigins).toEqual(['https://a.example', 'http://localhost:3000']);
    expect(c.adminToken).toBe('long-enough');
    expect(c.rateLimitPerMin).toBe(30);
    expect(loadConfig({})).toMatchObject({ widgetOrigins: [], adminToken: undefined, rateLimitPerMin: 120 });
  });

  it.each([
    { WIDGET_ORIGINS: 'https://a.example/path' },
    { WIDGET_ORIGINS: 'ftp://a.example' },
    { WIDGET_ORIGINS: 'a.example' },
    { ADMIN_TOKEN: 'short' },
    { RATE_LIMIT_PER_MIN: '-1' },
  ])('rejects %j', (env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
  });
});
