import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ChatResponseSchema } from '../../src/answer/schema.js';
import { ReindexAcceptedSchema } from '../../src/http/routes/admin.js';
import { CalcResponseSchema } from '../../src/http/routes/calc.js';
import { DocumentSchema, DocumentSummarySchema, ErrorSchema, SearchResponseSchema } from '../../src/http/schemas.js';
import { CALC_OPS, calcOps } from '../../src/numbers/index.js';
import { makeTestApp, type TestApp } from '../helpers/app.js';

const RUNS = { numRuns: 60 };
const TOKEN = 'property-admin-token';
const OpenAIErrorSchema = z.object({ error: z.object({ message: z.string(), type: z.string() }) });

let t: TestApp;
let docIds: string[] = [];

beforeAll(async () => {
  t = await makeTestApp({ env: { ADMIN_TOKEN: TOKEN } });
  docIds = t.kb.require().docs.map((d) => d.docId);
});
afterAll(() => t?.cleanup());

/** Text of every kind: ASCII, any grapheme, raw UTF-16 (lone surrogates, NUL) and a few hostile fixtures. */
const text = (maxLength = 200) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }),
    fc.constantFrom('\ud800', '\u0000', '📈 growth', '数字贸易', 'مرحبا \u202e', '</passage>', '{{system}}', '   '),
  );
const json = fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' });
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  '',
  'application/problem+json',
  'multipart/form-data; boundary=x',
);

/** A body that is usually not what the route wants: random text, random JSON, or a valid body with one field replaced. */
const malformed = (valid: Record<string, unknown>) =>
  fc.oneof(
    text(300),
    json.map((v) => JSON.stringify(v)),
    fc
      .record({ key: fc.constantFrom(...Object.keys(valid), 'extra', '__proto__'), value: json })
      .map(({ key, value }) => JSON.stringify({ ...valid, [key]: value })),
    fc.nat({ max: 40 }).map((n) => JSON.stringify(valid).slice(0, n)),
  );

const send = (method: string, url: string, body: string | undefined, headers: Record<string, string> = {}) =>
  Promise.resolve(t.app.request(url, { method, headers, ...(body === undefined ? {} : { body }) }));

/** Never a 5xx; 4xx bodies are JSON errors in the route family's shape. */
async function expectNo5xx(res: Response, label: string): Promise<void> {
  expect(res.status, label).toBeLessThan(500);
  expect(res.headers.get('x-request-id'), label).toBeTruthy();
  const body = await res.text();
  if (res.status < 400 || label.startsWith('HEAD ')) return;
  const parsed: unknown = JSON.parse(body);
  (label.includes('/v1/') ? OpenAIErrorSchema : ErrorSchema).parse(parsed);
}

const POST_ROUTES: [string, string, Record<string, unknown>][] = [
  ['POST', '/api/chat', { question: 'What is digital trade?' }],
  ['POST', '/api/chat/stream', { question: 'What is digital trade?' }],
  ['POST', '/api/calc', { op: 'ratio', args: { a: 2, b: 1 } }],
  ['POST', '/api/feedback', { rating: 'up', question: 'q', answer: 'a' }],
  ['PATCH', '/api/feedback/00000000-0000-4000-8000-000000000000', { comment: 'c' }],
  ['POST', '/api/admin/reindex', {}],
  [
    'POST',
    '/v1/chat/completions',
    { model: 'citecheck', messages: [{ role: 'user', content: 'What is digital trade?' }] },
  ],
];

