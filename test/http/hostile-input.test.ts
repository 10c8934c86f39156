import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/http/app.js';
import { makeTestApp, postJson, type TestApp } from '../helpers/app.js';

const TOKEN = 'hostile-admin-token';
let t: TestApp;

beforeAll(async () => {
  t = await makeTestApp({ env: { ADMIN_TOKEN: TOKEN } });
});
afterAll(() => t?.cleanup());

/** JSON POST routes with a valid body each. */
const JSON_ROUTES: [string, string, unknown][] = [
  ['POST', '/api/chat', { question: 'What is digital trade?' }],
  ['POST', '/api/chat/stream', { question: 'What is digital trade?' }],
  ['POST', '/api/calc', { op: 'growth_rate', args: { from: 1, to: 2 } }],
  ['POST', '/api/feedback', { rating: 'up', question: 'q', answer: 'a' }],
  ['PATCH', '/api/feedback/00000000-0000-4000-8000-000000000000', { comment: 'x' }],
  [
    'POST',
    '/v1/chat/completions',
    { model: 'citecheck', messages: [{ role: 'user', content: 'What is digital trade?' }] },
  ],
];

const send = (method: string, url: string, body: string, type = 'application/json') =>
  Promise.resolve(t.app.request(url, { method, headers: { 'content-type': type }, body }));

/** Not a 5xx; errors are JSON with a message. */
async function expectHandled(res: Response, label: string): Promise<unknown> {
  expect(res.status, label).toBeLessThan(500);
  const text = await res.text();
  if (res.status >= 400) {
    expect(res.headers.get('content-type'), label).toMatch(/^application\/json/);
    const body = JSON.parse(text) as { error?: { message?: unknown } };
    expect(typeof body.error?.message, label).toBe('string');
  }
  return res.headers.get('content-type')?.startsWith('application/json') ? JSON.parse(text) : text;
}

/** Nested arrays `depth` deep around `inner`. */
const deep = (depth: number, inner = '1') => `${'['.repeat(depth)}${inner}${']'.repeat(depth)}`;

