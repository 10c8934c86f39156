import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ChatService } from '../../src/answer/chat-service.js';
import { OfflineAnswerer } from '../../src/answer/offline/answerer.js';
import { type ChatResponse, ChatResponseSchema, CheckSchema, RelatedPassageSchema } from '../../src/answer/schema.js';
import type { AnswerDraft, Answerer, AnswerInput } from '../../src/answer/types.js';
import { createApp } from '../../src/http/app.js';
import { makeTestApp, postJson, type TestApp } from '../helpers/app.js';

interface SseEvent {
  event: string;
  data: string;
}

/** Parses a complete `text/event-stream` body. */
function parseSse(text: string): SseEvent[] {
  const events: SseEvent[] = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    if (!block.trim()) continue;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    events.push({ event, data: data.join('\n') });
  }
  return events;
}

let t: TestApp;
const errors: unknown[] = [];

beforeAll(async () => {
  t = await makeTestApp({ logger: { error: (obj) => errors.push(obj) } });
});
afterAll(() => t?.cleanup());

async function stream(question: string, extra: Record<string, unknown> = {}) {
  const res = await postJson(t.app, '/api/chat/stream', { question, ...extra });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  return parseSse(await res.text());
}

describe('POST /api/chat/stream', () => {
  for (const question of [
    'How did digital trade change from 2015 to 2020?',
    'What are the two key directions of digital development in the 14th Five-Year Plan?',
    "What was China's unemployment rate in 2020?",
  ]) {
    it(`emits meta, tokens that add up to the answer, checks, then done: ${question}`, async () => {
      const events = await stream(question, { k: 4 });
      const kinds = events.map((e) => e.event);
      expect(kinds[0]).toBe('meta');
      expect(kinds.at(-1)).toBe('done');
      expect(kinds.filter((k) => k === 'meta')).toHaveLength(1);
      expect(kinds.filter((k) => k === 'done')).toHaveLength(1);
      expect(kinds).not.toContain('error');
      expect(new Set(kinds)).toEqual(new Set(kinds.filter((k) => ['meta', 'token', 'check', 'done'].includes(k))));

      const meta = JSON.parse(events[0]!.data) as { passages: unknown[] };
      expect(meta.passages.length).toBeGreaterThan(0);
      expect(meta.passages.length).toBeLessThanOrEqual(4);
      for (const p of meta.passages) expect(RelatedPassageSchema.safeParse(p).success).toBe(true);

      const done = ChatResponseSchema.parse(JSON.parse(events.at(-1)!.data)) as ChatResponse;
      const tokens = events
        .filter((e) => e.event === 'token')
        .map((e) => (JSON.parse(e.data) as { text: string }).text);
      expect(tokens.length).toBeGreaterThan(1);
      expect(tokens.join('')).toBe(done.answer);

      const checks = events.filter((e) => e.event === 'check').map((e) => CheckSchema.parse(JSON.parse(e.data)));
      expect(checks).toEqual(done.checks);
      if (!done.abstained) expect(done.citations.length).toBeGreaterThan(0);
    });
  }

  it('streams the same answer as /api/chat', async () => {
    const question = 'By what percentage did digital trade grow between 2015 and 2020?';
    const events = await stream(question);
    const done = JSON.parse(events.at(-1)!.data) as ChatResponse;
    const plain = (await (await postJson(t.app, '/api/chat', { question })).json()) as ChatResponse;
    expect(done.answer).toBe(plain.answer);
    expect(done.citations).toEqual(plain.citations);
    expect(done.checks).toEqual(plain.checks);
    expect(done.checks.some((c) => c.op === 'growth_rate' && c.status === 'computed')).toBe(true);
    expect(events.filter((e) => e.event === 'check').length).toBe(done.checks.length);
  });

  it('answers a bad body with a 400 JSON error, not a stream', async () => {
    for (const body of [
      { question: '' },
      { question: 'What is digital trade?', k: 0 },
      { question: 'x', extra: true },
    ]) {
      const res = await postJson(t.app, '/api/chat/stream', body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toMatchObject({ error: { code: 'bad_request' } });
    }
    const res = await t.app.request('/api/chat/stream', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(res.status).toBe(415);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('answers 503 JSON before the index is ready', async () => {
    const cold = await makeTestApp({ dataDir: t.config.dataDir, open: false });
    const res = await postJson(cold.app, '/api/chat/stream', { question: 'What is digital trade?' });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ error: { code: 'not_ready' } });
  });
});

/** Offline answers whose tokens trickle out, recording the abort signal it was given. */
class SlowAnswerer implements Answerer {
  readonly mode = 'offline' as const;
  readonly signals: AbortSignal[] = [];
  tokensSent = 0;
  private readonly inner = new OfflineAnswerer();

  async answer(input: AnswerInput): Promise<AnswerDraft> {
    if (input.signal) this.signals.push(input.signal);
    const tokens: string[] = [];
    const draft = await this.inner.answer({
      ...input,
      events: { ...input.events, onToken: (text) => tokens.push(text) },
    });
    for (const token of tokens) {
      input.signal?.throwIfAborted();
      input.events?.onToken?.(token);
      this.tokensSent++;
      await delay(15);
    }
    return draft;
  }
}

describe('client abort on a real server', () => {
  let server: ServerType;
  let base: string;
  let slowServer: ServerType;
  let slowBase: string;
  const slow = new SlowAnswerer();

  const listen = (fetch: (req: Request) => Response | Promise<Response>) =>
    new Promise<{ server: ServerType; base: string }>((resolve) => {
      const s = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
        resolve({ server: s, base: `http://127.0.0.1:${info.port}` }),
      );
    });
  const close = (s: ServerType | undefined) =>
    new Promise<void>((resolve) => (s ? s.close(() => resolve()) : resolve()));

  beforeAll(async () => {
    ({ server, base } = await listen(t.app.fetch));
    const slowApp = createApp({
      config: t.config,
      kb: t.kb,
      chat: new ChatService({ kb: t.kb, offline: slow }),
      logger: { error: (obj) => errors.push(obj) },
    });
    ({ server: slowServer, base: slowBase } = await listen(slowApp.fetch));
  });
  afterAll(async () => {
    for (const s of [server, slowServer]) if (s && 'closeAllConnections' in s) s.closeAllConnections();
    await Promise.all([close(server), close(slowServer)]);
  });

  /** Starts a stream, reads until the first complete event, then aborts; returns that event's text. */
  async function abortAfterFirstEvent(url: string, question: string): Promise<string> {
    const controller = new AbortController();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
      signal: controller.signal,
    });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!text.includes('\n\n')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    controller.abort();
    await reader.cancel().catch(() => undefined);
    return text;
  }

  async function expectHealthy(url: string) {
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const res = await fetch(`${url}/api/chat/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'How big a share of GDP does the digital economy account for?' }),
    });
    expect(res.status).toBe(200);
    const events = parseSse(await res.text());
    expect(events[0]!.event).toBe('meta');
    const done = ChatResponseSchema.parse(JSON.parse(events.at(-1)!.data));
    expect(done.answer).toContain('38%');
  }

  it('stays healthy after a client aborts a stream after the first event', async () => {
    const first = await abortAfterFirstEvent(
      `${base}/api/chat/stream`,
      'How did digital trade change from 2015 to 2020?',
    );
    expect(parseSse(first)[0]!.event).toBe('meta');
    await expectHealthy(base);
    const plain = await fetch(`${base}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'How did digital trade change from 2015 to 2020?' }),
    });
    expect(plain.status).toBe(200);
    expect(errors).toEqual([]);
  });

  it('propagates the disconnect to the answerer, which stops producing tokens', async () => {
    const question = 'What are the three main considerations behind the emphasis on digital trade?';
    const first = await abortAfterFirstEvent(`${slowBase}/api/chat/stream`, question);
    expect(parseSse(first)[0]!.event).toBe('meta');
    const signal = slow.signals.at(-1)!;
    expect(signal).toBeDefined();
    await vi.waitFor(() => expect(signal.aborted).toBe(true), { timeout: 5000, interval: 10 });
    const totalTokens = (await t.chat.answer({ question })).answer.match(/\S+\s*|\s+/g)!.length;
    expect(slow.tokensSent).toBeLessThan(totalTokens);
    await expectHealthy(slowBase);
    expect(errors).toEqual([]);
  });
});
