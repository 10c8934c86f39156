import { describe, expect, it } from 'vitest';
import { offlineTable, renderReport, renderSweep, retrievalTable, sweepTable } from '../../src/bench/report/report.js';
import { checkTargets } from '../../src/bench/report/targets.js';
import type { SweepResult } from '../../src/bench/retrieval/hnsw-sweep.js';
import type { BenchReport, RetrievalResult } from '../../src/bench/types.js';

function size(chunks: number, offlineP50: number, offlineP99: number): RetrievalResult {
  return {
    chunks,
    docs: chunks / 10,
    chunkerChunksPerSec: 30_000,
    ingestChunksPerSec: 3_500,
    embedChunksPerSec: 14_000,
    buildMs: 2_000,
    bm25BuildMs: 100,
    writeMs: 50,
    loadMs: 600,
    vectorP50Ms: 1.1,
    vectorP99Ms: 1.5,
    bm25P50Ms: 0.7,
    bm25P99Ms: 1.5,
    hybridP50Ms: 1.9,
    hybridP99Ms: 2.7,
    vectorRecallAt10: 0.86,
    offlineAnswerP50Ms: offlineP50,
    offlineAnswerP99Ms: offlineP99,
    offlineAnswerFirstMs: 900,
    offlineAnswerAbstainedShare: 0.25,
    offlineQuestions: 200,
    rssMb: 800,
    peakRssMb: 1_000,
    rssAfterAnswersMb: 850,
    queries: 200,
    hnsw: { m: 32, efConstruction: 36, efSearch: 240, randomSeed: 100 },
  };
}

const report: BenchReport = {
  machine: { cpus: 2, model: 'Test CPU', node: 'v20.0.0', memGb: 8, platform: 'linux x64' },
  startedAt: '2024-01-01T00:00:00.000Z',
  quick: false,
  seed: 1,
  retrieval: [size(1_000, 1.234, 4.5), size(100_000, 12.345, 31.5)],
  http: {
    helloRps: 50_000,
    searchRps: 5_000,
    chatRps: 900,
    searchRatio: 0.1,
    chatRatio: 0.018,
    helloP99Ms: 0.5,
    searchP99Ms: 5,
    chatP99Ms: 26,
    connections: 10,
    durationSec: 10,
  },
  peers: [],
  offline: {
    chunks: 14,
    questions: 213,
    answers: 639,
    p50Ms: 0.756,
    p99Ms: 3.21,
    meanMs: 0.9,
    firstMs: 40.25,
    abstainedShare: 0.1,
  },
  totalSec: 120,
};

describe('offline answer in the bench report', () => {
  it('renders offline answer p50/p99 as a retrieval column', () => {
    const lines = retrievalTable(report).split('\n');
    const header = lines[0]!.split(' | ');
    const col = header.findIndex((h) => h.includes('offline answer p50/p99 ms'));
    expect(col).toBeGreaterThan(0);
    expect(lines[2]!.split(' | ')[col]).toBe('1.23 / 4.50');
    expect(lines[3]!.split(' | ')[col]).toBe('12.35 / 31.50');
  });

  it('renders the bundled-corpus line and only when measured', () => {
    expect(offlineTable(report.offline!)).toContain(
      '| bundled (corpus/) | 14 | 213 | 639 | 0.76 | 3.21 | 40.3 | 10.0% |',
    );
    const text = renderReport(report, checkTargets(report));
    expect(text).toContain(
      '**Offline answer** (real corpus, 213 eval questions with their history × 3 rounds, k = 5, in process)',
    );
    const { offline: _omit, ...without } = report;
    expect(renderReport(without, checkTargets(without))).not.toContain('**Offline answer**');
  });

  it('checks the offline answer targets', () => {
    const byName = new Map(checkTargets(report).map((c) => [c.name, c]));
    expect(byName.get('offline answer p50 (bundled)')).toMatchObject({
      target: '< 5 ms',
      actual: '0.76 ms',
      met: true,
    });
    expect(byName.get('offline answer p50 @100k')).toMatchObject({ target: '< 20 ms', actual: '12.35 ms', met: true });
    const slow = { ...report, retrieval: [size(100_000, 25, 40)], offline: { ...report.offline!, p50Ms: 6 } };
    const slowBy = new Map(checkTargets(slow).map((c) => [c.name, c]));
    expect(slowBy.get('offline answer p50 (bundled)')?.met).toBe(false);
    expect(slowBy.get('offline answer p50 @100k')?.met).toBe(false);
    const quick = checkTargets({ ...report, retrieval: [size(1_000, 1, 2)], offline: undefined });
    expect(quick.find((c) => c.name === 'offline answer p50 @100k')).toMatchObject({
      actual: 'not measured',
      met: undefined,
    });
  });
});

describe('HNSW settings in the bench report', () => {
  it('shows the parameters each size was searched with', () => {
    const lines = retrievalTable(report).split('\n');
    const col = lines[0]!.split(' | ').indexOf('HNSW M / efC / efS');
    expect(col).toBeGreaterThan(0);
    expect(lines[2]!.split(' | ')[col]).toBe('32 / 36 / 240');
  });

  it('renders one sweep row per graph and search width', () => {
    const row = {
      m: 32,
      efConstruction: 100,
      ingestChunksPerSec: 1234.4,
      buildMs: 81_000,
      vectorP50Ms: 1.234,
      vectorP99Ms: 2.5,
      hybridP50Ms: 2.1,
      hybridP99Ms: 3.456,
    };
    const sweep: SweepResult = {
      chunks: 100_000,
      queries: 200,
      k: 10,
      rows: [
        { ...row, efSearch: 400, vectorRecallAtK: 0.9567 },
        { ...row, efSearch: 800, vectorRecallAtK: 0.98 },
      ],
    };
    const lines = sweepTable(sweep).split('\n');
    expect(lines[0]).toBe(
      '| M | efConstruction | efSearch | ingest chunks/s | recall@10 | vector p50/p99 ms | hybrid p50/p99 ms |',
    );
    expect(lines.slice(2)).toEqual([
      '| 32 | 100 | 400 | 1,234 | 0.957 | 1.23 / 2.50 | 2.10 / 3.46 |',
      '| 32 | 100 | 800 | 1,234 | 0.980 | 1.23 / 2.50 | 2.10 / 3.46 |',
    ]);
    const text = renderSweep(report.machine, 7, [sweep], 300);
    expect(text).toContain('HNSW sweep, seed 7, 300 s.');
    expect(text).toContain('**HNSW sweep** at 100,000 chunks (200 queries, k = 10; latency in the building process)');
  });
});
