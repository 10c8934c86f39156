import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { OfflineAnswerer } from '../../answer/offline/answerer.js';
import type { HistoryTurn } from '../../answer/schema.js';
import { KnowledgeBase, type KnowledgeSnapshot } from '../../retrieval/knowledge-base.js';
import { LocalHashEmbedder } from '../../retrieval/local-embedder.js';
import type { SupportedQuestion } from '../corpus/eval-questions.js';
import { type LatencySummary, mean, summarize } from '../report/stats.js';
import { timed, timeEach } from '../retrieval/timing.js';
import type { BundledOfflineResult } from '../types.js';

/** Passages per answer, as the chat route's default. */
export const ANSWER_K = 5;

/** One question for the answerer. */
export interface AnswerQuestion {
  question: string;
  history: readonly HistoryTurn[];
}

/** Latency of the offline answerer over one snapshot. */
export interface OfflineAnswerTiming extends LatencySummary {
  /** The first answer on the snapshot (the answerer's per-corpus caches are built then). */
  firstMs: number;
  abstainedShare: number;
}

/**
 * Times `new OfflineAnswerer().answer({ question, history, k: 5, snapshot })` for every question,
 * after one untimed answer (reported as `firstMs`) and `warmup` more.
 */
export async function timeOfflineAnswers(
  snapshot: KnowledgeSnapshot,
  questions: readonly AnswerQuestion[],
  warmup = Math.min(20, questions.length),
): Promise<OfflineAnswerTiming> {
  if (questions.length === 0) throw new Error('no questions to answer');
  const answerer = new OfflineAnswerer();
  const answer = (q: AnswerQuestion) =>
    answerer.answer({ question: q.question, history: q.history, k: ANSWER_K, snapshot });
  const first = await timed(() => answer(questions[0]!));
  const abstained: number[] = [];
  const samples = await timeEach(questions, async (q) => abstained.push((await answer(q)).abstained ? 1 : 0), warmup);
  // timeEach also ran the warm-up through the callback; only the timed answers count.
  return { ...summarize(samples), firstMs: first.ms, abstainedShare: mean(abstained.slice(warmup)) };
}

/**
 * Opens the real corpus the way the server does (`KnowledgeBase.open` with the local embedder,
 * building into a scratch data directory) and times the offline answerer on the eval questions,
 * each with its history, `rounds` times.
 */
export async function runBundledOffline(
  corpusDir: string,
  questions: readonly SupportedQuestion[],
  rounds = 3,
): Promise<BundledOfflineResult> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-bench-offline-'));
  try {
    const kb = new KnowledgeBase({ corpusDir, dataDir, embedder: new LocalHashEmbedder() });
    const { snapshot } = await kb.open();
    const asked = questions.map((q) => ({ question: q.question, history: q.history }));
    const all = Array.from({ length: rounds }, () => asked).flat();
    const t = await timeOfflineAnswers(snapshot, all, asked.length);
    return {
      chunks: snapshot.chunks.length,
      questions: questions.length,
      answers: t.count,
      p50Ms: t.p50Ms,
      p99Ms: t.p99Ms,
      meanMs: t.meanMs,
      firstMs: t.firstMs,
      abstainedShare: t.abstainedShare,
    };
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
