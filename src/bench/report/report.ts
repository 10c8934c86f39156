import { ANSWER_K } from '../answer/offline-answer.js';
import type { SweepResult } from '../retrieval/hnsw-sweep.js';
import type { BenchReport, BundledOfflineResult, MachineInfo, RetrievalResult } from '../types.js';
import type { TargetCheck } from './targets.js';

/** A Markdown table from a header row and body rows. */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const f = (v: number, digits = 2) => (Number.isFinite(v) ? v.toFixed(digits) : '-');
const int = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '-');
const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '-');
const ms = (v: number) => (v < 1 ? '<1' : f(v, 0));

/** The store a row was measured on, with the vector backend when it is not the in-memory graph of the embedded store. */
export function storeLabel(r: Pick<RetrievalResult, 'store' | 'vectorBackend'>): string {
  const store = r.store ?? 'embedded';
  return store === 'postgres' ? `postgres (${r.vectorBackend ?? 'hnswlib'})` : store;
}

/** Retrieval results by corpus size. */
export function retrievalTable(report: BenchReport): string {
  return markdownTable(
    [
      'store',
      'chunks',
      'HNSW M / efC / efS',
      'ingest chunks/s',
      'embed chunks/s',
      'build ms',
      'write ms',
      'load ms',
      'vector p50/p99 ms',
      'BM25 p50/p99 ms',
      'hybrid p50/p99 ms',
      'offline answer p50/p99 ms',
      'recall@10',
      'RSS MB (build peak)',
    ],
    report.retrieval.map((r) => [
      storeLabel(r),
      int(r.chunks),
      `${r.hnsw.m} / ${r.hnsw.efConstruction} / ${r.hnsw.efSearch}`,
      int(r.ingestChunksPerSec),
      int(r.embedChunksPerSec),
      int(r.buildMs),
      int(r.writeMs),
      int(r.loadMs),
      `${f(r.vectorP50Ms)} / ${f(r.vectorP99Ms)}`,
      `${f(r.bm25P50Ms)} / ${f(r.bm25P99Ms)}`,
      `${f(r.hybridP50Ms)} / ${f(r.hybridP99Ms)}`,
      `${f(r.offlineAnswerP50Ms)} / ${f(r.offlineAnswerP99Ms)}`,
      f(r.vectorRecallAt10, 3),
      `${int(r.rssMb)} (${int(r.peakRssMb)})`,
    ]),
  );
}

/** Offline answer latency on the bundled corpus. */
export function offlineTable(o: BundledOfflineResult): string {
  return markdownTable(
    [
      'corpus',
      'chunks',
      'questions',
      'answers timed',
      'offline answer p50 ms',
      'p99 ms',
      'first answer ms',
      'abstained',
    ],
    [
      [
        'bundled (corpus/)',
        int(o.chunks),
        int(o.questions),
        int(o.answers),
        f(o.p50Ms),
        f(o.p99Ms),
        f(o.firstMs, 1),
        pct(o.abstainedShare),
      ],
    ],
  );
}

/** HTTP throughput, ratios to hello-world and the LLM-mode overhead. */
export function httpTable(report: BenchReport): string {
  const h = report.http;
  const rows = [
    ['hello world (same app)', int(h.helloRps), ms(h.helloP99Ms), pct(1)],
    ['GET /api/search', int(h.searchRps), ms(h.searchP99Ms), pct(h.searchRatio)],
    ['POST /api/chat (offline)', int(h.chatRps), ms(h.chatP99Ms), pct(h.chatRatio)],
  ];
  if (h.llm)
    rows.push(['POST /api/chat (LLM, fake upstream)', int(h.llm.rps), ms(h.llm.p99Ms), pct(h.llm.rps / h.helloRps)]);
  const table = markdownTable(['route', 'req/s', 'p99 ms', 'of hello req/s'], rows);
  if (!h.llm) return table;
  const l = h.llm;
  return (
    `${table}\n\nLLM mode, one request at a time: /api/chat p50 ${f(l.chatP50Ms)} ms, the upstream alone p50 ${f(l.upstreamP50Ms)} ms ` +
    `× ${f(l.upstreamCallsPerRequest, 1)} call(s) per answer → the service adds ${f(l.overheadP50Ms)} ms per request ` +
    `(${pct(l.llmModeShare)} answered by the model).`
  );
}

