import fs from 'node:fs/promises';
import path from 'node:path';
import { loadSuite } from '../../eval/suite/load-suite.js';

/** A question with the strings that mark its supporting passage. */
export interface SupportedQuestion {
  id: string;
  /** What is sent to a retriever: the question, preceded by the previous user turn for short follow-ups. */
  query: string;
  question: string;
  history: { role: 'user' | 'assistant'; content: string }[];
  /** A passage supports the question when it contains one of these (verbatim, NFKC). */
  needles: string[];
}

/** Eval suites whose `expect.cites` mark supporting passages. */
export const SUPPORT_SUITES = ['eval/dev.jsonl', 'eval/dev-extra.jsonl', 'eval/heldout.jsonl'];

/** Retrieval fixture questions (`support` strings). */
export const RETRIEVAL_QUESTIONS = 'test/fixtures/retrieval-questions.json';

/** The same follow-up rule as the answerers: short questions are retrieved together with the previous user turn. */
export function retrievalQuery(question: string, history: readonly { role: string; content: string }[]): string {
  const previous = [...history].reverse().find((t) => t.role === 'user')?.content;
  return previous && question.trim().split(/\s+/).length <= 6 ? `${previous}\n${question}` : question;
}

/**
 * Every eval case with `expect.cites` (dev, dev-extra and held-out, used for measuring only) and
 * every retrieval fixture question, relative to the project `root`.
 */
export async function loadSupportedQuestions(root: string): Promise<SupportedQuestion[]> {
  const out: SupportedQuestion[] = [];
  for (const file of SUPPORT_SUITES) {
    const suite = await loadSuite(path.join(root, file), path.basename(file));
    for (const c of suite.cases) {
      const cites = c.expect.cites;
      if (!cites?.length) continue;
      const history = c.history ?? [];
      out.push({ id: c.id, query: retrievalQuery(c.question, history), question: c.question, history, needles: cites });
    }
  }
  const fixture = JSON.parse(await fs.readFile(path.join(root, RETRIEVAL_QUESTIONS), 'utf8')) as {
    id: string;
    question: string;
    support: string;
  }[];
  for (const q of fixture)
    out.push({ id: q.id, query: q.question, question: q.question, history: [], needles: [q.support] });
  return out;
}