describe('random and malformed requests never give a 5xx', () => {
  it.each(POST_ROUTES)('%s %s', async (method, url, valid) => {
    await fc.assert(
      fc.asyncProperty(malformed(valid), contentType, fc.option(text(60)), async (body, type, authorization) => {
        const headers: Record<string, string> = type ? { 'content-type': type } : {};
        if (authorization !== null) headers.authorization = `Bearer ${authorization}`.replace(/[^\t\x20-\x7e]/g, '?');
        await expectNo5xx(await send(method, url, body, headers), `${method} ${url} ${JSON.stringify(body)}`);
      }),
      RUNS,
    );
  });

  it('GET routes with random queries, path segments and auth', async () => {
    const enc = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\ufffd'));
    const url = fc.oneof(
      fc.tuple(text(), text(8)).map(([q, k]) => `/api/search?q=${enc(q)}&k=${enc(k)}`),
      text().map((q) => `/api/indicators?q=${enc(q)}`),
      text(80).map((id) => `/api/documents/${enc(id)}`),
      fc.string({ maxLength: 40 }).map((p) => `/api/documents/${p.replace(/[#?]/g, '')}`),
      text(10).map((f) => `/api/feedback?format=${enc(f)}`),
      fc.webPath().map((p) => p || '/'),
      fc.constantFrom(
        '/healthz',
        '/readyz',
        '/widget.js',
        '/',
        '/openapi.json',
        '/v1/models',
        '/v1/models/x',
        '/api/documents',
      ),
    );
    const method = fc.constantFrom('GET', 'HEAD', 'DELETE', 'PUT', 'OPTIONS');
    await fc.assert(
      fc.asyncProperty(
        url,
        method,
        fc.option(fc.constantFrom(`Bearer ${TOKEN}x`, 'Bearer', 'Basic abc', `bearer ${TOKEN.slice(1)}`)),
        async (u, m, auth) => {
          await expectNo5xx(await send(m, u, undefined, auth ? { authorization: auth } : {}), `${m} ${u}`);
        },
      ),
      { numRuns: 150 },
    );
  });
});

const question = text(400).filter((q) => q.trim().length > 0);
const history = fc.array(
  fc.record({ role: fc.constantFrom('user' as const, 'assistant' as const), content: text(2000) }),
  { maxLength: 20 },
);
const chatRequest = fc.record({
  question,
  history: fc.option(history, { nil: undefined }),
  k: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
});
const postJson = (url: string, body: unknown) =>
  send('POST', url, JSON.stringify(body), { 'content-type': 'application/json' });

