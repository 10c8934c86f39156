import type { EvalClient } from '../target/client.js';
import { mapPool } from '../target/pool.js';
import { RETRIEVAL_K, runCase } from './run-case.js';
import type { CaseResult, SuiteCase } from './types.js';

/** Options of {@link runEval}. */
export interface RunOptions {
  /** Cases in flight at once (default 4). */
  concurrency?: number;
  /** Passages requested from `/api/search` (default 5). */
  k?: number;
  /** Called as each case finishes, in completion order. */
  onResult?: (result: CaseResult, done: number, total: number) => void;
}

/** Default number of cases run in parallel. */
export const DEFAULT_CONCURRENCY = 4;

/** Runs every case through `client` with a concurrency pool; results keep the input order. */
export async function runEval(
  cases: readonly SuiteCase[],
  client: EvalClient,
  options: RunOptions = {},
): Promise<CaseResult[]> {
  let done = 0;
  return mapPool(cases, options.concurrency ?? DEFAULT_CONCURRENCY, async (c) => {
    const result = await runCase(client, c, options.k ?? RETRIEVAL_K);
    done += 1;
    options.onResult?.(result, done, cases.length);
    return result;
  });
}
