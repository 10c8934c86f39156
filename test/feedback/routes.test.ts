import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeApp, type SmallApp, sendJson } from './app.js';

const TOKEN = 'feedback-admin-token';
const valid = {
  rating: 'down',
  question: 'What was the growth, "roughly"?',
  answer: 'It grew =47.4% [1].\nSee the passage.',
  citations: [
    {
      n: 1,
      docId: 'digital-trade-interview',
      chunkId: 'abc',
      title: 'Interview',
      quote: 'an increase of 47.4%',
      start: 10,
      end: 30,
    },
  ],
  comment: 'Too short, and "quoted"',
};

interface ErrorBody {
  error: { code: string; message: string };
}

describe('feedback routes', () => {
  let t: SmallApp;
  beforeAll(async () => {
    t = await makeApp({ ADMIN_TOKEN: TOKEN });
  });
  afterAll(() => t?.cleanup());

  const post = (body: unknown, headers?: Record<string, string>) =>
    sendJson(t.app, 'POST', '/api/feedback', body, headers);
  const exportAs = (format: string, auth?: string) =>
    Promise.resolve(t.app.request(`/api/feedback?format=${format}`, auth ? { headers: { Authorization: auth } } : {}));

  it('stores valid feedback and answers 201 with its id', async () => {
    const res = await post(valid);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect((await t.feedback.list()).find((r) => r.id === id)).toMatchObject({
      rating: 'down',
      comment: valid.comment,
      citations: valid.citations,
    });
    const minimal = await post({ rating: 'up', question: 'q', answer: 'a' });
    expect(minimal.status).toBe(201);
  });

  it.each([
    [{ ...valid, rating: 'meh' }, /rating/],
    [{ ...valid, comment: 'x'.repeat(2001) }, /comment: must be at most 2000/],
    [{ rating: 'up', answer: 'a' }, /question: is required/],
    [{ ...valid, citations: [{ n: 0, docId: 'd' }] }, /citations\.0\.n/],
    [{ ...valid, extra: true }, /extra/],
    ['{"rating":', /not valid JSON/],
  ])('rejects %j with a 400 naming the problem', async (body, mention) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const err = (await res.json()) as ErrorBody;
    expect(err.error.code).toBe('bad_request');
    expect(err.error.message).toMatch(mention);
  });

  it('wants JSON (415 otherwise)', async () => {
    const res = await t.app.request('/api/feedback', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(valid),
    });
    expect(res.status).toBe(415);
  });

  it('adds a comment to earlier feedback with PATCH', async () => {
    const { id } = (await (await post({ rating: 'up', question: 'q', answer: 'a' })).json()) as { id: string };
    const res = await sendJson(t.app, 'PATCH', `/api/feedback/${id}`, { comment: 'added later' });
    expect(res.status).toBe(200);
    expect((await t.feedback.list()).find((r) => r.id === id)?.comment).toBe('added later');
    expect(
      (await sendJson(t.app, 'PATCH', '/api/feedback/00000000-0000-4000-8000-000000000000', { comment: 'x' })).status,
    ).toBe(404);
    expect((await sendJson(t.app, 'PATCH', '/api/feedback/not-a-uuid', { comment: 'x' })).status).toBe(400);
    expect((await sendJson(t.app, 'PATCH', `/api/feedback/${id}`, { comment: 'x'.repeat(2001) })).status).toBe(400);
  });

  it('refuses the export without the right bearer token', async () => {
    for (const auth of [undefined, 'Bearer wrong-token-value', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, 'Bearer']) {
      const res = await exportAs('json', auth);
      expect(res.status, String(auth)).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(((await res.json()) as ErrorBody).error.code).toBe('unauthorized');
    }
  });

  it('exports JSON and properly quoted CSV with the token', async () => {
    const json = await exportAs('json', `Bearer ${TOKEN}`);
    expect(json.status).toBe(200);
    const { feedback } = (await json.json()) as { feedback: { question: string }[] };
    expect(feedback.map((f) => f.question)).toContain(valid.question);

    const csv = await exportAs('csv', `bearer ${TOKEN}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="feedback.csv"/);
    const text = await csv.text();
    expect(text.startsWith('id,created_at,rating,question,answer,comment,citations\r\n')).toBe(true);
    expect(text).toContain(
      `,down,"What was the growth, ""roughly""?","It grew =47.4% [1].\nSee the passage.","Too short, and ""quoted""",[1] Interview: an increase of 47.4%\r\n`,
    );
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + feedback.length);
    expect((await exportAs('xml', `Bearer ${TOKEN}`)).status).toBe(400);
  });
});

describe('feedback export without ADMIN_TOKEN', () => {
  it('is disabled with a message saying how to enable it', async () => {
    const t = await makeApp();
    try {
      const res = await t.app.request('/api/feedback', { headers: { Authorization: 'Bearer anything-at-all' } });
      expect(res.status).toBe(404);
      expect(((await res.json()) as ErrorBody).error.message).toMatch(/ADMIN_TOKEN/);
      expect((await sendJson(t.app, 'POST', '/api/feedback', valid)).status).toBe(201);
    } finally {
      await t.cleanup();
    }
  });
});
