/** Milliseconds of each call of `run` over `queries`, after `warmup` untimed calls. */
export async function timeEach<T = string>(
  queries: readonly T[],
  run: (query: T) => unknown,
  warmup = Math.min(20, queries.length),
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await run(queries[i % queries.length]!);
  const out: number[] = new Array(queries.length);
  for (let i = 0; i < queries.length; i++) {
    const t = performance.now();
    await run(queries[i]!);
    out[i] = performance.now() - t;
  }
  return out;
}

/** Runs `fn` and returns its result with the elapsed milliseconds. */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t };
}

/** Resident set size of this process in MiB. */
export function rssMb(): number {
  return process.memoryUsage().rss / 2 ** 20;
}

/** Runs a full garbage collection when the process was started with `--expose-gc`. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}
