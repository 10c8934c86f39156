import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/http/app.js';
import { CALC_OPS, calculate } from '../../src/numbers/index.js';
import { makeTestApp, makeTmpDir, postJson, type TestApp } from '../helpers/app.js';

interface ErrorBody {
  error: { code: string; message: string };
}
interface Passage {
  chunkId: string;
  docId: string;
  text: string;
  start: number;
  end: number;
  score: number;
  scores: { vector: number | null; bm25: number | null };
}
interface DocumentBody {
  docId: string;
  title: string;
  text: string;
  chunks: number;
  characters: number;
  passages: { chunkId: string; ordinal: number; start: number; end: number }[];
}
interface Indicator {
  id: string;
  name: string;
  text: string;
  value: number;
  docId: string;
  chunkId: string | null;
  start: number;
  end: number;
  context: string;
}

let t: TestApp;
const docCache = new Map<string, DocumentBody>();

beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t?.cleanup());

const get = (url: string) => Promise.resolve(t.app.request(url));

async function json<T>(res: Response): Promise<T> {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return (await res.json()) as T;
}

async function expectError(res: Response, status: number, code: string, mention?: RegExp): Promise<ErrorBody> {
  expect(res.status).toBe(status);
  const body = await json<ErrorBody>(res);
  expect(body).toEqual({ error: { code, message: expect.any(String) } });
  if (mention) expect(body.error.message).toMatch(mention);
  return body;
}

async function documentOf(docId: string): Promise<DocumentBody> {
  let doc = docCache.get(docId);
  if (!doc) {
    const res = await get(`/api/documents/${encodeURIComponent(docId)}`);
    expect(res.status).toBe(200);
    doc = await json<DocumentBody>(res);
    docCache.set(docId, doc);
  }
  return doc;
}

async function search(q: string, k?: number): Promise<Passage[]> {
  const res = await get(`/api/search?q=${encodeURIComponent(q)}${k === undefined ? '' : `&k=${k}`}`);
  expect(res.status).toBe(200);
  return (await json<{ results: Passage[] }>(res)).results;
}

describe('health', () => {
  it('/healthz answers 200', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ status: 'ok' });
  });

  it('/readyz is 503 before the knowledge base is opened and 200 after', async () => {
    // A second app over the same data dir: not opened yet, then loads the stored build.
    const fresh = await makeTestApp({ dataDir: t.config.dataDir, open: false });
    const before = await fresh.app.request('/readyz');
    expect(before.status).toBe(503);
    expect(await json(before)).toMatchObject({ state: 'starting' });
    await expectError(await fresh.app.request('/api/search?q=trade'), 503, 'not_ready');
    await expectError(await fresh.app.request('/api/documents'), 503, 'not_ready');
    await expectError(await fresh.app.request('/api/indicators'), 503, 'not_ready');

    await fresh.kb.open();
    const after = await fresh.app.request('/readyz');
    expect(after.status).toBe(200);
    const body = await json<{ status: string; buildId: string; docs: number; chunks: number }>(after);
    expect(body).toMatchObject({ status: 'ready', state: 'ready', docs: 1, buildId: t.kb.status().buildId });
    expect(body.chunks).toBeGreaterThan(1);
  });
});

