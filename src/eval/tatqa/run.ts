import type { EvalClient } from '../client.js';
import { mapPool } from '../pool.js';
import { DEFAULT_CONCURRENCY } from '../runner.js';
import type { EvalTarget } from '../target.js';
import type { TatqaDocument, TatqaQuestion } from './dataset.js';
import { failedQuestion, scoreQuestion } from './score-question.js';
import type { TatqaResult } from './types.js';

/** Options of {@link runTatqa} and {@link runTatqaPerDocument}. */
export interface TatqaRunOptions {
  /** Questions in flight at once (default 4). */
  concurrency?: number;
  /** Called as each question finishes, in completion order. */
  onResult?: (result: TatqaResult, done: number, total: number) => void;
}

const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Asks one question (no history) and scores the response; a failed request is a failed question, not a thrown error. */
export async function askQuestion(client: EvalClient, q: TatqaQuestion): Promise<TatqaResult> {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  try {
    const response = await client.chat({ question: q.question });
    return scoreQuestion(q, response, elapsed());
  } catch (err) {
    return failedQuestion(q, errorMessage(err), elapsed());
  }
}

/** Asks every question through one client (corpus scope) with the runner's concurrency pool; results keep the input order. */
export async function runTatqa(questions: readonly TatqaQuestion[], client: EvalClient, options: TatqaRunOptions = {}): Promise<TatqaResult[]> {
  let done = 0;
  return mapPool(questions, options.concurrency ?? DEFAULT_CONCURRENCY, async (q) => {
    const result = await askQuestion(client, q);
    done += 1;
    options.onResult?.(result, done, questions.length);
    return result;
  });
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
      for (const i of mine) finish(i, failedQuestion(questions[i] as TatqaQuestion, `cannot build the corpus of ${doc.title}: ${errorMessage(err)}`, 0));
      continue;
    }
    try {
      await mapPool(mine, options.concurrency ?? DEFAULT_CONCURRENCY, async (i) => finish(i, await askQuestion(target.client, questions[i] as TatqaQuestion)));
    } finally {
      await target.dispose();
    }
  }
  return results;
}