/** Recall and latency of each retrieval system on the eval questions. */
export function peersTable(report: BenchReport): string {
  return markdownTable(
    ['system', 'recall@5', 'recall@1', 'p50 ms', 'p99 ms'],
    report.peers.map((p) => [p.name, f(p.recallAt5, 3), f(p.recallAt1, 3), f(p.p50Ms, 3), f(p.p99Ms, 3)]),
  );
}

/** Targets with met / missed. */
export function targetsTable(checks: readonly TargetCheck[]): string {
  return markdownTable(
    ['target', 'goal', 'measured', ''],
    checks.map((c) => [c.name, c.target, c.actual, c.met === undefined ? '-' : c.met ? 'met' : 'missed']),
  );
}

/** The whole report as Markdown (console output and the README section). */
export function renderReport(report: BenchReport, checks: readonly TargetCheck[]): string {
  const m = report.machine;
  return [
    `Machine: ${m.cpus} × ${m.model}, ${m.memGb} GiB, Node ${m.node}, ${m.platform}; ${report.quick ? 'quick' : 'full'} run, seed ${report.seed}, ${f(report.totalSec, 0)} s.`,
    '',
    report.store === 'postgres'
      ? '**Retrieval** (synthetic corpus, postgres store: ingest counts the build and its save to PostgreSQL, load is `PgSharedBuilds.loadCurrent`; latency over the loaded build, k = 10)'
      : '**Retrieval** (synthetic corpus, embedded store; latency over the loaded index, k = 10)',
    '',
    retrievalTable(report),
    '',
    ...(report.offline
      ? [
          `**Offline answer** (real corpus, ${report.offline.questions} eval questions with their history × ${f(report.offline.answers / report.offline.questions, 0)} rounds, k = ${ANSWER_K}, in process)`,
          '',
          offlineTable(report.offline),
          '',
        ]
      : []),
    `**HTTP** (autocannon, ${report.http.connections} connections, ${report.http.durationSec} s per route, loopback)`,
    '',
    httpTable(report),
    '',
    `**Retrieval quality** (${report.peers[0]?.questions ?? 0} eval questions, real corpus, same embedder)`,
    '',
    peersTable(report),
    '',
    '**Targets**',
    '',
    targetsTable(checks),
  ].join('\n');
}

/** HNSW sweep rows: per graph and search width, build rate, recall and query latency. */
export function sweepTable(result: SweepResult): string {
  return markdownTable(
    [
      'M',
      'efConstruction',
      'efSearch',
      'ingest chunks/s',
      `recall@${result.k}`,
      'vector p50/p99 ms',
      'hybrid p50/p99 ms',
    ],
    result.rows.map((r) => [
      String(r.m),
      String(r.efConstruction),
      String(r.efSearch),
      int(r.ingestChunksPerSec),
      f(r.vectorRecallAtK, 3),
      `${f(r.vectorP50Ms)} / ${f(r.vectorP99Ms)}`,
      `${f(r.hybridP50Ms)} / ${f(r.hybridP99Ms)}`,
    ]),
  );
}

/** A sweep run as Markdown: the machine, then one table per corpus size. */
export function renderSweep(
  machine: MachineInfo,
  seed: number,
  results: readonly SweepResult[],
  totalSec: number,
): string {
  return [
    `Machine: ${machine.cpus} × ${machine.model}, ${machine.memGb} GiB, Node ${machine.node}, ${machine.platform}; HNSW sweep, seed ${seed}, ${f(totalSec, 0)} s.`,
    ...results.flatMap((r) => [
      '',
      `**HNSW sweep** at ${int(r.chunks)} chunks (${r.queries} queries, k = ${r.k}; latency in the building process)`,
      '',
      sweepTable(r),
    ]),
  ].join('\n');
}
