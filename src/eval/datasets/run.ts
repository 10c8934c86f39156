import type { ChatResponse } from '../../answer/schema.js';
import { DEFAULT_CONCURRENCY } from '../suite/runner.js';
import type { EvalClient } from '../target/client.js';
import { mapPool } from '../target/pool.js';

/** Options of a dataset run. */
export interface DatasetRunOptions<R> {
  /** Questions in flight at once (default 4). */
  concurrency?: number;
  /** Called as each question finishes, in completion order. */
  onResult?: (result: R, done: number, total: number) => void;
}

/** How a dataset scores a response, and a request that failed. */
export interface DatasetScorer<Q, R> {
  score(q: Q, response: ChatResponse, latencyMs: number): R;
  fail(q: Q, message: string, latencyMs: number): R;
}

/** The message of a thrown value. */
export const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Asks one question (no history) and scores the response; a failed request is a failed question, not a thrown error. */
export async function askAndScore<Q extends { question: string }, R>(
  client: EvalClient,
  q: Q,
  scorer: DatasetScorer<Q, R>,
): Promise<R> {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    return scorer.score(q, await client.chat({ question: q.question }), elapsed());
  } catch (err) {
    return scorer.fail(q, errorMessage(err), elapsed());
  }
}

/** Asks every question through `client` with the runner's concurrency pool; results keep the input order. */
export async function runDataset<Q extends { question: string }, R>(
  questions: readonly Q[],
  client: EvalClient,
  scorer: DatasetScorer<Q, R>,
  options: DatasetRunOptions<R> = {},
): Promise<R[]> {
  let done = 0;
  return mapPool(questions, options.concurrency ?? DEFAULT_CONCURRENCY, async (q) => {
    const result = await askAndScore(client, q, scorer);
    done += 1;
    options.onResult?.(result, done, questions.length);
    return result;
  });
}
