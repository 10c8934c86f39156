import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createEmbedder } from '../../src/retrieval/embedder.js';
import { LOCAL_EMBEDDER_VERSION, LocalHashEmbedder } from '../../src/retrieval/local-embedder.js';
import { buildRetriever } from '../../src/retrieval/retriever.js';
import { type FakeOpenAI, fakeEmbedding, startFakeOpenAI } from '../fakes/fake-openai.js';
import { SAMPLE } from './synthetic.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI({ embeddingDim: 48 });
});
afterAll(() => fake.close());

describe('createEmbedder', () => {
  it('defaults to the local hash embedder with the configured dimension', () => {
    const e = createEmbedder(loadConfig({ LOCAL_EMBEDDING_DIM: '256' }));
    expect(e).toBeInstanceOf(LocalHashEmbedder);
    expect(e.id).toBe(`local-hash-v${LOCAL_EMBEDDER_VERSION}-256`);
    expect(e.dimension).toBe(256);
  });

  it('refuses the openai provider without a key or base URL', () => {
    expect(() => createEmbedder(loadConfig({ EMBEDDINGS_PROVIDER: 'openai' }))).toThrow(/OPENAI/);
  });

  it('talks to an OpenAI-compatible server, learning the dimension from the first response', async () => {
    const e = createEmbedder(
      loadConfig({ EMBEDDINGS_PROVIDER: 'openai', EMBEDDINGS_MODEL: 'test-embed', OPENAI_BASE_URL: fake.url }),
    );
    expect(e.id).toBe('openai:test-embed');
    expect(e.dimension).toBeUndefined();
    const before = fake.requests.length;
    const [a, b] = await e.embedDocuments(['alpha', 'beta']);
    const q = await e.embedQuery('alpha');
    expect(e.dimension).toBe(48);
    expect(a).toHaveLength(48);
    for (const [got, want] of [
      [a!, fakeEmbedding('alpha', 48)],
      [b!, fakeEmbedding('beta', 48)],
      [q, fakeEmbedding('alpha', 48)],
    ] as const) {
      got.forEach((x, i) => expect(x).toBeCloseTo(want[i]!, 6));
    }
    const sent = fake.requests.slice(before);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({
      method: 'POST',
      path: '/v1/embeddings',
      body: { model: 'test-embed', input: ['alpha', 'beta'] },
    });
    expect(sent[1]!.body.input).toBe('alpha');
    expect(sent[0]!.headers.authorization).toBe('Bearer not-needed');
  });

  it('sends the configured API key and surfaces server errors', async () => {
    const e = createEmbedder(
      loadConfig({
        EMBEDDINGS_PROVIDER: 'openai',
        OPENAI_API_KEY: 'sk-test',
        OPENAI_BASE_URL: fake.url,
        LLM_MAX_RETRIES: '0',
      }),
    );
    fake.enqueue('/v1/embeddings', {
      status: 400,
      json: { error: { message: 'bad input', type: 'invalid_request_error' } },
    });
    await expect(e.embedQuery('x')).rejects.toThrow(/bad input/);
    await e.embedQuery('y');
    expect(fake.requests.at(-1)!.headers.authorization).toBe('Bearer sk-test');
  });

  it('builds a retriever over remote embeddings in batches', async () => {
    const e = createEmbedder(loadConfig({ EMBEDDINGS_PROVIDER: 'openai', OPENAI_BASE_URL: fake.url }));
    const before = fake.requestsTo('/v1/embeddings').length;
    const r = await buildRetriever({ ...SAMPLE, embedder: e, batchSize: 4 });
    expect(fake.requestsTo('/v1/embeddings').length - before).toBe(Math.ceil(SAMPLE.chunks.length / 4));
    expect(r.vectors.dimension).toBe(48);
    const chunkText = SAMPLE.chunks[3]!.text;
    const hits = await r.searchVector(chunkText, 1);
    expect(hits[0]!.chunk.id).toBe(SAMPLE.chunks[3]!.id);
    expect(hits[0]!.scores.vector).toBeCloseTo(1, 5);
  });
});

describe('HybridRetriever over a remote embedder', () => {
  it('reports a failing embedding service as upstream_error', async () => {
    const e = createEmbedder(
      loadConfig({ EMBEDDINGS_PROVIDER: 'openai', OPENAI_BASE_URL: fake.url, LLM_MAX_RETRIES: '0' }),
    );
    const r = await buildRetriever({ ...SAMPLE, embedder: e });
    fake.enqueue('/v1/embeddings', {
      status: 400,
      json: { error: { message: 'model overloaded', type: 'invalid_request_error' } },
    });
    await expect(r.search('exports')).rejects.toMatchObject({ code: 'upstream_error' });
    expect((await r.search('exports', { k: 2 })).length).toBe(2);
  });
});
