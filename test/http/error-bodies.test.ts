import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { MAX_BODY_BYTES } from '../../src/http/app.js';
import { toErrorResponse, toOpenAIError } from '../../src/http/errors.js';
import { makeTestApp, postJson, type TestApp } from '../helpers/app.js';

const KEY = 'sk-error-bodies';
const AUTH = { authorization: `Bearer ${KEY}` };
const tooLarge = JSON.stringify({ pad: 'x'.repeat(MAX_BODY_BYTES) });
const completion = { model: 'citecheck', messages: [{ role: 'user', content: 'What is digital trade?' }] };

/** Asserts a `{error:{code,message}}` body with exactly those keys. */
async function expectError(res: Response, status: number, code: string, message: string | RegExp = /\S/) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: { message: string } };
  expect(body).toStrictEqual({ error: { code, message: expect.any(String) } });
  expect(body.error.message).toMatch(message);
}

/** Asserts OpenAI's `{error:{message,type,code,param}}` with exactly those keys. */
async function expectOpenAIError(res: Response, status: number, type: string, code: string, param?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: { message: string } };
  expect(body).toStrictEqual({ error: { message: expect.any(String), type, code, param: param ?? null } });
  expect(body.error.message).toMatch(/\S/);
}

describe('error bodies', () => {
  let t: TestApp;
  let limited: TestApp;
  beforeAll(async () => {
    const slack = { SLACK_SIGNING_SECRET: 'secret', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_API_URL: 'http://127.0.0.1:9/' };
    [t, limited] = await Promise.all([
      makeTestApp({ env: { API_KEYS: KEY, ...slack } }),
      makeTestApp({ open: false, env: { RATE_LIMIT_PER_MIN: '1' } }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([t?.cleanup(), limited?.cleanup()]);
  });

  it('uses {error:{code,message}} outside /v1', async () => {
    await expectError(await t.app.request('/nope'), 404, 'not_found', 'No route for GET /nope');
    await expectError(await postJson(t.app, '/api/chat', tooLarge), 413, 'payload_too_large', /65536 bytes/);
    await expectError(await postJson(t.app, '/api/chat', '{nope'), 400, 'bad_request', /^Body is not valid JSON/);
    await expectError(await postJson(t.app, '/api/chat', {}), 400, 'bad_request', /^question: is required/);
    const plain = { method: 'POST', body: 'hi', headers: { 'content-type': 'text/plain' } };
    await expectError(await t.app.request('/api/chat', plain), 415, 'unsupported_media_type');
    await expectError(await t.app.request('/api/search?q='), 400, 'bad_request', /^q: /);
    await expectError(await t.app.request('/api/admin/reindex', { method: 'POST' }), 404, 'not_found', /ADMIN_TOKEN/);
    const slackBody = { method: 'POST', body: 'x'.repeat(256 * 1024 + 1) };
    await expectError(await t.app.request('/slack/events', slackBody), 413, 'payload_too_large', /262144 bytes/);
    await expectError(await postJson(t.app, '/slack/events', {}), 401, 'unauthorized');
  });

  it('uses OpenAI’s shape under /v1', async () => {
    const noKey = await t.app.request('/v1/models');
    await expectOpenAIError(noKey, 401, 'invalid_request_error', 'invalid_api_key');
    expect(noKey.headers.get('www-authenticate')).toBe('Bearer realm="citecheck"');
    const model = await t.app.request('/v1/models/gpt-4', { headers: AUTH });
    await expectOpenAIError(model, 404, 'invalid_request_error', 'model_not_found', 'model');
    const unknown = await t.app.request('/v1/nope', { headers: AUTH });
    await expectOpenAIError(unknown, 404, 'invalid_request_error', 'unknown_url');
    const badJson = await postJson(t.app, '/v1/chat/completions', '{nope', AUTH);
    await expectOpenAIError(badJson, 400, 'invalid_request_error', 'bad_request');
    const invalid = await postJson(t.app, '/v1/chat/completions', { model: 'citecheck' }, AUTH);
    await expectOpenAIError(invalid, 400, 'invalid_request_error', 'bad_request');
    const huge = await postJson(t.app, '/v1/chat/completions', tooLarge, AUTH);
    await expectOpenAIError(huge, 413, 'invalid_request_error', 'payload_too_large');
  });

  it('answers 429 in the shape of the path, after an error that counted', async () => {
    await expectError(await limited.app.request('/api/search?q=trade'), 503, 'not_ready');
    await expectError(await limited.app.request('/api/search?q=trade'), 429, 'rate_limited', /at most 1 a minute/);
    const first = await postJson(limited.app, '/v1/chat/completions', completion);
    await expectOpenAIError(first, 503, 'server_error', 'not_ready');
    const second = await postJson(limited.app, '/v1/chat/completions', completion);
    await expectOpenAIError(second, 429, 'rate_limit_error', 'rate_limited');
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('toErrorResponse and toOpenAIError', () => {
  it('keep an AppError’s code and message with the status it maps to', () => {
    expect(toErrorResponse(new AppError('not_ready', 'Index is loading'))).toEqual({
      status: 503,
      body: { error: { code: 'not_ready', message: 'Index is loading' } },
    });
    expect(toOpenAIError(new AppError('not_ready', 'Index is loading'))).toEqual({
      status: 503,
      body: { error: { message: 'Index is loading', type: 'server_error', code: 'not_ready', param: null } },
    });
  });

  it('turn anything else into a 500 without its details', () => {
    expect(toErrorResponse(new Error('secret stack'))).toEqual({
      status: 500,
      body: { error: { code: 'internal', message: 'Internal server error' } },
    });
    const openai = toOpenAIError(new Error('secret stack'));
    expect(openai.status).toBe(500);
    expect(openai.body.error).toMatchObject({ type: 'server_error', code: 'internal', param: null });
    expect(openai.body.error.message).not.toContain('secret');
  });
});
