import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLlmAnswerer, type LlmAnswererDeps } from '../../../src/answer/llm/agent.js';
import type { AnswerInput } from '../../../src/answer/types.js';
import { type AppError, isAppError } from '../../../src/errors.js';
import type { KnowledgeSnapshot } from '../../../src/retrieval/knowledge-base.js';
import { errorBody, type FakeOpenAI, startFakeOpenAI } from '../../fakes/fake-openai.js';
import { CHAT, call, messagesOf, passageNumber, recorder, say, script } from './script.js';
import { buildTestSnapshot, INTERVIEW_ID, llmTestConfig } from './snapshot.js';

let fake: FakeOpenAI;
let snapshot: KnowledgeSnapshot;

beforeAll(async () => {
  [fake, snapshot] = await Promise.all([startFakeOpenAI(), buildTestSnapshot()]);
});
afterAll(() => fake.close());
afterEach(() => {
  fake.setHandler(CHAT, undefined);
  fake.requests.length = 0;
});

const FAST: LlmAnswererDeps = { retry: { baseDelayMs: 5, maxDelayMs: 20 } };

function answerer(env: Record<string, string> = {}, deps: LlmAnswererDeps = FAST) {
  return createLlmAnswerer(llmTestConfig(fake.url, env), deps);
}

function input(question: string, extra: Partial<AnswerInput> = {}): AnswerInput {
  return { question, history: [], k: 4, snapshot, ...extra };
}

const docText = () => snapshot.docById.get(INTERVIEW_ID)!.text;

async function upstreamError(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isAppError(err), `expected an AppError, got ${String(err)}`).toBe(true);
  expect((err as AppError).code).toBe('upstream_error');
  return err as AppError;
}

