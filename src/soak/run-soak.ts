import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { createServiceApp, type ServiceApp } from '../composition/app.js';
import { createServices } from '../composition/services.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { LoadSummary } from './load-child.js';
import { type MemoryReport, startMemorySampler } from './rss-sampler.js';
import { runLoadInChild } from './run-load.js';
import { chatRequests, searchRequests } from './workload.js';

/** Options of {@link runSoak}. */
export interface SoakOptions {
  config: Readonly<Config>;
  logger: Logger;
  durationSec: number;
  connections: number;
  log?: (line: string) => void;
}

/** Outcome of a soak run. */
export interface SoakResult {
  durationSec: number;
  connections: number;
  buildId: string;
  routes: { chat: LoadSummary; search: LoadSummary };
  memory: MemoryReport;
  /** Requests sent one by one before measuring, so JIT warm-up is not counted as latency. */
  warmupRequests: number;
  /** Non-2xx responses, socket errors and timeouts over both routes. */
  failures: number;
}

/** Sends every workload request `rounds` times in turn; fails on any non-2xx. Returns the count. */
async function warmUp(url: string, rounds = 3): Promise<number> {
  let sent = 0;
  for (let round = 0; round < rounds; round++) {
    for (const r of [...chatRequests(), ...searchRequests()]) {
      const res = await fetch(`${url}${r.path}`, {
        method: r.method,
        ...(r.body ? { body: r.body, headers: { 'content-type': 'application/json' } } : {}),
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`warm-up ${r.method} ${r.path} answered ${res.status}`);
      sent++;
    }
  }
  return sent;
}

const listen = (fetch: ServiceApp['app']['fetch']) =>
  new Promise<{ server: ServerType; port: number }>((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    );
  });

/**
 * Serves the app in this process on an ephemeral loopback port (rate limit off), loads the index,
 * then drives `/api/chat` and `/api/search` concurrently for `durationSec` with `connections`
 * clients split between them, sampling this process's memory throughout.
 */
export async function runSoak(opts: SoakOptions): Promise<SoakResult> {
  const log = opts.log ?? (() => undefined);
  const config: Readonly<Config> = { ...opts.config, host: '127.0.0.1', port: 0, rateLimitPerMin: 0 };
  const services = await createServices(config, opts.logger);
  const { kb, close } = services;
  const { app } = createServiceApp(services, config, opts.logger);
  const { snapshot } = await kb.open();
  const { server, port } = await listen(app.fetch);
  const url = `http://127.0.0.1:${port}`;
  log(`serving build ${snapshot.buildId} (${snapshot.chunks.length} chunks) on ${url}`);
  try {
    const warmupRequests = await warmUp(url);
    const chatConnections = Math.max(1, Math.ceil(opts.connections / 2));
    const searchConnections = Math.max(1, opts.connections - chatConnections);
    log(
      `driving /api/chat with ${chatConnections} and /api/search with ${searchConnections} connections for ${opts.durationSec} s`,
    );
    const memory = startMemorySampler();
    const [chatSummary, searchSummary] = await Promise.all([
      runLoadInChild({ url, requests: chatRequests(), connections: chatConnections, durationSec: opts.durationSec }),
      runLoadInChild({
        url,
        requests: searchRequests(),
        connections: searchConnections,
        durationSec: opts.durationSec,
      }),
    ]);
    const report = memory.stop();
    const failures = [chatSummary, searchSummary].reduce((n, s) => n + s.non2xx + s.errors + s.timeouts, 0);
    return {
      durationSec: opts.durationSec,
      connections: opts.connections,
      buildId: snapshot.buildId,
      routes: { chat: chatSummary, search: searchSummary },
      memory: report,
      warmupRequests,
      failures,
    };
  } finally {
    if ('closeAllConnections' in server) server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await close();
  }
}
