import type { BenchReport } from '../types.js';

/** One target of issue 7 and whether this run met it. */
export interface TargetCheck {
  name: string;
  target: string;
  actual: string;
  /** Undefined when the run did not measure it (e.g. `--quick` has no 100k size). */
  met: boolean | undefined;
}

const TARGET_CHUNKS = 100_000;

/** Checks a report against the targets: 100k-chunk retrieval, offline answer latency, chat throughput ratio, recall@5 against the peers. */
export function checkTargets(report: BenchReport): TargetCheck[] {
  const big = report.retrieval.find((r) => r.chunks === TARGET_CHUNKS);
  const at = (
    name: string,
    target: string,
    value: number | undefined,
    ok: (v: number) => boolean,
    unit: string,
    digits = 2,
  ): TargetCheck => ({
    name,
    target,
    actual:
      value === undefined
        ? 'not measured'
        : `${digits === 0 ? Math.round(value).toLocaleString('en-US') : value.toFixed(digits)}${unit}`,
    met: value === undefined ? undefined : ok(value),
  });
  const ours = report.peers.find((p) => p.name === 'citecheck hybrid');
  const others = report.peers.filter((p) => !p.name.startsWith('citecheck'));
  const bestPeer = others.length ? Math.max(...others.map((p) => p.recallAt5)) : undefined;
  return [
    at('hybrid p50 @100k', '< 3 ms', big?.hybridP50Ms, (v) => v < 3, ' ms'),
    at('offline answer p50 (bundled)', '< 5 ms', report.offline?.p50Ms, (v) => v < 5, ' ms'),
    at('offline answer p50 @100k', '< 20 ms', big?.offlineAnswerP50Ms, (v) => v < 20, ' ms'),
    at('vector recall@10 @100k', '>= 0.98', big?.vectorRecallAt10, (v) => v >= 0.98, '', 3),
    at('ingest @100k', '>= 2,000 chunks/s', big?.ingestChunksPerSec, (v) => v >= 2000, ' chunks/s', 0),
    at('load @100k', '< 1 s', big?.loadMs, (v) => v < 1000, ' ms', 0),
    at('RSS @100k', '< 1 GiB', big?.rssMb, (v) => v < 1024, ' MB', 0),
    at('offline chat / hello rps', '>= 25%', report.http.chatRatio * 100, (v) => v >= 25, '%', 1),
    {
      name: 'recall@5 vs peers',
      target: 'above LangChain and Orama',
      actual:
        ours && bestPeer !== undefined
          ? `${ours.recallAt5.toFixed(3)} vs best peer ${bestPeer.toFixed(3)}`
          : 'not measured',
      met: ours && bestPeer !== undefined ? ours.recallAt5 > bestPeer : undefined,
    },
  ];
}
