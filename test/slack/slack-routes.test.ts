import { createHmac } from 'node:crypto';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ChatRequest } from '../../src/answer/schema.js';
import { createApp } from '../../src/http/app.js';
import type { AppEnv } from '../../src/http/app-env.js';
import type { SlackBlock } from '../../src/slack/block-types.js';
import { createSlackBot, type SlackBot } from '../../src/slack/slack-bot.js';
import { type FakeSlack, startFakeSlack } from '../fakes/fake-slack.js';
import { makeTestApp, type TestApp } from '../helpers/app.js';

const SECRET = 'test-signing-secret-8f742231b10e';
const TOKEN = 'xoxb-test-token';
const QUESTION = 'How much did digital service trade grow from 2011 to 2020?';

let slack: FakeSlack;
let t: TestApp;
let bot: SlackBot;
let app: OpenAPIHono<AppEnv>;
let eventSeq = 0;

beforeAll(async () => {
  slack = await startFakeSlack();
  t = await makeTestApp({ env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: TOKEN, SLACK_API_URL: slack.apiUrl } });
  bot = createSlackBot(t.config.slack!, t.chat);
  app = createApp({ config: t.config, kb: t.kb, chat: t.chat, slack: bot });
});
afterEach(async () => {
  await bot.drain();
  vi.restoreAllMocks();
  slack.calls.length = 0;
  slack.responses.length = 0;
});
afterAll(async () => {
  await slack?.close();
  await t?.cleanup();
});

/** Signs like Slack does (independently of the code under test). */
function sign(body: string, timestamp: number, secret = SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

interface SendOptions {
  timestamp?: number;
  signature?: string;
  headers?: Record<string, string>;
  target?: OpenAPIHono<AppEnv>;
}

async function send(path: string, body: string, contentType: string, opts: SendOptions = {}): Promise<Response> {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  return (opts.target ?? app).request(path, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': opts.signature ?? sign(body, timestamp),
      ...opts.headers,
    },
    body,
  });
}

function command(text: string, responseUrl = slack.responseUrl(), opts: SendOptions = {}) {
  const form = new URLSearchParams({
    token: 'legacy',
    team_id: 'T1',
    channel_id: 'C1',
    user_id: 'U1',
    command: '/citecheck',
    text,
    response_url: responseUrl,
  });
  return send('/slack/commands', form.toString(), 'application/x-www-form-urlencoded', opts);
}

