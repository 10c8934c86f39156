import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSoakReport } from '../../src/soak/report.js';
import { runSoak } from '../../src/soak/run-soak.js';
import { chatRequests, loadWorkload, searchRequests } from '../../src/soak/workload.js';
import { makeTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t?.cleanup());

describe('soak workload', () => {
  const dir = mkdtempSync(join(tmpdir(), 'soak-workload-'));
  const file = (name: string, body: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
    return path;
  };

  it('reads the bundled corpus workload from eval/ with chat questions, follow-ups and search queries', () => {
    const w = loadWorkload();
    expect(w.questions.length).toBeGreaterThanOrEqual(10);
    expect(w.questions.some((q) => q.history?.length)).toBe(true);
    expect(w.queries.length).toBeGreaterThanOrEqual(5);
    expect(chatRequests()).toHaveLength(w.questions.length);
    expect(searchRequests().map((r) => r.path)[0]).toMatch(/^\/api\/search\?q=.+&k=3$/);
  });

  it('turns any workload file into chat and search requests', () => {
    const w = loadWorkload(
      file('ok.json', {
        questions: [{ question: 'Who won?', history: [{ role: 'user', content: 'Hi' }] }],
        queries: ['harbour', 'ferry'],
      }),
    );
    expect(chatRequests(w)).toEqual([
      { method: 'POST', path: '/api/chat', body: '{"question":"Who won?","history":[{"role":"user","content":"Hi"}]}' },
    ]);
    expect(searchRequests(w).map((r) => r.path)).toEqual(['/api/search?q=harbour&k=3', '/api/search?q=ferry&k=4']);
  });

  it('rejects an invalid workload naming the file', () => {
    const bad = file('bad.json', { questions: [], queries: ['x'] });
    expect(() => loadWorkload(bad)).toThrow(/bad\.json: questions/);
    expect(() => loadWorkload(file('broken.json', '{'))).toThrow(/broken\.json/);
  });
});

describe('soak', () => {
  it('uses only requests the API answers with 200', async () => {
    for (const r of [...chatRequests(), ...searchRequests()]) {
      const res = await t.app.request(r.path, {
        method: r.method,
        ...(r.body ? { body: r.body, headers: { 'content-type': 'application/json' } } : {}),
      });
      expect(res.status, `${r.method} ${r.path} ${r.body ?? ''}`).toBe(200);
    }
  });

  it('runs a short bounded load on loopback and reports latency, errors and memory', async () => {
    const result = await runSoak({
      config: t.config,
      logger: pino({ level: 'silent' }),
      durationSec: 1,
      connections: 4,
    });
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
