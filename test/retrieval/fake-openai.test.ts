import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatCompletion, chatCompletionStream, type FakeOpenAI, startFakeOpenAI } from '../fakes/fake-openai.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());

const post = (path: string, body: unknown) =>
  fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('fake OpenAI server', () => {
  it('serves float and base64 embeddings with usage', async () => {
    const res = await post('/embeddings', { model: 'm', input: 'hello world', dimensions: 8 });
    const json = await res.json();
    expect(json.data[0].embedding).toHaveLength(8);
    expect(json.usage.total_tokens).toBe(2);
    const b64 = await (
      await post('/embeddings', { model: 'm', input: ['hello world'], dimensions: 8, encoding_format: 'base64' })
    ).json();
    const buf = Buffer.from(b64.data[0].embedding, 'base64');
    const floats = Array.from(new Float32Array(buf.buffer, buf.byteOffset, 8));
    floats.forEach((x, i) => expect(x).toBeCloseTo(json.data[0].embedding[i], 6));
  });

  it('plays queued chat responses in order, then handlers, then a 404', async () => {
    fake.enqueue('/v1/chat/completions', chatCompletion({ content: 'first' }), {
      status: 429,
      json: { error: { message: 'slow' } },
    });
    expect((await (await post('/chat/completions', {})).json()).choices[0].message.content).toBe('first');
    expect((await post('/chat/completions', {})).status).toBe(429);
    fake.setHandler('/v1/chat/completions', (req) => chatCompletion({ content: `got ${req.body.messages.length}` }));
    expect((await (await post('/chat/completions', { messages: [1, 2] })).json()).choices[0].message.content).toBe(
      'got 2',
    );
    fake.setHandler('/v1/chat/completions', undefined);
    expect((await post('/chat/completions', {})).status).toBe(404);
  });

  it('streams SSE chunks ending in [DONE]', async () => {
    fake.enqueue(
      '/v1/chat/completions',
      chatCompletionStream({
        content: 'hello there',
        chunkSize: 4,
        toolCalls: [{ name: 'calc', arguments: { a: 1 } }],
      }),
    );
    const res = await post('/chat/completions', { stream: true });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const events = (await res.text())
      .split('\n\n')
      .filter(Boolean)
      .map((l) => l.replace(/^data: /, ''));
    expect(events.at(-1)).toBe('[DONE]');
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e));
    expect(chunks.map((c) => c.choices[0].delta.content ?? '').join('')).toBe('hello there');
    expect(chunks.at(-1).choices[0].finish_reason).toBe('tool_calls');
    expect(fake.requestsTo('/v1/chat/completions').at(-1)!.body).toEqual({ stream: true });
  });

  it('delays responses on request', async () => {
    fake.enqueue('/v1/chat/completions', { delayMs: 150, json: { ok: true } });
    const t = Date.now();
    await post('/chat/completions', {});
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
  });
});