describe('body limit', () => {
  it('is 64 KiB', () => {
    expect(MAX_BODY_BYTES).toBe(64 * 1024);
  });

  it.each(JSON_ROUTES)('%s %s answers 413 JSON above it', async (method, url) => {
    const res = await send(method, url, JSON.stringify({ pad: 'x'.repeat(MAX_BODY_BYTES) }));
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('payload_too_large');
    expect(body.error.message).toMatch(/65536 bytes/);
  });

  it('accepts a body just under it', async () => {
    const question = 'What is digital trade?';
    const history = Array.from({ length: 20 }, (_, i) => ({
      role: i % 2 ? 'assistant' : 'user',
      content: 'd'.repeat(2000),
    }));
    const body = JSON.stringify({ question, history });
    expect(body.length).toBeGreaterThan(40_000);
    expect(body.length).toBeLessThan(MAX_BODY_BYTES);
    expect((await send('POST', '/api/chat', body)).status).toBe(200);
  });

  it('also counts chunked bodies sent without a Content-Length', async () => {
    const server: ServerType = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise((r) => (server.listening ? r(null) : server.once('listening', r)));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/chat`;
    try {
      const piece = new TextEncoder().encode(' '.repeat(16 * 1024));
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent++ < 8) controller.enqueue(piece);
          else controller.close();
        },
      });
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(res.headers.get('x-request-id')).toBeTruthy();
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('content type', () => {
  it.each(JSON_ROUTES)('%s %s answers 415 for anything but JSON', async (method, url, valid) => {
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/jsonx',
      'json',
    ]) {
      const res = await send(method, url, JSON.stringify(valid), type);
      expect(res.status, type).toBe(415);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });
});

describe('unknown routes', () => {
  it.each([
    ['GET', '/nope'],
    ['GET', '/api/nope'],
    ['DELETE', '/api/chat'],
    ['PUT', '/api/feedback'],
    ['GET', '/api/admin/reindex'],
    ['GET', `/${'a/'.repeat(500)}`],
    ['GET', '/%E0%A4%A'],
    ['GET', '/api/documents/%00%ff'],
  ])('%s #%# answers 404 JSON', async (method, url) => {
    const res = await t.app.request(url, { method });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await res.json()) as { error: { code?: string } }).error).toBeDefined();
  });
});

describe('schema violations', () => {
  it.each([
    ['/api/chat', { question: 'ok', k: '5' }, /\bk\b/],
    ['/api/chat', { question: 'ok', history: [{ role: 'user' }] }, /history\.0\.content/],
    ['/api/calc', { op: 'cagr', args: { start: 1, end: 2, years: 'soon' } }, /years/],
    ['/api/feedback', { rating: 'up', question: 'q', answer: 'a', citations: [{ n: 1 }] }, /citations\.0\.docId/],
    ['/v1/chat/completions', { model: 'citecheck', messages: [] }, /messages/],
  ])('%s %j is a 400 naming the field', async (url, body, field) => {
    const res = await postJson(t.app, url, body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toMatch(field);
  });
});

describe('odd text never causes a 5xx', () => {
  const ODD = [
    '\\ud800 lone high surrogate',
    'lone low \\udfff surrogate',
    'NUL \\u0000 in the middle',
    '\\u0000',
    'emoji 📈💹 🇨🇳 👩🏽‍💻 growth of digital trade?',
    'مرحبا التجارة الرقمية \\u202e reversed \\u202c',
    '数字贸易在2020年的规模是多少？',
    'BOM \\ufeff and zero width \\u200b\\u200d joiners',
    'combining a\\u0301\\u0301\\u0301\\u0301 marks',
    '\\u001b[31m ANSI \\r\\n\\t controls',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal template placeholder is the hostile input
    '%s %n {{system}} ${process.env} <script>alert(1)</script>',
    '\\uffff\\ufffe noncharacters',
  ];

  it.each(ODD)('in every text field: %s', async (raw) => {
    const s = `"${raw}"`;
    const bodies: [string, string, string][] = [
      ['POST', '/api/chat', `{"question": ${s}}`],
      ['POST', '/api/chat', `{"question": "digital trade", "history": [{"role": "user", "content": ${s}}]}`],
      ['POST', '/api/chat/stream', `{"question": ${s}}`],
      ['POST', '/api/calc', `{"op": "growth_rate", "args": {"from": ${s}, "to": "US$2 billion"}}`],
      ['POST', '/api/calc', `{"op": "cagr", "args": {"start": 1, "end": 2, "years": ${s}}}`],
      [
        'POST',
        '/api/feedback',
        `{"rating": "up", "question": ${s}, "answer": ${s}, "comment": ${s}, "citations": [{"n": 1, "docId": ${s}, "quote": ${s}}]}`,
      ],
      ['POST', '/v1/chat/completions', `{"model": ${s}, "messages": [{"role": "user", "content": ${s}}]}`],
      [
        'POST',
        '/v1/chat/completions',
        `{"model": "x", "stream": true, "messages": [{"role": "user", "content": [{"type": "text", "text": ${s}}]}]}`,
      ],
    ];
    for (const [method, url, body] of bodies) await expectHandled(await send(method, url, body), `${url} ${body}`);
    const decoded = JSON.parse(s) as string;
    for (const url of ['/api/search?q=', '/api/indicators?q=', '/api/documents/']) {
      const encoded = Array.from(decoded, (ch) =>
        ch.length === 1 && /[\ud800-\udfff]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch),
      ).join('');
      await expectHandled(await t.app.request(`${url}${encoded}`), url);
    }
  });

  it('keeps Object.prototype clean given __proto__ and constructor keys', async () => {
    const body =
      '{"question": "What is digital trade?", "__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}';
    await expectHandled(await send('POST', '/api/chat', body), 'proto');
    await expectHandled(
      await send('POST', '/api/calc', '{"op": "ratio", "args": {"a": 1, "b": 2, "__proto__": {"polluted": 1}}}'),
      'calc proto',
    );
    await expectHandled(
      await send(
        'POST',
        '/v1/chat/completions',
        `{"model": "x", "__proto__": {"polluted": 1}, "messages": [{"role": "user", "content": "hi", "__proto__": {"x": 1}}]}`,
      ),
      'v1 proto',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('huge and odd numbers never cause a 5xx', () => {
  const NUMBERS = [
    '1e308',
    '-1e308',
    '1e400',
    '-1e400',
    '5e-324',
    '-0',
    '123456789012345678901234567890',
    '0.1e-400',
    '1.7976931348623157e308',
    '9007199254740993',
  ];

  it.each(NUMBERS)('%s', async (n) => {
    for (const [url, body] of [
      ['/api/chat', `{"question": "What is digital trade?", "k": ${n}}`],
      ['/api/calc', `{"op": "cagr", "args": {"start": ${n}, "end": ${n}, "years": ${n}}}`],
      ['/api/calc', `{"op": "project", "args": {"value": ${n}, "rate": ${n}, "years": ${n}}}`],
      ['/api/calc', `{"op": "growth_rate", "args": {"from": "US$${n} billion", "to": "${n}%"}}`],
      [
        '/api/feedback',
        `{"rating": "up", "question": "q", "answer": "a", "citations": [{"n": ${n}, "docId": "d", "start": ${n}}]}`,
      ],
      [
        '/v1/chat/completions',
        `{"model": "x", "temperature": ${n}, "max_tokens": ${n}, "messages": [{"role": "user", "content": "hi"}]}`,
      ],
    ] as const) {
      const res = await send('POST', url, body);
      const json = await expectHandled(res, `${url} ${body}`);
      if (url === '/api/calc' && res.status === 200)
        expect(Number.isFinite((json as { value: number }).value)).toBe(true);
    }
    for (const url of [`/api/search?q=trade&k=${n}`, `/api/search?q=${n}`, `/api/indicators?q=${n}`]) {
      await expectHandled(await t.app.request(url), url);
    }
  });
});

describe('deep JSON never causes a 5xx', () => {
  it.each([100, 10_000, 30_000])('%i nested arrays', async (depth) => {
    const nest = deep(depth);
    const bodies: [string, string][] = [
      ['/api/chat', nest],
      ['/api/chat', `{"question": ${nest}}`],
      ['/api/chat', `{"question": "What is digital trade?", "history": ${nest}}`],
      ['/api/calc', `{"op": "ratio", "args": {"a": ${nest}, "b": 2}}`],
      ['/api/calc', `{"op": "ratio", "args": {"a": 1, "b": 2, "extra": ${nest}}}`],
      ['/api/feedback', `{"rating": "up", "question": "q", "answer": "a", "citations": ${nest}}`],
      ['/v1/chat/completions', `{"model": "x", "messages": [{"role": "user", "content": "hi"}], "extra": ${nest}}`],
      ['/v1/chat/completions', `{"model": "x", "messages": [{"role": "user", "content": "hi", "name": ${nest}}]}`],
    ];
    for (const [url, body] of bodies) {
      if (body.length > MAX_BODY_BYTES) continue;
      await expectHandled(await send('POST', url, body), `${url} depth ${depth}`);
    }
  });

  it('deep objects too', async () => {
    const nest = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    for (const url of ['/api/chat', '/api/calc', '/api/feedback', '/v1/chat/completions']) {
      await expectHandled(await send('POST', url, nest), url);
      await expectHandled(
        await send(
          'POST',
          url,
          `{"question": "x", "args": ${nest}, "messages": [{"role": "user", "content": "hi", "x": ${nest}}]}`,
        ),
        url,
      );
    }
  });
});
