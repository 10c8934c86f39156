import type { SoakResult } from './run-soak.js';

const ms = (n: number) => `${Math.round(n)} ms`;
const count = (n: number) => n.toLocaleString('en-US');

/** The soak result as a short plain-text table. */
export function renderSoakReport(r: SoakResult): string {
  const lines = [
    `soak: ${r.connections} connections for ${r.durationSec} s on 127.0.0.1 (build ${r.buildId}; after ${r.warmupRequests} warm-up requests)`,
    '',
  ];
  lines.push(
    'route          requests   req/s   non-2xx  errors  p50      p90      p99      max      max (1st req/conn)',
  );
  for (const [name, s] of [
    ['/api/chat', r.routes.chat],
    ['/api/search', r.routes.search],
  ] as const) {
    lines.push(
      [
        name.padEnd(14),
        count(s.requests).padStart(8),
        s.rps.toFixed(0).padStart(7),
        String(s.non2xx).padStart(9),
        String(s.errors + s.timeouts).padStart(7),
        ms(s.p50Ms).padStart(8),
        ms(s.p90Ms).padStart(8),
        ms(s.p99Ms).padStart(8),
        ms(s.steadyMaxMs).padStart(8),
        ms(s.firstRequestMaxMs).padStart(12),
      ].join(' '),
    );
  }
  const { start, end, peak } = r.memory;
  lines.push('');
  lines.push(`RSS: start ${start.rssMiB} MiB, end ${end.rssMiB} MiB, peak ${peak.rssMiB} MiB`);
  lines.push(
    `heap used: start ${start.heapUsedMiB} MiB, end ${end.heapUsedMiB} MiB${r.memory.collected ? ' (after a full GC)' : ''}, peak ${peak.heapUsedMiB} MiB`,
  );
  lines.push(`event-loop delay: p99 ${r.memory.eventLoopDelay.p99Ms} ms, max ${r.memory.eventLoopDelay.maxMs} ms`);
  lines.push(
    r.failures === 0
      ? 'result: ok (no errors)'
      : `result: FAILED (${r.failures} non-2xx responses, errors or timeouts)`,
  );
  return lines.join('\n');
}
