import type { EvalClient } from '../client.js';
import { mapPool } from '../pool.js';
import { DEFAULT_CONCURRENCY } from '../runner.js';
import type { SquadQuestion } from './dataset.js';
import { failedQuestion, scoreQuestion } from './score-question.js';
import type { SquadResult } from './types.js';

/** Options of {@link runSquad}. */
export interface SquadRunOptions {
  /** Questions in flight at once (default 4). */
  concurrency?: number;
  /** Called as each question finishes, in completion order. */
  onResult?: (result: SquadResult, done: number, total: number) => void;
}

const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Asks one question (no history) and scores the response; a failed request is a failed question, not a thrown error. */
export async function askQuestion(client: EvalClient, q: SquadQuestion): Promise<SquadResult> {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    const response = await client.chat({ question: q.question });
    return scoreQuestion(q, response, elapsed());
  } catch (err) {
    return failedQuestion(q, errorMessage(err), elapsed());
  }
}

/** Asks every question through `client` with the runner's concurrency pool; results keep the input order. */
export async function runSquad(questions: readonly SquadQuestion[], client: EvalClient, options: SquadRunOptions = {}): Promise<SquadResult[]> {
  let done = 0;
  return mapPool(questions, options.concurrency ?? DEFAULT_CONCURRENCY, async (q) => {
    const result = await askQuestion(client, q);
    done += 1;
    options.onResult?.(result, done, questions.length);
    return result;
  });
}