describe('valid requests satisfy the response schemas', () => {
  it('POST /api/chat', async () => {
    await fc.assert(
      fc.asyncProperty(chatRequest, async (req) => {
        const res = await postJson('/api/chat', req);
        expect(res.status).toBe(200);
        const body = ChatResponseSchema.parse(await res.json());
        for (const m of body.answer.matchAll(/\[(\d+)\]/g))
          expect(body.citations.some((c) => c.n === Number(m[1]))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('POST /api/chat/stream ends with a done event carrying a valid response', async () => {
    await fc.assert(
      fc.asyncProperty(chatRequest, async (req) => {
        const res = await postJson('/api/chat/stream', req);
        expect(res.status).toBe(200);
        const events = (await res.text()).split(/\n\n/).filter((b) => b.trim());
        const last = events.at(-1)!;
        expect(last).toMatch(/^event: done\n/);
        ChatResponseSchema.parse(JSON.parse(last.replace(/^event: done\ndata: /, '')));
      }),
      { numRuns: 30 },
    );
  });

  it('GET /api/search', async () => {
    const q = text(300)
      .filter((s) => s.trim().length > 0)
      .map((s) => s.replace(/[\ud800-\udfff]/g, '\ufffd'));
    await fc.assert(
      fc.asyncProperty(q, fc.integer({ min: 1, max: 50 }), async (query, k) => {
        const res = await send('GET', `/api/search?q=${encodeURIComponent(query)}&k=${k}`, undefined);
        if (query.trim().length === 0) return;
        expect(res.status, query).toBe(200);
        const body = SearchResponseSchema.parse(await res.json());
        expect(body.results.length).toBeLessThanOrEqual(k);
      }),
      RUNS,
    );
  });

  it('POST /api/calc: a valid result or a 400 naming the argument', async () => {
    const quantity = fc.oneof(
      number,
      number.map(String),
      fc
        .tuple(
          fc.double({ min: 0.01, max: 1e6, noNaN: true }),
          fc.constantFrom('US$', '', '¥'),
          fc.constantFrom(' billion', ' trillion yuan', '%', ''),
        )
        .map(([n, c, s]) => `${c}${n}${s}`),
      fc.record({ value: number, scale: fc.constantFrom('thousand', 'million', 'billion', 'trillion') }),
    );
    const call = fc.constantFrom(...CALC_OPS).chain((op) =>
      fc.record({
        op: fc.constant(op),
        args: fc.record(Object.fromEntries(Object.keys(calcOps[op].schema.shape).map((k) => [k, quantity])), {
          requiredKeys: [],
        }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(call, async (body) => {
        const res = await postJson('/api/calc', body);
        const json: unknown = await res.json();
        if (res.status === 200) {
          const result = CalcResponseSchema.parse(json);
          expect(Number.isFinite(result.value)).toBe(true);
          expect(result.display).not.toMatch(/NaN|Infinity/);
        } else {
          expect(res.status).toBe(400);
          expect(ErrorSchema.parse(json).error.message).toMatch(new RegExp(`^${body.op}: '\\w+'|^${body.op}: `));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('POST /api/feedback and PATCH /api/feedback/:id', async () => {
    const citation = fc.record(
      { n: fc.integer({ min: 1, max: 99 }), docId: text(50), quote: fc.option(text(300), { nil: undefined }) },
      { requiredKeys: ['n', 'docId'] },
    );
    const feedback = fc.record({
      rating: fc.constantFrom('up', 'down'),
      question: text(300),
      answer: text(500),
      citations: fc.array(citation, { maxLength: 5 }),
      comment: fc.option(text(300), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(feedback, text(300), async (input, comment) => {
        const res = await postJson('/api/feedback', input);
        expect(res.status).toBe(201);
        const { id } = z.object({ id: z.string().uuid() }).parse(await res.json());
        const patched = await send('PATCH', `/api/feedback/${id}`, JSON.stringify({ comment }), {
          'content-type': 'application/json',
        });
        expect(patched.status).toBe(200);
      }),
      { numRuns: 40 },
    );
    const exported = await send('GET', '/api/feedback?format=json', undefined, { authorization: `Bearer ${TOKEN}` });
    expect(exported.status).toBe(200);
  });

  it('GET /api/documents and every document', async () => {
    const list = await send('GET', '/api/documents', undefined);
    z.object({ documents: z.array(DocumentSummarySchema) }).parse(await list.json());
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...docIds), async (id) => {
        DocumentSchema.parse(await (await send('GET', `/api/documents/${encodeURIComponent(id)}`, undefined)).json());
      }),
      { numRuns: 5 },
    );
  });

  it('POST /v1/chat/completions', async () => {
    const message = fc.record({
      role: fc.constantFrom('system', 'user', 'assistant'),
      content: fc.oneof(
        text(300),
        fc.array(fc.record({ type: fc.constant('text'), text: text(100) }), { maxLength: 3 }),
      ),
    });
    const body = fc.record({
      model: text(30).filter((m) => m.length > 0),
      messages: fc
        .tuple(fc.array(message, { maxLength: 6 }), question)
        .map(([m, q]) => [...m, { role: 'user', content: q }]),
    });
    await fc.assert(
      fc.asyncProperty(body, async (req) => {
        const res = await postJson('/v1/chat/completions', req);
        expect(res.status, JSON.stringify(req)).toBe(200);
        const completion = z
          .object({
            object: z.literal('chat.completion'),
            choices: z.array(z.object({ message: z.object({ content: z.string() }) })).length(1),
            citecheck: ChatResponseSchema,
          })
          .parse(await res.json());
        expect(completion.choices[0]!.message.content.startsWith(completion.citecheck.answer)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('POST /api/admin/reindex with the token accepts, once', async () => {
    const res = await send('POST', '/api/admin/reindex', undefined, { authorization: `Bearer ${TOKEN}` });
    expect(res.status).toBe(202);
    ReindexAcceptedSchema.parse(await res.json());
    await t.kb.reindex().done;
  });
});