describe('LLM answerer: tool loop', () => {
  it('searches, computes a CAGR and answers with verified citations and a computed check', async () => {
    const cagrArgs = { start: 'US$164.84 billion', end: 'US$294.76 billion', startYear: 2011, endYear: 2020 };
    script(fake, [
      call('search_documents', { query: 'digital service trade 2011 2020 compound annual growth rate' }),
      call('cagr', cagrArgs),
      (req) => {
        const n = passageNumber(req, 'US$164.84 billion');
        return say(
          `Chen Hongna says digital service trade grew from US$164.84 billion in 2011 to US$294.76 billion in 2020 [${n}]. ` +
            `That is a compound annual growth rate of 6.67%, computed as (294.76 / 164.84)^(1/9) - 1 [${n}].`,
        );
      },
    ]);
    const rec = recorder();
    const draft = await answerer().answer(
      input('How fast did digital service trade grow per year?', { events: rec.events }),
    );

    expect(draft.answer).toBe(
      'Chen Hongna says digital service trade grew from US$164.84 billion in 2011 to US$294.76 billion in 2020 [1]. ' +
        'That is a compound annual growth rate of 6.67%, computed as (294.76 / 164.84)^(1/9) - 1 [1].',
    );
    expect(draft.abstained).toBe(false);
    expect(draft.citations).toHaveLength(1);
    const [citation] = draft.citations;
    expect(docText().slice(citation!.start, citation!.end)).toBe(citation!.quote);
    expect(citation).toMatchObject({ n: 1, docId: INTERVIEW_ID, speaker: 'Chen Hongna' });
    expect(citation!.quote).toContain('from US$164.84 billion in 2011 to US$294.76 billion in 2020');
    expect(citation!.quote.split(/(?<=\.)\s/).length).toBeLessThanOrEqual(2);

    expect(draft.checks).toHaveLength(1);
    expect(draft.checks[0]).toMatchObject({
      op: 'cagr',
      display: '6.67%',
      formula: '(294.76 / 164.84)^(1/9) - 1',
      status: 'computed',
      citation: 1,
    });
    expect(draft.checks.some((c) => c.status === 'unverified')).toBe(false);
    expect(draft.claims.every((c) => c.supported)).toBe(true);
    expect(draft.retrieveMs).toBeGreaterThanOrEqual(0);

    expect(rec.meta).toHaveLength(1);
    expect(rec.meta[0]).toHaveLength(4);
    expect(rec.checks).toEqual([
      expect.objectContaining({ op: 'cagr', status: 'computed', value: expect.closeTo(6.6707, 3) }),
    ]);

    const requests = fake.requestsTo(CHAT);
    expect(requests).toHaveLength(3);
    const toolResults = messagesOf(requests[2]!).filter((m) => m.role === 'tool');
    expect(toolResults.map((m) => m.content)).toEqual([
      expect.stringContaining('<passages>'),
      expect.stringContaining('"display":"6.67%"'),
    ]);
    expect(requests[0]!.body).toMatchObject({ model: 'gpt-4o-mini', stream: true, temperature: 0 });
    expect(requests[0]!.body.tools.map((t: { function: { name: string } }) => t.function.name)).toEqual(
      expect.arrayContaining(['search_documents', 'cagr', 'growth_rate', 'pp_change']),
    );
  });

  it('streams the answer through onToken in order, renumbering markers on the fly', async () => {
    script(fake, [
      (req) => say(`Digital trade accounts for nearly 45% of service trade [${passageNumber(req, 'nearly 45%')}].`, 4),
    ]);
    const rec = recorder();
    const draft = await answerer().answer(
      input('What share of service trade is digital trade?', { events: rec.events }),
    );
    expect(rec.tokens.length).toBeGreaterThan(5);
    expect(rec.tokens.join('')).toBe(draft.answer);
    expect(draft.answer).toBe('Digital trade accounts for nearly 45% of service trade [1].');
    expect(draft.claims).toEqual([{ text: draft.answer, citations: [1], supported: true }]);
  });

  it('reports a made-up number as unverified and the claim as unsupported', async () => {
    script(fake, [
      (req) => {
        const n = passageNumber(req, 'nearly 45%');
        return say(
          `Digital trade accounts for nearly 45% of service trade [${n}]. Its profits rose 12% last year [${n}].`,
        );
      },
    ]);
    const rec = recorder();
    const draft = await answerer().answer(
      input('What share of service trade is digital trade?', { events: rec.events }),
    );
    const unverified = draft.checks.filter((c) => c.status === 'unverified');
    expect(unverified).toEqual([
      {
        op: 'unverified',
        args: {},
        value: 12,
        display: '12%',
        formula: null,
        claim: 'Its profits rose 12% last year [1].',
        status: 'unverified',
      },
    ]);
    expect(draft.claims[1]).toMatchObject({
      supported: false,
      reason: 'number 12% not in cited passages or calculations',
    });
    expect(rec.checks).toEqual(unverified);
  });

  it('removes an unresolvable marker from the answer and the stream, and reports it', async () => {
    script(fake, [
      (req) => say(`Digital trade accounts for nearly 45% of service trade [${passageNumber(req, 'nearly 45%')}] [7].`),
    ]);
    const warn = vi.fn();
    const rec = recorder();
    const draft = await answerer({}, { ...FAST, logger: { warn } }).answer(
      input('What share of service trade is digital trade?', { events: rec.events }),
    );
    expect(draft.answer).toBe('Digital trade accounts for nearly 45% of service trade [1].');
    expect(rec.tokens.join('')).toBe(draft.answer);
    expect(draft.citations.map((c) => c.n)).toEqual([1]);
    expect(warn).toHaveBeenCalledWith({ removed: [7] }, expect.stringContaining('citation markers'));
  });

  it('cites one passage once per distinct quote when its citing sentences need different sentences of it', async () => {
    script(fake, [
      (req) => {
        const n = passageNumber(req, 'US$200 billion in 2015');
        return say(
          `Wei Hao says digital trade increased from US$200 billion in 2015 to US$294.76 billion in 2020 [${n}]. ` +
            `Cross-border e-commerce exports increased by 44.1% year-on-year in the first half of 2021 [${n}]. ` +
            `The digital trade laws, regulations and policy system are taking shape [${n}].`,
        );
      },
    ]);
    const draft = await answerer().answer(input('What does Wei Hao say about the characteristics of digital trade?'));
    expect(draft.answer).toMatch(/in 2020 \[1\]\. .* 2021 \[2\]\. .* shape \[3\]\.$/);
    expect(draft.citations.map((c) => c.chunkId)).toEqual(Array(3).fill(draft.citations[0]!.chunkId));
    expect(draft.citations[0]!.quote).toContain('US$200 billion in 2015');
    expect(draft.citations[1]!.quote).toContain('44.1% year-on-year');
    for (const c of draft.citations) expect(docText().slice(c.start, c.end)).toBe(c.quote);
    expect(draft.claims.map((c) => c.supported)).toEqual([true, true, true]);
    expect(draft.checks).toEqual([]);
  });

  it('returns malformed tool arguments to the model once and gives up when it happens again', async () => {
    script(fake, [
      call('cagr', '{"start": "US$164.84 billion", "end": '),
      call('search_documents', { q: 'wrong field' }),
    ]);
    const err = await upstreamError(answerer().answer(input('What was the CAGR?')));
    expect(err.message).toMatch(/malformed tool arguments again/);
    const requests = fake.requestsTo(CHAT);
    expect(requests).toHaveLength(2);
    const returned = messagesOf(requests[1]!).at(-1)!;
    expect(returned.role).toBe('tool');
    expect(returned.content).toMatch(/"code":"invalid_arguments".*not valid JSON/);
  });

  it('accepts a good answer after one schema violation', async () => {
    script(fake, [
      call('search_documents', { q: 'wrong field' }),
      (req) => {
        expect(messagesOf(req).at(-1)!.content).toMatch(/query: .*Fix the arguments/);
        return say(`Digital trade accounts for nearly 45% of service trade [${passageNumber(req, 'nearly 45%')}].`);
      },
    ]);
    const draft = await answerer().answer(input('What share of service trade is digital trade?'));
    expect(draft.answer).toBe('Digital trade accounts for nearly 45% of service trade [1].');
  });

  it('gives up with upstream_error when the model keeps calling tools past maxSteps', async () => {
    fake.setHandler(CHAT, () => call('search_documents', { query: 'digital trade' }));
    const err = await upstreamError(answerer({ LLM_MAX_STEPS: '3' }).answer(input('Tell me everything.')));
    expect(err.message).toMatch(/still calling tools after 3 steps/);
    const requests = fake.requestsTo(CHAT);
    expect(requests).toHaveLength(3);
    expect(requests.map((r) => r.body.tool_choice)).toEqual([undefined, undefined, 'none']);
  });

  it('numbers passages from searches after the initial ones and refers back to passages already shown', async () => {
    script(fake, [
      call('search_documents', { query: 'ICT service exports commercial presence 2018', k: 5 }),
      (req) =>
        say(
          `In 2018 ICT service exports under the commercial presence model were US$54.56 billion [${passageNumber(req, 'US$54.56 billion')}].`,
        ),
    ]);
    const question = 'Why does the central government attach importance to digital trade?';
    const draft = await answerer().answer(input(question, { k: 2 }));
    expect(draft.answer).toBe(
      'In 2018 ICT service exports under the commercial presence model were US$54.56 billion [1].',
    );
    expect(draft.citations[0]!.quote).toBe(
      'For example, in 2018, my country’s ICT service exports under the commercial presence model were US$54.56 billion, about 10% of that of the United States.',
    );

    const last = fake.requestsTo(CHAT).at(-1)!;
    expect(passageNumber(last, 'US$54.56 billion')).toBe(3);
    const results = messagesOf(last).at(-1)!.content!;
    const initial = messagesOf(last)[1]!.content!.match(/<passage n="(\d+)"/g);
    expect(initial).toEqual(['<passage n="1"', '<passage n="2"']);
    const numbers = results.match(/<passage n="(\d+)"/g)!;
    expect(numbers.slice(0, 4)).toEqual(['<passage n="3"', '<passage n="4"', '<passage n="5"', '<passage n="6"']);
    const again = numbers.slice(4);
    expect(again).toHaveLength(1);
    expect(initial).toContain(again[0]);
    expect(results).toMatch(new RegExp(`${again[0]} doc="digital-trade-interview" speaker="[^"]+" shown="earlier" />`));
  });
});