describe('GET /api/search', () => {
  it('requires q and names it', async () => {
    await expectError(await get('/api/search'), 400, 'bad_request', /\bq\b/);
    await expectError(await get('/api/search?q=%20%20'), 400, 'bad_request', /\bq\b/);
    await expectError(await get(`/api/search?q=${'a'.repeat(2001)}`), 400, 'bad_request', /\bq\b/);
  });

  it('rejects k outside 1..50 or not an integer, naming k', async () => {
    for (const k of ['0', '51', '-3', '2.5', 'abc']) {
      await expectError(await get(`/api/search?q=trade&k=${k}`), 400, 'bad_request', /\bk\b/);
    }
  });

  it('honours k, defaulting to 5 and capping at the number of passages', async () => {
    expect(await search('digital trade', 1)).toHaveLength(1);
    expect(await search('digital trade', 3)).toHaveLength(3);
    expect(await search('digital trade')).toHaveLength(5);
    const all = await search('digital trade', 50);
    const chunks = t.kb.require().chunks.length;
    expect(all.length).toBeGreaterThan(5);
    expect(all.length).toBeLessThanOrEqual(chunks);
    expect(new Set(all.map((p) => p.chunkId)).size).toBe(all.length);
  });

  it('ranks the passage that answers the query first', async () => {
    const [top] = await search('cross-border e-commerce imports and exports totaled 1.69 trillion yuan', 5);
    expect(top!.text).toContain('1.69 trillion yuan');
    const [cagr] = await search('compound annual growth rate of digital service trade since 2011', 5);
    expect(cagr!.text).toContain('compound annual growth rate of 6.7%');
  });

  it('returns scores in descending order with both raw scores, and verbatim offsets', async () => {
    const results = await search('How fast did cross-border e-commerce exports grow?', 8);
    expect(results.length).toBe(8);
    for (let i = 1; i < results.length; i++) expect(results[i - 1]!.score).toBeGreaterThanOrEqual(results[i]!.score);
    let bothSides = 0;
    for (const r of results) {
      expect(Object.keys(r.scores).sort()).toEqual(['bm25', 'vector']);
      for (const s of [r.scores.vector, r.scores.bm25]) expect(s === null || Number.isFinite(s)).toBe(true);
      expect(r.scores.vector !== null || r.scores.bm25 !== null).toBe(true);
      if (r.scores.vector !== null && r.scores.bm25 !== null) bothSides++;
      const doc = await documentOf(r.docId);
      expect(r.text).toBe(doc.text.slice(r.start, r.end));
      expect(doc.passages.find((p) => p.chunkId === r.chunkId)).toMatchObject({ start: r.start, end: r.end });
    }
    expect(bothSides).toBeGreaterThan(0);
  });
});

describe('GET /api/documents', () => {
  it('lists the indexed documents', async () => {
    const res = await get('/api/documents');
    expect(res.status).toBe(200);
    const { documents } = await json<{
      documents: (Omit<DocumentBody, 'text' | 'passages'> & { path: string; format: string })[];
    }>(res);
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({
      docId: 'digital-trade-interview',
      path: 'digital-trade-interview.md',
      format: 'md',
      source: 'China Economic Times',
      language: 'en',
    });
    expect(documents[0]!.chunks).toBe(t.kb.require().chunks.length);
  });

  it('returns one document with its text and passage offsets that tile into the text', async () => {
    const doc = await documentOf('digital-trade-interview');
    expect(doc.title).toMatch(/digital trade demonstration zone/i);
    expect(doc.characters).toBe(doc.text.length);
    expect(doc.passages).toHaveLength(doc.chunks);
    const snapshot = t.kb.require();
    doc.passages.forEach((p, i) => {
      expect(p.ordinal).toBe(i);
      expect(p.start).toBeGreaterThanOrEqual(0);
      expect(p.end).toBeLessThanOrEqual(doc.text.length);
      expect(p.end).toBeGreaterThan(p.start);
      if (i > 0) expect(p.start).toBeGreaterThanOrEqual(doc.passages[i - 1]!.start);
      expect(snapshot.chunkById.get(p.chunkId)?.text).toBe(doc.text.slice(p.start, p.end));
    });
    expect(doc.text).toContain('US$294.76 billion in 2020');
  });

  it('answers an unknown docId with a 404 JSON error, also for ids with stray percent signs', async () => {
    await expectError(await get('/api/documents/no-such-doc'), 404, 'not_found', /no-such-doc/);
    await expectError(await get('/api/documents/100%25'), 404, 'not_found');
    await expectError(await get('/api/documents/%E0%A4%A'), 404, 'not_found');
  });
});