function event(ev: Record<string, unknown>, opts: SendOptions & { eventId?: string } = {}) {
  const body = JSON.stringify({
    type: 'event_callback',
    team_id: 'T1',
    event_id: opts.eventId ?? `Ev${++eventSeq}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ user_id: slack.botUserId, is_bot: true }],
    event: ev,
  });
  return send('/slack/events', body, 'application/json', opts);
}

/** Every Slack limit the message must respect. */
function expectWithinLimits(message: { text?: unknown; blocks?: SlackBlock[] }) {
  expect(typeof message.text).toBe('string');
  expect((message.text as string).length).toBeGreaterThan(0);
  const blocks = message.blocks ?? [];
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const block of blocks) {
    if (block.type === 'section') expect(block.text.text.length).toBeLessThanOrEqual(3000);
    if (block.type === 'context') {
      expect(block.elements.length).toBeLessThanOrEqual(10);
      for (const el of block.elements) expect(el.text.length).toBeLessThanOrEqual(3000);
    }
  }
}

const allText = (blocks: SlackBlock[]) =>
  blocks
    .map((b) =>
      b.type === 'section' ? b.text.text : b.type === 'context' ? b.elements.map((e) => e.text).join('\n') : '',
    )
    .join('\n');

describe('POST /slack/commands', () => {
  it('acknowledges at once, then posts the answer to response_url (ephemeral)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const answer = t.chat.answer.bind(t.chat);
    vi.spyOn(t.chat, 'answer').mockImplementationOnce(async (...args) => {
      await gate;
      return answer(...args);
    });
    const url = slack.responseUrl();
    const started = performance.now();
    const res = await command(QUESTION, url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(slack.responses).toHaveLength(0);
    expect(bot.pending.size).toBe(1);

    release();
    await bot.drain();
    expect(slack.responses).toHaveLength(1);
    const post = slack.responses[0]!;
    expect(url.endsWith(post.id)).toBe(true);
    expect(post.body.response_type).toBe('ephemeral');
    expectWithinLimits(post.body);
    const text = allText(post.body.blocks);
    expect(text).toContain(`*Q:* ${QUESTION}`);
    expect(text).toMatch(/\[1\] .+ - Chen Hongna: "/);
    expect(text).toContain('78.82% = (294.76 - 164.84) / 164.84 computed');
    expect(post.body.text).toContain('US$294.76 billion');
  });

  it('posts in the channel when the text starts with "share"', async () => {
    const res = await command(`share ${QUESTION}`);
    expect(res.status).toBe(200);
    await bot.drain();
    expect(slack.responses[0]!.body.response_type).toBe('in_channel');
    expect(allText(slack.responses[0]!.body.blocks)).toContain(`*Q:* ${QUESTION}`);
  });

  it('answers an empty command with usage, without calling anything', async () => {
    const res = await command('  ');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('share') });
    await bot.drain();
    expect(slack.responses).toHaveLength(0);
  });

  it('says so plainly when the documents do not cover the question', async () => {
    await command("What was China's unemployment rate in 2020?");
    await bot.drain();
    const body = slack.responses[0]!.body;
    expectWithinLimits(body);
    expect(allText(body.blocks)).toContain("The documents don't answer this question.");
    expect(allText(body.blocks)).toContain('*Nearest passages*');
  });
});

describe('Slack request verification', () => {
  it('answers url_verification with the challenge only when signed', async () => {
    const body = JSON.stringify({ type: 'url_verification', token: 'x', challenge: 'chal-123' });
    const res = await send('/slack/events', body, 'application/json', { target: t.app });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'chal-123' });

    const forged = await send('/slack/events', body, 'application/json', {
      target: t.app,
      signature: sign(body, Math.floor(Date.now() / 1000), 'wrong'),
    });
    expect(forged.status).toBe(401);
    expect(await forged.text()).not.toContain('chal-123');
  });

  it('refuses forged, unsigned and stale requests with 401 and answers none of them', async () => {
    const now = Math.floor(Date.now() / 1000);
    const body = new URLSearchParams({ text: QUESTION, response_url: slack.responseUrl() }).toString();
    const forged = await send('/slack/commands', body, 'application/x-www-form-urlencoded', {
      signature: sign(body, now, 'not-the-secret'),
    });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({ error: { code: 'unauthorized', message: 'invalid Slack signature' } });

    const tampered = await send('/slack/commands', `${body}x`, 'application/x-www-form-urlencoded', {
      signature: sign(body, now),
    });
    expect(tampered.status).toBe(401);

    const stale = await command(QUESTION, slack.responseUrl(), { timestamp: now - 6 * 60 });
    expect(stale.status).toBe(401);
    expect(((await stale.json()) as { error: { message: string } }).error.message).toMatch(/too old/);

    const unsigned = await app.request('/slack/events', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(unsigned.status).toBe(401);

    await bot.drain();
    expect(slack.responses).toHaveLength(0);
    expect(slack.calls).toHaveLength(0);
  });

  it('is a 404 when Slack is not configured', async () => {
    const off = createApp({ config: { ...t.config, slack: undefined }, kb: t.kb, chat: t.chat });
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c' });
    expect((await send('/slack/events', body, 'application/json', { target: off })).status).toBe(404);
    expect(
      (await send('/slack/commands', 'text=hi', 'application/x-www-form-urlencoded', { target: off })).status,
    ).toBe(404);
  });
});

describe('POST /slack/events', () => {
  it('answers a mention in a thread under it, with the bot token', async () => {
    const res = await event({
      type: 'app_mention',
      channel: 'C1',
      user: 'U1',
      text: `<@${slack.botUserId}> ${QUESTION}`,
      ts: '1700000001.000100',
    });
    expect(res.status).toBe(200);
    await bot.drain();
    const posts = slack.posts();
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ channel: 'C1', thread_ts: '1700000001.000100' });
    expect(slack.calls[0]!.token).toBe(TOKEN);
    expectWithinLimits(posts[0]!);
    expect(allText(posts[0]!.blocks)).toMatch(/\[1\] .+ - Chen Hongna: "/);
    expect(slack.calls.some((c) => c.method === 'conversations.replies')).toBe(false);
  });

  it('answers a retried delivery only once', async () => {
    const ev = {
      type: 'app_mention',
      channel: 'C1',
      user: 'U1',
      text: `<@${slack.botUserId}> ${QUESTION}`,
      ts: '1700000002.000100',
    };
    expect((await event(ev, { eventId: 'EvRetry' })).status).toBe(200);
    const retry = await event(ev, {
      eventId: 'EvRetry',
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    // The same message delivered under another event id (e.g. a second subscription) is not answered either.
    expect((await event(ev, { eventId: 'EvOther' })).status).toBe(200);
    await bot.drain();
    expect(slack.posts()).toHaveLength(1);
  });

  it('ignores messages from bots, including itself, and channel messages that are not mentions', async () => {
    await event({
      type: 'message',
      channel_type: 'im',
      channel: 'D1',
      bot_id: 'B2',
      text: QUESTION,
      ts: '1700000003.000100',
    });
    await event({
      type: 'message',
      channel_type: 'im',
      channel: 'D1',
      subtype: 'bot_message',
      text: QUESTION,
      ts: '1700000003.000200',
    });
    await event({
      type: 'message',
      channel_type: 'im',
      channel: 'D1',
      user: slack.botUserId,
      text: QUESTION,
      ts: '1700000003.000300',
    });
    await event({
      type: 'app_mention',
      channel: 'C1',
      user: 'U1',
      bot_id: 'B2',
      text: `<@${slack.botUserId}> hi`,
      ts: '1700000003.000400',
    });
    await event({
      type: 'message',
      channel_type: 'channel',
      channel: 'C1',
      user: 'U1',
      text: QUESTION,
      ts: '1700000003.000500',
    });
    await bot.drain();
    expect(slack.calls).toHaveLength(0);
  });

  it('answers a direct message in a thread', async () => {
    await event({
      type: 'message',
      channel_type: 'im',
      channel: 'D1',
      user: 'U1',
      text: QUESTION,
      ts: '1700000004.000100',
    });
    await bot.drain();
    expect(slack.posts()).toEqual([expect.objectContaining({ channel: 'D1', thread_ts: '1700000004.000100' })]);
  });

  it('answers a follow-up in a thread with the earlier turns as history', async () => {
    const spy = vi.spyOn(t.chat, 'answer');
    slack.setReplies('C1', '1700000005.000100', [
      { ts: '1700000005.000100', user: 'U1', text: `<@${slack.botUserId}> ${QUESTION}` },
      { ts: '1700000005.000200', user: slack.botUserId, bot_id: 'BBOT', text: 'It grew by 78.82% [1] &amp; more.' },
      { ts: '1700000005.000250', subtype: 'channel_join', user: 'U9', text: 'joined' },
      {
        ts: '1700000005.000300',
        user: 'U1',
        text: `<@${slack.botUserId}> And what was the compound annual growth rate?`,
      },
      { ts: '1700000005.000400', user: 'U2', text: 'a later message' },
    ]);
    await event({
      type: 'app_mention',
      channel: 'C1',
      user: 'U1',
      text: `<@${slack.botUserId}> And what was the compound annual growth rate?`,
      ts: '1700000005.000300',
      thread_ts: '1700000005.000100',
    });
    await bot.drain();
    expect(slack.calls.find((c) => c.method === 'conversations.replies')?.args).toMatchObject({
      channel: 'C1',
      ts: '1700000005.000100',
    });
    const request = spy.mock.calls[0]![0] as ChatRequest;
    expect(request.question).toBe('And what was the compound annual growth rate?');
    expect(request.history).toEqual([
      { role: 'user', content: QUESTION },
      { role: 'assistant', content: 'It grew by 78.82% [1] & more.' },
    ]);
    expect(slack.posts()).toEqual([expect.objectContaining({ channel: 'C1', thread_ts: '1700000005.000100' })]);
  });

  it('apologises in the thread when the answer fails', async () => {
    vi.spyOn(t.chat, 'answer').mockRejectedValueOnce(new Error('boom'));
    await event({
      type: 'app_mention',
      channel: 'C1',
      user: 'U1',
      text: `<@${slack.botUserId}> ${QUESTION}`,
      ts: '1700000006.000100',
    });
    await bot.drain();
    expect(slack.posts()[0]).toMatchObject({ thread_ts: '1700000006.000100', text: expect.stringMatching(/^Sorry/) });
  });
});
