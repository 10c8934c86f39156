import autocannon from 'autocannon';
import type { SoakRequest } from './workload.js';

/** What the parent asks a load child to do. */
export interface LoadJob {
  url: string;
  requests: SoakRequest[];
  connections: number;
  durationSec: number;
}

/** What a load child reports back. */
export interface LoadSummary {
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Slowest first request of a connection (it includes waiting to be accepted by a saturated server). */
  firstRequestMaxMs: number;
  /** Slowest of all other requests. */
  steadyMaxMs: number;
  statusCodes: Record<string, number>;
}

/** Runs autocannon (keep-alive, no pipelining) for one route mix and summarises it. */
export async function runJob(job: LoadJob): Promise<LoadSummary> {
  const served = new Map<unknown, number>();
  let firstRequestMaxMs = 0;
  let steadyMaxMs = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const options: autocannon.Options = {
      url: job.url,
      connections: job.connections,
      duration: job.durationSec,
      timeout: 30,
      requests: job.requests.map((r) => ({
        method: r.method,
        path: r.path,
        ...(r.body === undefined ? {} : { body: r.body, headers: { 'content-type': 'application/json' } }),
      })),
    };
    const instance = autocannon(options, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (client: unknown, _status: number, _bytes: number, ms: number) => {
      const n = (served.get(client) ?? 0) + 1;
      served.set(client, n);
      if (n === 1) firstRequestMaxMs = Math.max(firstRequestMaxMs, ms);
      else steadyMaxMs = Math.max(steadyMaxMs, ms);
    });
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, (s as { count: number }).count]),
  );
  return {
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    firstRequestMaxMs: Math.round(firstRequestMaxMs),
    steadyMaxMs: Math.round(steadyMaxMs),
    statusCodes,
  };
}

process.once('message', (job: LoadJob) => {
  runJob(job).then(
    (summary) => process.send?.({ summary }, () => process.exit(0)),
    (err: unknown) =>
      process.send?.({ error: err instanceof Error ? err.message : String(err) }, () => process.exit(1)),
  );
});
