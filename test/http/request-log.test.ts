import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatService } from '../../src/answer/chat-service.js';
import { OfflineAnswerer } from '../../src/answer/offline/answerer.js';
import { AppError } from '../../src/errors.js';
import { createApp } from '../../src/http/app.js';
import { requestIdFrom } from '../../src/http/request-context.js';
import { makeTestApp, postJson, type TestApp } from '../helpers/app.js';

const TOKEN = 'log-test-admin-token';
const QUESTION = 'What was the compound annual growth of digital service trade from 2011 to 2020?';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface LogLine {
  level: number;
  msg: string;
  reqId?: string;
  method?: string;
  path?: string;
  status?: number;
  ms?: number;
  question?: string;
  [key: string]: unknown;
}

/** A pino logger writing parsed lines into memory. */
function memoryLogger(level: 'info' | 'debug') {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const logger = pino(
    { level, base: { service: 'citecheck' } },
    { write: (s: string) => void (raw.push(s), lines.push(JSON.parse(s) as LogLine)) },
  );
  return { logger, lines, raw };
}

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ env: { ADMIN_TOKEN: TOKEN } });
});
afterAll(() => t?.cleanup());

describe('request ids', () => {
  it('keeps a sane incoming id and replaces anything else with a UUID', () => {
    expect(requestIdFrom('abc-123_XYZ.42:7')).toBe('abc-123_XYZ.42:7');
    expect(requestIdFrom(' trace/5+= ')).toBe('trace/5+=');
    for (const bad of [undefined, '', 'has space', 'x'.repeat(129), 'new\nline', '<script>', 'é', '"quoted"']) {
      expect(requestIdFrom(bad), String(bad)).toMatch(UUID);
    }
  });

  it('sets X-Request-Id on every kind of response', async () => {
    const limited = createApp({ config: { ...t.config, rateLimitPerMin: 1 }, kb: t.kb, chat: t.chat });
    await limited.request('/api/search?q=trade');
    const responses: [string, Response][] = [
      ['healthz', await t.app.request('/healthz')],
      ['readyz', await t.app.request('/readyz')],
      ['search', await t.app.request('/api/search?q=trade')],
      ['404', await t.app.request('/no/such/route')],
      ['400', await t.app.request('/api/search')],
      [
        '415',
        await t.app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }),
      ],
      ['413', await postJson(t.app, '/api/calc', { pad: 'x'.repeat(70_000) })],
      ['401', await t.app.request('/api/feedback', { headers: { authorization: 'Bearer wrong-token-here' } })],
      ['stream', await postJson(t.app, '/api/chat/stream', { question: QUESTION })],
      ['v1', await postJson(t.app, '/v1/chat/completions', { model: 'x', messages: [] })],
      ['v1 404', await t.app.request('/v1/nope')],
      ['widget', await t.app.request('/widget.js')],
      [
        'preflight',
        await t.app.request('/api/chat', {
          method: 'OPTIONS',
          headers: { Origin: 'http://localhost', 'Access-Control-Request-Method': 'POST' },
        }),
      ],
      ['429', await limited.request('/api/search?q=trade')],
    ];
    for (const [label, res] of responses) {
      expect(res.headers.get('x-request-id'), label).toMatch(UUID);
      await res.body?.cancel();
    }
    expect(responses.at(-1)![1].status).toBe(429);
    const ids = responses.map(([, r]) => r.headers.get('x-request-id'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('echoes the id the client sent', async () => {
    const res = await t.app.request('/healthz', { headers: { 'X-Request-Id': 'client-trace-42' } });
    expect(res.headers.get('x-request-id')).toBe('client-trace-42');
  });
});

describe('structured logs', () => {
  it('writes one info access line per request carrying the request id, without query, question or secrets', async () => {
    const { logger, lines, raw } = memoryLogger('info');
    const app = createApp({ config: t.config, kb: t.kb, chat: t.chat, logger });
    const chat = await postJson(app, '/api/chat', { question: QUESTION }, { 'X-Request-Id': 'req-chat-1' });
    expect(chat.status).toBe(200);
    const search = await app.request('/api/search?q=secret+search+words');
    const admin = await app.request('/api/admin/reindex', {
      method: 'POST',
      headers: { authorization: 'Bearer not-the-admin-token' },
    });
    expect(admin.status).toBe(401);
    await app.request('/missing');

    const access = lines.filter((l) => l.msg === 'request');
    expect(access).toHaveLength(4);
    expect(access[0]).toMatchObject({
      level: 30,
      reqId: 'req-chat-1',
      method: 'POST',
      path: '/api/chat',
      status: 200,
      service: 'citecheck',
    });
    expect(access[0]!.ms).toBeGreaterThanOrEqual(0);
    expect(access[1]).toMatchObject({
      reqId: search.headers.get('x-request-id'),
      method: 'GET',
      path: '/api/search',
      status: 200,
    });
    expect(access[2]).toMatchObject({
      reqId: admin.headers.get('x-request-id'),
      path: '/api/admin/reindex',
      status: 401,
    });
    expect(access[3]).toMatchObject({ path: '/missing', status: 404 });
    for (const line of lines) expect(line.reqId, line.msg).toEqual(expect.any(String));

    const all = raw.join('');
    expect(all).not.toContain('compound annual growth');
    expect(all).not.toContain('secret');
    expect(all).not.toContain('not-the-admin-token');
    expect(all.toLowerCase()).not.toContain('authorization');
  });

  it('logs the question only at debug, with the request id', async () => {
    const { logger, lines } = memoryLogger('debug');
    const app = createApp({ config: t.config, kb: t.kb, chat: t.chat, logger });
    const res = await postJson(app, '/api/chat/stream', { question: QUESTION }, { 'X-Request-Id': 'req-stream-7' });
    await res.text();
    const question = lines.find((l) => l.question === QUESTION);
    expect(question).toMatchObject({ level: 20, reqId: 'req-stream-7', msg: 'chat question' });
    expect(lines.filter((l) => l.level >= 30 && JSON.stringify(l).includes('compound annual'))).toEqual([]);
  });

  it('logs unexpected errors at error level with the request id', async () => {
    const { logger, lines } = memoryLogger('info');
    const broken = { ...t.chat, answer: () => Promise.reject(new Error('kaboom')) } as unknown as typeof t.chat;
    const app = createApp({ config: t.config, kb: t.kb, chat: broken, logger });
    const res = await postJson(app, '/api/chat', { question: QUESTION }, { 'X-Request-Id': 'req-boom' });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: 'internal', message: 'Internal server error' } });
    expect(lines.find((l) => l.level === 50)).toMatchObject({ reqId: 'req-boom', msg: 'unhandled error' });
    expect(lines.find((l) => l.msg === 'request')).toMatchObject({ reqId: 'req-boom', status: 500 });
  });

  it("binds the answering service's warnings to the request too", async () => {
    const { logger, lines } = memoryLogger('info');
    const failing = {
      mode: 'llm' as const,
      answer: () => Promise.reject(new AppError('upstream_error', 'model down')),
    };
    const chat = new ChatService({ kb: t.kb, offline: new OfflineAnswerer(), llm: failing });
    const app = createApp({ config: t.config, kb: t.kb, chat, logger });
    const res = await postJson(app, '/api/chat', { question: QUESTION }, { 'X-Request-Id': 'req-fallback' });
    expect(res.status).toBe(200);
    expect(lines.find((l) => l.level === 40)).toMatchObject({
      reqId: 'req-fallback',
      msg: 'language model failed; answering offline',
    });
  });
});
