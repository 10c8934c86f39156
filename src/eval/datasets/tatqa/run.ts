import { DEFAULT_CONCURRENCY } from '../../suite/runner.js';
import type { EvalClient } from '../../target/client.js';
import { mapPool } from '../../target/pool.js';
import type { EvalTarget } from '../../target/target.js';
import { askAndScore, type DatasetRunOptions, errorMessage, runDataset } from '../run.js';
import type { TatqaDocument, TatqaQuestion } from './dataset.js';
import { failedQuestion, scoreQuestion } from './score-question.js';
import type { TatqaResult } from './types.js';

/** Options of {@link runTatqa} and {@link runTatqaPerDocument}. */
export type TatqaRunOptions = DatasetRunOptions<TatqaResult>;

const scorer = { score: scoreQuestion, fail: failedQuestion };

/** Asks one question (no history) and scores the response; a failed request is a failed question, not a thrown error. */
export function askQuestion(client: EvalClient, q: TatqaQuestion): Promise<TatqaResult> {
  return askAndScore(client, q, scorer);
}

/** Asks every question through one client (corpus scope) with the runner's concurrency pool; results keep the input order. */
export function runTatqa(
  questions: readonly TatqaQuestion[],
  client: EvalClient,
  options: TatqaRunOptions = {},
): Promise<TatqaResult[]> {
  return runDataset(questions, client, scorer, options);
}

/**
 * Document scope: for each document with questions to ask (in file order), opens a target holding that
 * document alone, asks its questions through it with the concurrency pool and disposes of it before the
 * next. A document whose target cannot be opened fails its questions with the error. Results keep the input order.
 */
export async function runTatqaPerDocument(
  questions: readonly TatqaQuestion[],
  documents: readonly TatqaDocument[],
  open: (doc: TatqaDocument) => Promise<EvalTarget>,
  options: TatqaRunOptions = {},
): Promise<TatqaResult[]> {
  const results = new Array<TatqaResult>(questions.length);
  let done = 0;
  const finish = (i: number, result: TatqaResult) => {
    results[i] = result;
    done += 1;
    options.onResult?.(result, done, questions.length);
  };
  for (const doc of documents) {
    const mine = questions.flatMap((q, i) => (q.doc === doc.index ? [i] : []));
    if (!mine.length) continue;
    let target: EvalTarget;
    try {
      target = await open(doc);
    } catch (err) {
      for (const i of mine)
        finish(
          i,
          failedQuestion(
            questions[i] as TatqaQuestion,
            `cannot build the corpus of ${doc.title}: ${errorMessage(err)}`,
            0,
          ),
        );
      continue;
    }
    try {
      await mapPool(mine, options.concurrency ?? DEFAULT_CONCURRENCY, async (i) =>
        finish(i, await askQuestion(target.client, questions[i] as TatqaQuestion)),
      );
    } finally {
      await target.dispose();
    }
  }
  return results;
}
