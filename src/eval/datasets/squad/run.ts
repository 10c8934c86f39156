import type { EvalClient } from '../../target/client.js';
import { askAndScore, type DatasetRunOptions, runDataset } from '../run.js';
import type { SquadQuestion } from './dataset.js';
import { failedQuestion, scoreQuestion } from './score-question.js';
import type { SquadResult } from './types.js';

/** Options of {@link runSquad}. */
export type SquadRunOptions = DatasetRunOptions<SquadResult>;

const scorer = { score: scoreQuestion, fail: failedQuestion };

/** Asks one question (no history) and scores the response; a failed request is a failed question, not a thrown error. */
export function askQuestion(client: EvalClient, q: SquadQuestion): Promise<SquadResult> {
  return askAndScore(client, q, scorer);
}

/** Asks every question through `client` with the runner's concurrency pool; results keep the input order. */
export function runSquad(
  questions: readonly SquadQuestion[],
  client: EvalClient,
  options: SquadRunOptions = {},
): Promise<SquadResult[]> {
  return runDataset(questions, client, scorer, options);
}
