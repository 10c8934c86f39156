import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, postJson, type TestApp } from '../helpers/app.js';
import { parseExposition, type Sample, samplesOf, sampleValue } from '../helpers/prometheus.js';

const TOKEN = 'metrics-test-token-5d1c';
const AUTH = { authorization: `Bearer ${TOKEN}` };
/** A word no document, route or label contains, so its absence from the scrape proves user text is kept out. */
const UNIQUE = 'zorblaxquintet';

let t: TestApp;

beforeAll(async () => {
  t = await makeTestApp({ env: { METRICS_TOKEN: TOKEN } });
});
afterAll(() => t?.cleanup());

async function scrape(app = t.app): Promise<{ text: string; samples: Sample[] }> {
  const res = await app.request('/metrics', { headers: AUTH });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const text = await res.text();
  return { text, samples: parseExposition(text) };
}

describe('GET /metrics', () => {
  it('counts chat requests by route and status, with latency histograms and answer outcomes', async () => {
    const before = (await scrape()).samples;
    const answered = await postJson(t.app, '/api/chat', {
      question: 'How much did digital service trade grow from 2011 to 2020?',
    });
    expect(answered.status).toBe(200);
    const answer = (await answered.json()) as { abstained: boolean; checks: { status: string }[] };
    expect(answer.abstained).toBe(false);
    const abstention = await postJson(t.app, '/api/chat', { question: 'What was the population of Atlantis in 1850?' });
    expect(abstention.status).toBe(200);
    expect(((await abstention.json()) as { abstained: boolean }).abstained).toBe(true);
    const invalid = await postJson(t.app, '/api/chat', { question: '' });
    expect(invalid.status).toBe(400);

    const { samples } = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      (sampleValue(samples, name, labels) ?? 0) - (sampleValue(before, name, labels) ?? 0);
    const ok = { method: 'POST', route: '/api/chat', status: '200' };
    const bad = { ...ok, status: '400' };
    expect(delta('citecheck_http_requests_total', ok)).toBe(2);
    expect(delta('citecheck_http_requests_total', bad)).toBe(1);
    expect(delta('citecheck_http_request_duration_seconds_count', ok)).toBe(2);
    expect(sampleValue(samples, 'citecheck_http_request_duration_seconds_sum', ok)).toBeGreaterThan(0);
    const buckets = samplesOf(samples, 'citecheck_http_request_duration_seconds_bucket', ok);
    expect(buckets.at(-1)).toMatchObject({
      labels: { le: '+Inf' },
      value: sampleValue(samples, 'citecheck_http_request_duration_seconds_count', ok),
    });
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.value).toBeGreaterThanOrEqual(buckets[i - 1]!.value);
    expect(delta('citecheck_http_request_duration_seconds_bucket', { ...bad, le: '+Inf' })).toBe(1);

    expect(delta('citecheck_answers_total', { mode: 'offline', abstained: 'false' })).toBe(1);
    expect(delta('citecheck_answers_total', { mode: 'offline', abstained: 'true' })).toBe(1);
    expect(sampleValue(samples, 'citecheck_answers_total', { mode: 'llm', abstained: 'false' })).toBe(0);
    expect(answer.checks.length).toBeGreaterThan(0);
    for (const status of new Set(answer.checks.map((c) => c.status))) {
      const expected = answer.checks.filter((c) => c.status === status).length;
      expect(delta('citecheck_answer_checks_total', { status }), status).toBe(expected);
    }
  });

  it('labels requests with the matched route pattern, never the raw path', async () => {
    const doc = await t.app.request(`/api/documents/${UNIQUE}-doc`);
    expect(doc.status).toBe(404);
    const unknown = await t.app.request(`/nowhere/${UNIQUE}`);
    expect(unknown.status).toBe(404);
    await t.app.request('/healthz');
    const { samples } = await scrape();
    expect(
      sampleValue(samples, 'citecheck_http_requests_total', {
        method: 'GET',
        route: '/api/documents/:docId',
        status: '404',
      }),
    ).toBe(1);
    expect(
      sampleValue(samples, 'citecheck_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sampleValue(samples, 'citecheck_http_requests_total', { method: 'GET', route: '/healthz', status: '200' }),
    ).toBeGreaterThanOrEqual(1);
    const routes = new Set(samplesOf(samples, 'citecheck_http_requests_total').map((s) => s.labels.route));
    for (const route of routes) expect(route, route).toMatch(/^(\/[\w/:.*-]*|unmatched)$/);
  });

  it('never puts user text in the output', async () => {
    const word = `${UNIQUE}${Date.now()}`;
    expect(
      (await postJson(t.app, '/api/chat', { question: `What does ${word} say about digital trade?` })).status,
    ).toBe(200);
    expect((await postJson(t.app, '/api/chat', { question: `${word} `.repeat(200) })).status).toBe(400);
    expect((await t.app.request(`/api/search?q=${word}`)).status).toBe(200);
    expect((await t.app.request(`/api/${word}?${word}=1`)).status).toBe(404);
    expect((await t.app.request('/healthz', { headers: { 'x-request-id': word, 'user-agent': word } })).status).toBe(
      200,
    );
    const body = { model: word, messages: [{ role: 'user', content: `Is ${word} mentioned?` }] };
    expect((await postJson(t.app, '/v1/chat/completions', body)).status).toBe(200);
    const { text } = await scrape();
    expect(text).not.toContain(word);
    expect(text).not.toContain(UNIQUE);
    expect(text).not.toContain(TOKEN);
  });

  it('exports the served index, its build id and age, and the process metrics', async () => {
    const { samples } = await scrape();
    const served = t.kb.require();
    expect(samplesOf(samples, 'citecheck_index_info')).toEqual([
      { name: 'citecheck_index_info', labels: { build_id: served.buildId }, value: 1 },
    ]);
    expect(sampleValue(samples, 'citecheck_index_chunks')).toBe(served.chunks.length);
    expect(sampleValue(samples, 'citecheck_index_documents')).toBe(served.docs.length);
    const age = sampleValue(samples, 'citecheck_index_build_age_seconds')!;
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(3600);
    expect(sampleValue(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(samplesOf(samples, 'nodejs_eventloop_lag_seconds')).toHaveLength(1);
  });

  it('counts reindex runs and reports the new build', async () => {
    const previous = t.kb.require().buildId;
    const report = await t.kb.reindex().done;
    expect(report.state).toBe('succeeded');
    const { samples } = await scrape();
    expect(sampleValue(samples, 'citecheck_reindex_runs_total', { outcome: 'succeeded' })).toBe(1);
    const ids = samplesOf(samples, 'citecheck_index_info').map((s) => s.labels.build_id);
    expect(ids).toEqual([report.buildId]);
    expect(ids).not.toContain(previous);
  });

  it('requires the bearer token: 401 JSON without it or with a wrong one', async () => {
    const cases: Record<string, string>[] = [
      {},
      { authorization: 'Bearer wrong-token' },
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: TOKEN },
      { authorization: `Basic ${Buffer.from(`user:${TOKEN}`).toString('base64')}` },
    ];
    for (const headers of cases) {
      const res = await t.app.request('/metrics', { headers });
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
      expect(await res.json()).toEqual({
        error: { code: 'unauthorized', message: expect.stringContaining('METRICS_TOKEN') },
      });
    }
    expect((await t.app.request('/metrics', { headers: { authorization: `bearer ${TOKEN}` } })).status).toBe(200);
  });
});

describe('GET /metrics when METRICS_TOKEN is unset', () => {
  it('is a 404 JSON like any unknown route', async () => {
    const off = await makeTestApp();
    try {
      for (const headers of [{}, AUTH]) {
        const res = await off.app.request('/metrics', { headers });
        expect(res.status).toBe(404);
        expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No route for GET /metrics' } });
      }
    } finally {
      await off.cleanup();
    }
  });
});

describe('GET /metrics and the rate limit', () => {
  it('is never rate-limited, and counts the refusals of the routes that are', async () => {
    const limited = await makeTestApp({ env: { METRICS_TOKEN: TOKEN, RATE_LIMIT_PER_MIN: '2' } });
    try {
      const search = () => limited.app.request('/api/search?q=trade');
      expect((await search()).status).toBe(200);
      expect((await search()).status).toBe(200);
      expect((await search()).status).toBe(429);
      const chat = () => postJson(limited.app, '/api/chat', { question: 'What is digital trade?' });
      expect((await chat()).status).toBe(200);
      expect((await chat()).status).toBe(200);
      expect((await chat()).status).toBe(429);
      for (let i = 0; i < 10; i++) await scrape(limited.app);
      const { samples } = await scrape(limited.app);
      expect(sampleValue(samples, 'citecheck_rate_limited_total', { budget: 'api' })).toBe(1);
      expect(sampleValue(samples, 'citecheck_rate_limited_total', { budget: 'answering' })).toBe(1);
      expect(
        sampleValue(samples, 'citecheck_http_requests_total', { method: 'GET', route: '/api/search', status: '429' }),
      ).toBe(1);
      expect(
        sampleValue(samples, 'citecheck_http_requests_total', { method: 'POST', route: '/api/chat', status: '429' }),
      ).toBe(1);
      // The scrape being answered is counted once its response is ready, so this one sees the ten before it.
      expect(
        sampleValue(samples, 'citecheck_http_requests_total', { method: 'GET', route: '/metrics', status: '200' }),
      ).toBe(10);
    } finally {
      await limited.cleanup();
    }
  });
});
