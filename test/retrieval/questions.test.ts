import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../helpers/app.js';

interface RetrievalQuestion {
  id: string;
  question: string;
  /** A verbatim substring of the passage that answers the question. */
  support: string;
}

interface Outcome {
  q: RetrievalQuestion;
  /** 1-based rank of the first answering passage, or null if not retrieved at all. */
  rank: number | null;
  top: string;
}

const QUESTIONS = JSON.parse(
  await fs.readFile(new URL('../fixtures/retrieval-questions.json', import.meta.url), 'utf8'),
) as RetrievalQuestion[];

const TOP_K = 5;
const MIN_HIT_RATE = 0.9;

let t: TestApp;
let outcomes: Outcome[];

beforeAll(async () => {
  t = await makeTestApp();
  outcomes = [];
  for (const q of QUESTIONS) {
    // Ask for every passage so the rank (and MRR) is exact; hit@5 uses the top 5 of /api/search.
    const res = await t.app.request(`/api/search?q=${encodeURIComponent(q.question)}&k=50`);
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: { chunkId: string; text: string }[] };
    const i = results.findIndex((r) => r.text.includes(q.support));
    outcomes.push({ q, rank: i >= 0 ? i + 1 : null, top: results[0]?.text.slice(0, 100) ?? '' });
  }
});
afterAll(() => t?.cleanup());

describe('retrieval questions (test/fixtures/retrieval-questions.json)', () => {
  it('has well-formed fixtures whose support text occurs in exactly the corpus passages', () => {
    expect(QUESTIONS.length).toBe(51);
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length);
    const snapshot = t.kb.require();
    for (const q of QUESTIONS) {
      expect(q.question.trim(), q.id).not.toBe('');
      const containing = snapshot.chunks.filter((c) => c.text.includes(q.support));
      expect(containing.length, `${q.id}: support not inside any single passage: ${q.support}`).toBeGreaterThan(0);
    }
  });

  it(`puts the answering passage in the top ${TOP_K} for at least ${MIN_HIT_RATE * 100}% of questions`, () => {
    const hits = outcomes.filter((o) => o.rank !== null && o.rank <= TOP_K);
    const misses = outcomes.filter((o) => o.rank === null || o.rank > TOP_K);
    const mrr = outcomes.reduce((sum, o) => sum + (o.rank ? 1 / o.rank : 0), 0) / outcomes.length;
    const hitRate = hits.length / outcomes.length;
    const lines = misses.map(
      (o) =>
        `  ${o.q.id} rank=${o.rank ?? '-'} "${o.q.question}"\n      wanted: ${o.q.support}\n      top:    ${o.top}`,
    );
    console.log(
      [
        `retrieval: hit@${TOP_K} ${hits.length}/${outcomes.length} = ${(hitRate * 100).toFixed(1)}%, MRR = ${mrr.toFixed(3)}, hit@1 = ${outcomes.filter((o) => o.rank === 1).length}/${outcomes.length}`,
        misses.length ? `misses:\n${lines.join('\n')}` : 'no misses',
      ].join('\n'),
    );
    expect(outcomes).toHaveLength(QUESTIONS.length);
    expect(hitRate).toBeGreaterThanOrEqual(MIN_HIT_RATE);
    expect(mrr).toBeGreaterThan(0.5);
  });
});
