import autocannon from 'autocannon';
import type { RouteLoad } from '../types.js';

/** One request autocannon cycles through. */
export interface LoadRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

/** Options of {@link runLoad}. */
export interface LoadOptions {
  /** Base URL, e.g. `http://127.0.0.1:8787`. */
  url: string;
  requests: readonly LoadRequest[];
  connections: number;
  durationSec: number;
}

/** Drives the server with autocannon (keep-alive, no pipelining) and summarises throughput and latency. */
export async function runLoad(opts: LoadOptions): Promise<RouteLoad> {
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.durationSec,
    requests: opts.requests.map((r) => ({
      method: r.method,
      path: r.path,
      ...(r.body === undefined ? {} : { body: r.body, headers: { 'content-type': 'application/json' } }),
    })),
  });
  return {
    rps: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
