import { monitorEventLoopDelay } from 'node:perf_hooks';

/** Resident set size and V8 heap, in MiB. */
export interface MemorySample {
  rssMiB: number;
  heapUsedMiB: number;
}

/** Memory at the start, the end and the peak of a run. */
export interface MemoryReport {
  start: MemorySample;
  end: MemorySample;
  peak: MemorySample;
  /** Whether a full GC ran before the end sample (node --expose-gc). */
  collected: boolean;
  /** How late the server's event loop ran timers, in ms: a stall shows here, not only in client latency. */
  eventLoopDelay: { p99Ms: number; maxMs: number };
}

const mib = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

/** This process's memory now. */
export function sampleMemory(): MemorySample {
  const m = process.memoryUsage();
  return { rssMiB: mib(m.rss), heapUsedMiB: mib(m.heapUsed) };
}

/** Samples memory every `intervalMs` and event-loop delay until stopped; `stop()` returns start, end and peak. */
export function startMemorySampler(intervalMs = 250): { stop(): MemoryReport } {
  const start = sampleMemory();
  const peak = { ...start };
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const timer = setInterval(() => {
    const s = sampleMemory();
    peak.rssMiB = Math.max(peak.rssMiB, s.rssMiB);
    peak.heapUsedMiB = Math.max(peak.heapUsedMiB, s.heapUsedMiB);
  }, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      delay.disable();
      const eventLoopDelay = {
        p99Ms: Math.round(delay.percentile(99) / 1e5) / 10,
        maxMs: Math.round(delay.max / 1e5) / 10,
      };
      const gc = (globalThis as { gc?: () => void }).gc;
      gc?.();
      const end = sampleMemory();
      peak.rssMiB = Math.max(peak.rssMiB, end.rssMiB);
      peak.heapUsedMiB = Math.max(peak.heapUsedMiB, end.heapUsedMiB);
      return { start, end, peak, collected: gc !== undefined, eventLoopDelay };
    },
  };
}