describe('LLM answerer: upstream failures', () => {
  it('retries a 429 after the Retry-After delay, then succeeds', async () => {
    script(fake, [
      {
        status: 429,
        json: errorBody('Rate limit reached', 'requests', 'rate_limit_exceeded'),
        headers: { 'retry-after': '1' },
      },
      (req) => say(`Digital trade accounts for nearly 45% of service trade [${passageNumber(req, 'nearly 45%')}].`),
    ]);
    const draft = await answerer().answer(input('What share of service trade is digital trade?'));
    expect(draft.citations).toHaveLength(1);
    expect(fake.requestsTo(CHAT)).toHaveLength(2);
    const [first, second] = fake.requestsTo(CHAT);
    expect(second!.receivedAt - first!.receivedAt).toBeGreaterThanOrEqual(950);
  });

  it('gives up on a persistent 500 after the configured retries', async () => {
    fake.setHandler(CHAT, () => ({ status: 500, json: errorBody('boom', 'server_error') }));
    const err = await upstreamError(
      answerer({ LLM_MAX_RETRIES: '2' }).answer(input('What share of service trade is digital trade?')),
    );
    expect(err.message).toMatch(/failed \(500\) \(3 attempts\)/);
    expect(fake.requestsTo(CHAT)).toHaveLength(3);
  });

  it('does not retry a 400', async () => {
    fake.setHandler(CHAT, () => ({ status: 400, json: errorBody('bad request') }));
    await upstreamError(answerer().answer(input('What share of service trade is digital trade?')));
    expect(fake.requestsTo(CHAT)).toHaveLength(1);
  });

  it('fails with upstream_error within the timeout when the model hangs, closing the request', async () => {
    fake.setHandler(CHAT, () => ({ delayMs: 30_000, json: {} }));
    const aborted = fake.waitForAbort(CHAT);
    const started = Date.now();
    const err = await upstreamError(
      answerer({ LLM_TIMEOUT_MS: '1000' }).answer(input('What share of service trade is digital trade?')),
    );
    expect(Date.now() - started).toBeLessThan(2500);
    expect(err.message).toMatch(/within 1000 ms/);
    expect((await aborted).aborted).toBe(true);
  });

  it('aborts the upstream request promptly when the caller’s signal aborts', async () => {
    fake.setHandler(CHAT, () => ({ ...say('Digital trade accounts for', 5), done: false, hold: true }));
    const controller = new AbortController();
    const aborted = fake.waitForAbort(CHAT);
    const rec = recorder();
    rec.events.onToken = (t) => {
      rec.tokens.push(t);
      controller.abort();
    };
    const started = Date.now();
    const err = await answerer()
      .answer(input('What share of service trade is digital trade?', { signal: controller.signal, events: rec.events }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).name).toBe('AbortError');
    expect(isAppError(err)).toBe(false);
    expect(rec.tokens).toEqual(['Digit']);
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await aborted).aborted).toBe(true);
  });

  it('rejects with AbortError before calling the model when already aborted', async () => {
    const err = await answerer()
      .answer(input('Anything?', { signal: AbortSignal.abort() }))
      .catch((e: unknown) => e);
    expect((err as Error).name).toBe('AbortError');
    expect(fake.requestsTo(CHAT)).toHaveLength(0);
  });
});

describe('LLM answerer: the offline decision rules', () => {
  it('gives the same short answer field, cut from the first citation', async () => {
    script(fake, [
      (req) => {
        const n = passageNumber(req, 'Digital Trade Development and Cooperation Report');
        return say(`The report was released in 2021 [${n}].`);
      },
    ]);
    const draft = await answerer().answer(
      input('When was the Digital Trade Development and Cooperation Report released?'),
    );
    expect(draft.abstained).toBe(false);
    const short = draft.short!;
    expect(short.text).toMatch(/2021/);
    expect(docText().slice(short.start, short.end)).toBe(short.text);
    const cited = draft.citations.find((c) => c.n === short.citation)!;
    expect(cited.start <= short.start && short.end <= cited.end).toBe(true);
  });

  it('declines a question about a year the documents never mention without calling the model', async () => {
    script(fake, [say('It was 12% [1].')]);
    const draft = await answerer().answer(input('What was the unemployment rate in 1987?'));
    expect(draft.abstained).toBe(true);
    expect(draft.answer).toMatch(/^The documents do not cover this: .*1987/);
    expect(draft.short).toBeUndefined();
    expect(fake.requests.length).toBe(0);
  });
});