describe('documents in sub-directories', () => {
  it('serves a nested docId when its slash is percent-encoded', async () => {
    const corpus = await makeTmpDir('citecheck-corpus-');
    const nested = await (async () => {
      await fs.mkdir(path.join(corpus, 'Sub'));
      await fs.writeFile(
        path.join(corpus, 'Sub', 'Report 2021.md'),
        '# Widget report\n\nThe widget market grew 12% in 2021 to US$5 billion.\n',
      );
      return makeTestApp({ corpusDir: corpus });
    })();
    try {
      const { documents } = (await (await nested.app.request('/api/documents')).json()) as {
        documents: { docId: string }[];
      };
      expect(documents.map((d) => d.docId)).toEqual(['sub/report-2021']);
      const res = await nested.app.request(`/api/documents/${encodeURIComponent('sub/report-2021')}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        docId: 'sub/report-2021',
        title: 'Widget report',
        path: 'Sub/Report 2021.md',
      });
    } finally {
      await nested.cleanup();
      await fs.rm(corpus, { recursive: true, force: true });
    }
  });
});

describe('unknown routes and methods', () => {
  it('answers 404 with {error:{code,message}}', async () => {
    await expectError(await get('/api/nope'), 404, 'not_found', /\/api\/nope/);
    await expectError(await get('/no/such/page'), 404, 'not_found');
    await expectError(await postJson(t.app, '/api/search', { q: 'x' }), 404, 'not_found', /POST/);
  });
});

describe('POST /api/calc', () => {
  const calc = (body: unknown) => postJson(t.app, '/api/calc', body);

  it('computes a CAGR: 164.84 -> 294.76 over 2011-2020 is 6.67%', async () => {
    const args = { start: 'US$164.84 billion', end: 'US$294.76 billion', startYear: 2011, endYear: 2020 };
    const res = await calc({ op: 'cagr', args });
    expect(res.status).toBe(200);
    const body = await json<{
      op: string;
      value: number;
      display: string;
      unit: string;
      formula: string;
      args: unknown;
    }>(res);
    expect(body).toMatchObject({ op: 'cagr', display: '6.67%', unit: '%', args });
    expect(body.value).toBeCloseTo(((294.76 / 164.84) ** (1 / 9) - 1) * 100, 10);
    expect(body.formula).toContain('1/9');
  });

  it('computes a growth rate: 200 -> 294.76 is 47.38%', async () => {
    const res = await calc({ op: 'growth_rate', args: { from: 200, to: 294.76 } });
    expect(res.status).toBe(200);
    const body = await json<{ value: number; display: string; unit: string }>(res);
    expect(body.value).toBeCloseTo(47.38, 10);
    expect(body).toMatchObject({ display: '47.38%', unit: '%' });
  });

  it('returns exactly what the calculator returns for every operation', async () => {
    const cases: Record<(typeof CALC_OPS)[number], Record<string, unknown>> = {
      growth_rate: { from: 'US$200 billion', to: 'US$294.76 billion' },
      cagr: { start: 164.84, end: 294.76, years: 9 },
      annualized_multiple: { multiple: 10, years: 5 },
      pp_change: { from: '30.6%', to: '44.5%' },
      share: { part: 200, whole: 294.76 },
      implied_whole: { part: 'US$54.56 billion', share: 10 },
      implied_base: { value: '1.69 trillion yuan', growth: 31.1 },
      ratio: { a: 294.76, b: 164.84 },
      difference: { a: 'US$294.76 billion', b: 'US$200 billion' },
      average: { values: ['US$164.84 billion', 'US$200 billion', 'US$294.76 billion'] },
      sum: { values: ['30.6%', '44.5%'] },
      product: { value: '£142', times: 40 },
      project: { value: 'US$294.76 billion', rate: 6.7, years: 5 },
    };
    expect(Object.keys(cases).sort()).toEqual([...CALC_OPS].sort());
    for (const [op, args] of Object.entries(cases)) {
      const res = await calc({ op, args });
      expect(res.status, op).toBe(200);
      expect(await json(res)).toEqual(JSON.parse(JSON.stringify(calculate(op, args))));
    }
  });

  it('rejects invalid arguments with a 400 naming the argument', async () => {
    const bad: [string, Record<string, unknown>, string][] = [
      ['growth_rate', { to: 294.76 }, 'from'],
      ['growth_rate', { from: 0, to: 294.76 }, 'from'],
      ['growth_rate', { from: 'lots', to: 294.76 }, 'from'],
      ['cagr', { start: 164.84, end: 294.76 }, 'years'],
      ['cagr', { start: -1, end: 294.76, years: 9 }, 'start'],
      ['cagr', { start: 164.84, end: 294.76, startYear: 2020, endYear: 2011 }, 'endYear'],
      ['share', { part: 1, whole: 0 }, 'whole'],
      ['ratio', { a: 1, b: 0 }, 'b'],
      ['project', { value: 100, rate: 5, years: -2 }, 'years'],
      ['product', { value: 142, times: 0 }, 'times'],
      ['product', { value: 142 }, 'times'],
      ['implied_base', { value: 100, growth: -100 }, 'growth'],
      ['annualized_multiple', { multiple: 'US$5 billion', years: 5 }, 'multiple'],
      ['average', { values: [1] }, 'values'],
      ['average', {}, 'values'],
      ['sum', { values: ['US$1 billion', '2%'] }, 'values[1]'],
      ['sum', { values: [1, 2, 'lots'] }, 'values[2]'],
    ];
    for (const [op, args, name] of bad) {
      const body = await expectError(await calc({ op, args }), 400, 'invalid_argument');
      expect(body.error.message, `${op} ${JSON.stringify(args)}`).toContain(name);
    }
  });

  it('rejects an unknown operation, a missing args object and extra fields with 400', async () => {
    await expectError(await calc({ op: 'sqrt', args: { x: 4 } }), 400, 'bad_request', /\bop\b/);
    await expectError(await calc({ op: 'growth_rate' }), 400, 'bad_request', /\bargs\b/);
    await expectError(await calc({ op: 'growth_rate', args: [1, 2] }), 400, 'bad_request', /\bargs\b/);
    await expectError(
      await calc({ op: 'growth_rate', args: { from: 1, to: 2 }, verbose: true }),
      400,
      'bad_request',
      /verbose/,
    );
    await expectError(await calc([]), 400, 'bad_request');
  });

  it('answers 415 for a non-JSON content type and 400 for malformed JSON', async () => {
    const body = JSON.stringify({ op: 'growth_rate', args: { from: 1, to: 2 } });
    await expectError(
      await t.app.request('/api/calc', { method: 'POST', headers: { 'content-type': 'text/plain' }, body }),
      415,
      'unsupported_media_type',
    );
    await expectError(
      await t.app.request('/api/calc', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'op=cagr',
      }),
      415,
      'unsupported_media_type',
    );
    await expectError(await t.app.request('/api/calc', { method: 'POST', body }), 415, 'unsupported_media_type');
    await expectError(await postJson(t.app, '/api/calc', '{"op": "cagr", '), 400, 'bad_request', /JSON/);
    await expectError(await postJson(t.app, '/api/calc', ''), 400, 'bad_request', /JSON/);
    // A JSON content type with parameters or a +json suffix is accepted.
    const ok = await t.app.request('/api/calc', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body,
    });
    expect(ok.status).toBe(200);
  });

  it('answers 413 for an oversized body', async () => {
    const huge = JSON.stringify({ op: 'growth_rate', args: { from: 1, to: 2, pad: 'x'.repeat(MAX_BODY_BYTES) } });
    await expectError(await postJson(t.app, '/api/calc', huge), 413, 'payload_too_large');
  });

  it('never returns NaN or Infinity: extreme inputs give a finite value or a 400', async () => {
    const extremes: [string, Record<string, unknown>][] = [
      ['ratio', { a: 1e308, b: 1e-308 }],
      ['growth_rate', { from: 1e-308, to: 1e308 }],
      ['cagr', { start: 1, end: 1e308, years: 1e-300 }],
      ['cagr', { start: 1e-308, end: 0, years: 1 }],
      ['project', { value: 1e300, rate: 1e6, years: 1e6 }],
      ['annualized_multiple', { multiple: 1e308, years: 1e-308 }],
      ['implied_whole', { part: 1e308, share: 1e-308 }],
      ['implied_base', { value: 1e308, growth: -99.9999999999 }],
      ['difference', { a: 1e308, b: -1e308 }],
      ['share', { part: 1e308, whole: 1e-308 }],
      ['pp_change', { from: -1e308, to: 1e308 }],
      ['sum', { values: [1e308, 1e308] }],
      ['average', { values: [1e308, 1e308, -1e-308] }],
      ['average', { values: Array.from({ length: 100 }, () => 1.7e308) }],
      ['growth_rate', { from: 'NaN', to: 1 }],
      ['growth_rate', { from: 'Infinity', to: 1 }],
      ['ratio', { a: '1e999', b: 1 }],
    ];
    for (const [op, args] of extremes) {
      const res = await calc({ op, args });
      const body = (await res.json()) as { value?: number; display?: string; error?: { code: string } };
      if (res.status === 200) {
        expect(Number.isFinite(body.value), `${op} ${JSON.stringify(args)}`).toBe(true);
        expect(body.display).not.toMatch(/NaN|Infinity|∞/);
      } else {
        expect(res.status).toBe(400);
        expect(body.error?.code).toBe('invalid_argument');
      }
    }
  });
});

describe('GET /api/indicators', () => {
  it('lists every figure with offsets pointing at the figure text in its document', async () => {
    const res = await get('/api/indicators');
    expect(res.status).toBe(200);
    const { indicators } = await json<{ indicators: Indicator[] }>(res);
    expect(indicators.length).toBeGreaterThan(10);
    const snapshot = t.kb.require();
    for (const ind of indicators) {
      const doc = await documentOf(ind.docId);
      expect(doc.text.slice(ind.start, ind.end), ind.id).toBe(ind.text);
      expect(Number.isFinite(ind.value)).toBe(true);
      if (ind.chunkId) {
        const chunk = snapshot.chunkById.get(ind.chunkId)!;
        expect(chunk.start).toBeLessThanOrEqual(ind.start);
        expect(chunk.end).toBeGreaterThanOrEqual(ind.end);
      }
    }
    expect(new Set(indicators.map((i) => i.id)).size).toBe(indicators.length);
    const texts = indicators.map((i) => i.text);
    for (const figure of ['US$294.76 billion', '6.7%', '1.69 trillion yuan', '44.5%']) expect(texts).toContain(figure);
  });

  it('filters by q to a non-empty subset that matches the words', async () => {
    const all = (await json<{ indicators: Indicator[] }>(await get('/api/indicators'))).indicators;
    const res = await get('/api/indicators?q=cross-border');
    expect(res.status).toBe(200);
    const { indicators } = await json<{ indicators: Indicator[] }>(res);
    expect(indicators.length).toBeGreaterThan(0);
    expect(indicators.length).toBeLessThan(all.length);
    const ids = new Set(all.map((i) => i.id));
    for (const ind of indicators) {
      expect(ids.has(ind.id)).toBe(true);
      expect(`${ind.name} ${ind.context}`.toLowerCase()).toContain('cross-border');
    }
    expect(indicators.map((i) => i.text)).toContain('1.69 trillion yuan');
    // A blank q means no filter; an over-long q is a 400 naming q.
    expect((await json<{ indicators: Indicator[] }>(await get('/api/indicators?q=%20'))).indicators).toHaveLength(
      all.length,
    );
    await expectError(await get(`/api/indicators?q=${'a'.repeat(201)}`), 400, 'bad_request', /\bq\b/);
  });
});

describe('GET /openapi.json', () => {
  it('documents the API routes', async () => {
    const res = await get('/openapi.json');
    expect(res.status).toBe(200);
    const doc = await json<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> }>(res);
    expect(doc.openapi).toBe('3.1.0');
    for (const p of [
      '/api/chat',
      '/api/chat/stream',
      '/api/search',
      '/api/calc',
      '/api/documents',
      '/api/indicators',
    ]) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect(doc.paths['/api/chat']!.post?.requestBody).toBeDefined();
    expect(doc.paths['/api/chat/stream']!.post?.requestBody).toBeDefined();
    expect(doc.paths['/api/calc']!.post?.requestBody).toBeDefined();
    expect(doc.paths['/api/search']!.get).toBeDefined();
  });
});
