import { register as globalRegistry, validateMetricName } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { HTTP_DURATION_BUCKETS, type IndexSample, METRIC_PREFIX, Metrics } from '../../src/metrics/metrics.js';
import { buildIdTime, newBuildId } from '../../src/retrieval/index-layout.js';
import { parseExposition, samplesOf, sampleValue, typesOf } from '../helpers/prometheus.js';

const quiet = () => new Metrics({ processMetrics: false });

async function scrape(metrics: Metrics) {
  const { body, contentType } = await metrics.scrape();
  return { body, contentType, samples: parseExposition(body) };
}

const index = (buildId: string, chunks = 3, docs = 2): IndexSample =>
  ({ buildId, chunks: Array.from({ length: chunks }), docs: Array.from({ length: docs }) }) as unknown as IndexSample;

describe('Metrics', () => {
  it('counts answers by mode and abstention, and checks by status', async () => {
    const m = quiet();
    m.recordAnswer('offline', false, [{ status: 'computed' }, { status: 'verified' }, { status: 'verified' }]);
    m.recordAnswer('offline', true, []);
    m.recordAnswer('llm', false, [{ status: 'mismatch' }, { status: 'approximate' }, { status: 'unverified' }]);
    const { samples } = await scrape(m);
    expect(sampleValue(samples, 'citecheck_answers_total', { mode: 'offline', abstained: 'false' })).toBe(1);
    expect(sampleValue(samples, 'citecheck_answers_total', { mode: 'offline', abstained: 'true' })).toBe(1);
    expect(sampleValue(samples, 'citecheck_answers_total', { mode: 'llm', abstained: 'false' })).toBe(1);
    expect(sampleValue(samples, 'citecheck_answer_checks_total', { status: 'verified' })).toBe(2);
    for (const status of ['computed', 'mismatch', 'approximate', 'unverified']) {
      expect(sampleValue(samples, 'citecheck_answer_checks_total', { status }), status).toBe(1);
    }
  });

  it('counts HTTP responses and fills the latency histogram per method, route and status', async () => {
    const m = quiet();
    m.observeHttp('POST', '/api/chat', 200, 0.004);
    m.observeHttp('POST', '/api/chat', 200, 0.2);
    m.observeHttp('POST', '/api/chat', 400, 0.001);
    m.observeHttp('BREW', 'unmatched', 404, 0.001);
    const { samples } = await scrape(m);
    const ok = { method: 'POST', route: '/api/chat', status: '200' };
    expect(sampleValue(samples, 'citecheck_http_requests_total', ok)).toBe(2);
    expect(sampleValue(samples, 'citecheck_http_requests_total', { ...ok, status: '400' })).toBe(1);
    expect(
      sampleValue(samples, 'citecheck_http_requests_total', { method: 'OTHER', route: 'unmatched', status: '404' }),
    ).toBe(1);
    expect(sampleValue(samples, 'citecheck_http_request_duration_seconds_count', ok)).toBe(2);
    expect(sampleValue(samples, 'citecheck_http_request_duration_seconds_sum', ok)).toBeCloseTo(0.204, 6);
    const buckets = samplesOf(samples, 'citecheck_http_request_duration_seconds_bucket', ok);
    expect(buckets.map((b) => b.labels.le)).toEqual([...HTTP_DURATION_BUCKETS.map(String), '+Inf']);
    const bucket = (le: string) => buckets.find((b) => b.labels.le === le)?.value;
    expect(bucket('0.005')).toBe(1);
    expect(bucket('0.1')).toBe(1);
    expect(bucket('0.25')).toBe(2);
    expect(bucket('+Inf')).toBe(2);
  });

  it('counts model retries, fallbacks and call durations, rate-limit refusals, Slack and reindex outcomes', async () => {
    const m = quiet();
    m.recordLlmRetry();
    m.recordLlmRetry();
    m.recordLlmFallback();
    m.observeLlmCall('ok', 1.5);
    m.observeLlmCall('error', 0.2);
    m.recordRateLimited('answering');
    m.recordSlackEvent('answered');
    m.recordSlackEvent('duplicate');
    m.recordSlackCommand('answered');
    m.recordReindex('succeeded');
    m.recordReindex('failed');
    const { samples } = await scrape(m);
    expect(sampleValue(samples, 'citecheck_llm_retries_total')).toBe(2);
    expect(sampleValue(samples, 'citecheck_llm_fallbacks_total')).toBe(1);
    expect(sampleValue(samples, 'citecheck_llm_request_duration_seconds_count', { outcome: 'ok' })).toBe(1);
    expect(sampleValue(samples, 'citecheck_llm_request_duration_seconds_bucket', { outcome: 'ok', le: '1' })).toBe(0);
    expect(sampleValue(samples, 'citecheck_llm_request_duration_seconds_bucket', { outcome: 'ok', le: '2.5' })).toBe(1);
    expect(sampleValue(samples, 'citecheck_llm_request_duration_seconds_count', { outcome: 'error' })).toBe(1);
    expect(sampleValue(samples, 'citecheck_rate_limited_total', { budget: 'answering' })).toBe(1);
    expect(sampleValue(samples, 'citecheck_slack_events_total', { outcome: 'answered' })).toBe(1);
    expect(sampleValue(samples, 'citecheck_slack_events_total', { outcome: 'duplicate' })).toBe(1);
    expect(sampleValue(samples, 'citecheck_slack_commands_total', { outcome: 'answered' })).toBe(1);
    expect(sampleValue(samples, 'citecheck_reindex_runs_total', { outcome: 'succeeded' })).toBe(1);
    expect(sampleValue(samples, 'citecheck_reindex_runs_total', { outcome: 'failed' })).toBe(1);
  });

  it('reports the served index: chunks, documents, build id as a label and build age, read at each scrape', async () => {
    let now = Date.UTC(2026, 0, 2, 0, 0, 0);
    const m = new Metrics({ processMetrics: false, now: () => now });
    let served: IndexSample | undefined;
    m.watchIndex(() => served);
    let { samples } = await scrape(m);
    expect(samplesOf(samples, 'citecheck_index_info')).toEqual([]);
    expect(sampleValue(samples, 'citecheck_index_chunks')).toBe(0);
    expect(sampleValue(samples, 'citecheck_index_documents')).toBe(0);
    expect(sampleValue(samples, 'citecheck_index_build_age_seconds')).toBeNaN();

    const first = '20260101T235930000Z-42-9f3a1c2e';
    served = index(first, 14, 3);
    ({ samples } = await scrape(m));
    expect(samplesOf(samples, 'citecheck_index_info')).toEqual([
      { name: 'citecheck_index_info', labels: { build_id: first }, value: 1 },
    ]);
    expect(sampleValue(samples, 'citecheck_index_chunks')).toBe(14);
    expect(sampleValue(samples, 'citecheck_index_documents')).toBe(3);
    expect(sampleValue(samples, 'citecheck_index_build_age_seconds')).toBeCloseTo(30, 1);

    const second = '20260102T000000000Z-42-0badc0de';
    served = index(second, 20, 4);
    now += 5000;
    ({ samples } = await scrape(m));
    expect(samplesOf(samples, 'citecheck_index_info').map((s) => s.labels.build_id)).toEqual([second]);
    expect(sampleValue(samples, 'citecheck_index_chunks')).toBe(20);
    expect(sampleValue(samples, 'citecheck_index_build_age_seconds')).toBeCloseTo(5, 1);

    served = index('test');
    ({ samples } = await scrape(m));
    expect(samplesOf(samples, 'citecheck_index_info').map((s) => s.labels.build_id)).toEqual(['test']);
    expect(sampleValue(samples, 'citecheck_index_build_age_seconds')).toBeNaN();
  });

  it('exports 0 for every known label combination before anything happened', async () => {
    const { samples } = await scrape(quiet());
    for (const mode of ['offline', 'llm']) {
      for (const abstained of ['true', 'false'])
        expect(sampleValue(samples, 'citecheck_answers_total', { mode, abstained })).toBe(0);
    }
    for (const status of ['verified', 'mismatch', 'approximate', 'computed', 'unverified']) {
      expect(sampleValue(samples, 'citecheck_answer_checks_total', { status }), status).toBe(0);
    }
    for (const budget of ['answering', 'feedback', 'api'])
      expect(sampleValue(samples, 'citecheck_rate_limited_total', { budget })).toBe(0);
    for (const outcome of ['answered', 'duplicate', 'ignored'])
      expect(sampleValue(samples, 'citecheck_slack_events_total', { outcome })).toBe(0);
    for (const outcome of ['succeeded', 'failed'])
      expect(sampleValue(samples, 'citecheck_reindex_runs_total', { outcome })).toBe(0);
    expect(sampleValue(samples, 'citecheck_llm_request_duration_seconds_count', { outcome: 'error' })).toBe(0);
    expect(sampleValue(samples, 'citecheck_llm_retries_total')).toBe(0);
    expect(samplesOf(samples, 'citecheck_http_requests_total')).toEqual([]);
  });

  it('uses its own registry: instances are independent and the global default registry stays empty', async () => {
    const a = quiet();
    const b = quiet();
    a.recordLlmFallback();
    expect(sampleValue((await scrape(a)).samples, 'citecheck_llm_fallbacks_total')).toBe(1);
    expect(sampleValue((await scrape(b)).samples, 'citecheck_llm_fallbacks_total')).toBe(0);
    expect(a.registry).not.toBe(globalRegistry);
    expect(await globalRegistry.getMetricsAsJSON()).toEqual([]);
  });

  it('exports the Node.js process metrics unless turned off', async () => {
    const withProcess = await scrape(new Metrics());
    // A counter of CPU time since the collector started: present, though it may still read 0 on a busy machine.
    expect(samplesOf(withProcess.samples, 'process_cpu_user_seconds_total').length).toBe(1);
    expect(sampleValue(withProcess.samples, 'process_cpu_user_seconds_total')).toBeGreaterThanOrEqual(0);
    expect(samplesOf(withProcess.samples, 'nodejs_heap_size_used_bytes').length).toBe(1);
    expect(samplesOf(withProcess.samples, 'nodejs_eventloop_lag_seconds').length).toBe(1);
    const without = await scrape(quiet());
    expect(samplesOf(without.samples, 'process_cpu_user_seconds_total')).toEqual([]);
  });

  it('serves the Prometheus text format with conventional, prefixed names', async () => {
    const { contentType, body } = await scrape(quiet());
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const types = typesOf(body);
    expect(types.size).toBeGreaterThan(10);
    for (const [name, type] of types) {
      expect(validateMetricName(name), name).toBe(true);
      expect(name.startsWith(METRIC_PREFIX), name).toBe(true);
      if (type === 'counter') expect(name, name).toMatch(/_total$/);
      if (type === 'histogram') expect(name, name).toMatch(/_seconds$/);
    }
  });
});

describe('buildIdTime', () => {
  it('reads the time back from a build id and refuses other names', () => {
    const at = Date.UTC(2031, 6, 14, 9, 8, 7, 654);
    expect(buildIdTime(newBuildId(at))).toBe(at);
    expect(buildIdTime('test')).toBeUndefined();
    expect(buildIdTime('')).toBeUndefined();
    expect(buildIdTime('20251399T990000000Z-1-abcdef01')).toBeUndefined();
  });
});
