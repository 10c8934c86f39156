import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { renderSoakReport } from '../../src/soak/report.js';
import { runSoak } from '../../src/soak/run-soak.js';
import { chatRequests, searchRequests } from '../../src/soak/workload.js';
import { makeTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t?.cleanup());

describe('soak', () => {
  it('uses only requests the API answers with 200', async () => {
    for (const r of [...chatRequests(), ...searchRequests()]) {
      const res = await t.app.request(r.path, { method: r.method, ...(r.body ? { body: r.body, headers: { 'content-type': 'application/json' } } : {}) });
      expect(res.status, `${r.method} ${r.path} ${r.body ?? ''}`).toBe(200);
    }
  });

  it('runs a short bounded load on loopback and reports latency, errors and memory', async () => {
    const result = await runSoak({ config: t.config, logger: pino({ level: 'silent' }), durationSec: 1, connections: 4 });
    expect(result.failures).toBe(0);
    expect(result.routes.chat.requests).toBeGreaterThan(0);
    expect(result.routes.search.requests).toBeGreaterThan(0);
    expect(result.routes.chat.p99Ms).toBeGreaterThan(0);
    expect(result.memory.end.rssMiB).toBeGreaterThan(0);
    const text = renderSoakReport(result);
    expect(text).toMatch(/\/api\/chat\s+[\d,]+/);
    expect(text).toMatch(/RSS: start [\d.]+ MiB, end [\d.]+ MiB, peak [\d.]+ MiB/);
    expect(text).toContain('result: ok');
  }, 30_000);
});
