import type { ChatRequest, ChatResponse } from '../../answer/schema.js';
import type { EvalClient } from '../target/client.js';
import { caseStats } from './case-stats.js';
import { judge } from './judge.js';
import { judgeRetrieval } from './retrieval.js';
import type { CaseResult, CaseStats, RetrievalResult, SuiteCase } from './types.js';

/** Passages requested from `/api/search` for the retrieval metrics. */
export const RETRIEVAL_K = 5;

const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The `/api/chat` body for a case: its question and, when present, its history. */
export function chatRequestFor(c: SuiteCase): ChatRequest {
  return c.history?.length ? { question: c.question, history: c.history } : { question: c.question };
}

/** The `/api/search` query for a case: the question, preceded by the latest earlier user turn for follow-ups. */
export function searchQueryFor(c: SuiteCase): string {
  const previous = [...(c.history ?? [])].reverse().find((t) => t.role === 'user');
  return previous ? `${previous.content} ${c.question}` : c.question;
}

async function retrieve(client: EvalClient, c: SuiteCase, k: number): Promise<RetrievalResult | null> {
  const cites = c.expect.cites ?? [];
  if (!cites.length) return null;
  try {
    return judgeRetrieval(cites, await client.search(searchQueryFor(c), k), k);
  } catch (err) {
    return { k, citesFound: cites.map(() => false), firstRank: null, error: errorMessage(err) };
  }
}

function emptyStats(c: SuiteCase): CaseStats {
  return {
    numberMatched: c.expect.number ? false : null,
    relevantCitations: 0,
    citations: 0,
    citesFound: (c.expect.cites ?? []).map(() => false),
    answerNumbers: 0,
    backedNumbers: 0,
  };
}

function caseIdentity(c: SuiteCase) {
  return { id: c.id, suite: c.suite, question: c.question, tags: c.tags ?? [], expect: c.expect };
}

/** Builds the result of a case from its response (pure). */
export function scoreCase(
  c: SuiteCase,
  response: ChatResponse,
  latencyMs: number,
  retrieval: RetrievalResult | null,
): CaseResult {
  const verdict = judge(c.expect, response);
  return {
    ...caseIdentity(c),
    passed: verdict.passed,
    reasons: verdict.reasons,
    answer: response.answer,
    abstained: response.abstained,
    mode: response.mode,
    citations: response.citations.map(({ n, quote, speaker, docId, start, end }) => ({
      n,
      quote,
      speaker,
      docId,
      start,
      end,
    })),
    checks: response.checks,
    latencyMs,
    stats: caseStats(c.expect, response, verdict),
    retrieval,
  };
}

/** The result of a case whose request failed. */
export function failedCase(
  c: SuiteCase,
  error: string,
  latencyMs: number,
  retrieval: RetrievalResult | null,
): CaseResult {
  return {
    ...caseIdentity(c),
    passed: false,
    reasons: [`error: ${error}`],
    answer: null,
    abstained: null,
    mode: null,
    citations: [],
    checks: [],
    latencyMs,
    stats: emptyStats(c),
    retrieval,
    error,
  };
}

/** Sends one case to citecheck, judges the answer, then scores retrieval for its `cites` (after the timed chat call). */
export async function runCase(client: EvalClient, c: SuiteCase, k = RETRIEVAL_K): Promise<CaseResult> {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  let response: ChatResponse;
  let latencyMs: number;
  try {
    response = await client.chat(chatRequestFor(c));
    latencyMs = elapsed();
  } catch (err) {
    latencyMs = elapsed();
    return failedCase(c, errorMessage(err), latencyMs, await retrieve(client, c, k));
  }
  return scoreCase(c, response, latencyMs, await retrieve(client, c, k));
}
