import { describe, expect, it } from 'vitest';
import type { ChatRequest } from '../../src/answer/schema.js';
import { searchQueryFor } from '../../src/eval/suite/run-case.js';
import { runEval } from '../../src/eval/suite/runner.js';
import { createFetchClient, type EvalClient } from '../../src/eval/target/client.js';
import { mapPool } from '../../src/eval/target/pool.js';
import { citation, response, suiteCase } from './fixtures.js';

const cases = [
  suiteCase('a', { contains: ['38%'], cites: ['nearly 38% of total GDP'] }),
  suiteCase('b', { abstain: true }),
  suiteCase('boom', { contains: ['x'] }),
  suiteCase(
    'd',
    { number: { value: 200, tolerance: 0.5 } },
    {
      question: 'and in 2015?',
      history: [
        { role: 'user', content: 'how big in 2020?' },
        { role: 'assistant', content: 'US$294.76 billion.' },
      ],
    },
  ),
];

function fakeClient(log: {
  chats: ChatRequest[];
  searches: string[];
  inFlight: number;
  maxInFlight: number;
}): EvalClient {
  return {
    target: 'fake',
    async chat(request) {
      log.chats.push(request);
      log.inFlight += 1;
      log.maxInFlight = Math.max(log.maxInFlight, log.inFlight);
      await new Promise((r) => setTimeout(r, 5));
      log.inFlight -= 1;
      if (request.question.endsWith('boom')) throw new Error('POST /api/chat returned HTTP 500: internal: boom');
      if (request.question.endsWith('b')) return response({ answer: 'Not covered.', abstained: true });
      if (request.history) return response({ answer: 'US$200 billion in 2015 [1]' });
      return response({ answer: 'nearly 38% [1]', citations: [citation(1, 'accounts for nearly 38% of total GDP')] });
    },
    async search(q) {
      log.searches.push(q);
      return [{ text: 'other' }, { text: 'the digital economy accounts for nearly 38% of total GDP' }];
    },
  };
}

describe('runEval', () => {
  it('runs every case through the client, keeps input order and turns request errors into failed cases', async () => {
    const log = { chats: [] as ChatRequest[], searches: [] as string[], inFlight: 0, maxInFlight: 0 };
    const seen: string[] = [];
    const results = await runEval(cases, fakeClient(log), {
      concurrency: 2,
      onResult: (r, done, total) => seen.push(`${r.id} ${done}/${total}`),
    });
    expect(results.map((r) => [r.id, r.passed])).toEqual([
      ['a', true],
      ['b', true],
      ['boom', false],
      ['d', true],
    ]);
    expect(results[2]).toMatchObject({
      error: 'POST /api/chat returned HTTP 500: internal: boom',
      reasons: ['error: POST /api/chat returned HTTP 500: internal: boom'],
      answer: null,
    });
    expect(results[0]?.retrieval).toEqual({ k: 5, citesFound: [true], firstRank: 2 });
    expect(results[1]?.retrieval).toBeNull();
    expect(log.maxInFlight).toBe(2);
    expect(log.searches).toEqual(['question a']);
    expect(log.chats.find((c) => c.history)?.history).toHaveLength(2);
    expect(seen).toHaveLength(4);
    expect(seen.at(-1)).toMatch(/ 4\/4$/);
  });

  it('builds standalone search queries for follow-ups', () => {
    expect(searchQueryFor(cases[0]!)).toBe('question a');
    expect(searchQueryFor(cases[3]!)).toBe('how big in 2020? and in 2015?');
  });
});

describe('mapPool', () => {
  it('never exceeds the concurrency and handles empty input', async () => {
    let inFlight = 0;
    let max = 0;
    const out = await mapPool([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      inFlight += 1;
      max = Math.max(max, inFlight);
      await new Promise((r) => setTimeout(r, 8 - n));
      inFlight -= 1;
      return n * 10;
    });
    expect(out).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(max).toBe(3);
    expect(await mapPool([], 4, async () => 1)).toEqual([]);
  });
});

describe('createFetchClient', () => {
  it('validates responses against the contract and reports HTTP errors', async () => {
    const fetchFn = async (url: string) => {
      if (url.includes('/api/search')) return new Response(JSON.stringify({ results: [{ text: 't', chunkId: 'c' }] }));
      return new Response(JSON.stringify({ error: { code: 'bad_request', message: 'question: must not be empty' } }), {
        status: 400,
      });
    };
    const client = createFetchClient('http://x/', fetchFn);
    expect(await client.search('q', 5)).toEqual([{ text: 't', chunkId: 'c' }]);
    await expect(client.chat({ question: ' ' })).rejects.toThrow(
      'POST /api/chat returned HTTP 400: bad_request: question: must not be empty',
    );
    const wrongShape = createFetchClient('http://x', async () => new Response('{"answer": 1}'));
    await expect(wrongShape.chat({ question: 'q' })).rejects.toThrow(/does not match the contract/);
  });
});
