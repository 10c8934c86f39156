import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { createSlackBot, type SlackBot } from '../../src/slack/slack-bot.js';
import { type FakeSlack, startFakeSlack } from '../fakes/fake-slack.js';
import { makeTestApp, type TestApp } from '../helpers/app.js';

const SECRET = 'property-signing-secret-5d1e';
let slack: FakeSlack;
let t: TestApp;
let bot: SlackBot;
let app: ReturnType<typeof createApp>;
const failures: unknown[] = [];

beforeAll(async () => {
  slack = await startFakeSlack();
  t = await makeTestApp({
    env: { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-property', SLACK_API_URL: slack.apiUrl },
  });
  bot = createSlackBot(t.config.slack!, t.chat, { error: (obj) => failures.push(obj) });
  app = createApp({ config: t.config, kb: t.kb, chat: t.chat, slack: bot });
});
afterAll(async () => {
  await bot?.drain();
  await slack?.close();
  await t?.cleanup();
});

const sign = (body: string, ts: number) =>
  `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;

const text = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));
const eventBody = fc.oneof(
  text,
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc
    .record({
      type: fc.constantFrom('event_callback', 'url_verification', 'app_rate_limited', 'other'),
      challenge: fc.option(text, { nil: undefined }),
      event_id: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
      event: fc.option(
        fc.record({
          type: fc.constantFrom('app_mention', 'message', 'reaction_added'),
          text: fc.option(text, { nil: undefined }),
          user: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
          channel: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
          ts: fc.option(fc.string({ maxLength: 16 }), { nil: undefined }),
          bot_id: fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
        }),
        { nil: undefined },
      ),
    })
    .map((v) => JSON.stringify(v)),
);
const commandBody = fc.oneof(
  text,
  fc
    .record({
      command: fc.constantFrom('/citecheck', '/other'),
      text: text,
      user_id: fc.string({ maxLength: 8 }),
      channel_id: fc.string({ maxLength: 8 }),
      response_url: fc.constantFrom('', 'not a url', `${'http://127.0.0.1:9/'}`),
    })
    .map((v) => new URLSearchParams(v).toString()),
);

describe('Slack routes under random input', () => {
  it('refuse anything unsigned or badly signed with a 401, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/slack/events', '/slack/commands'),
        eventBody,
        fc.option(text),
        fc.option(fc.string({ maxLength: 14 })),
        async (path, body, signature, ts) => {
          const headers: Record<string, string> = {
            'content-type': path.endsWith('events') ? 'application/json' : 'application/x-www-form-urlencoded',
          };
          if (signature !== null) headers['x-slack-signature'] = signature.replace(/[^\x20-\x7e]/g, '?');
          if (ts !== null) headers['x-slack-request-timestamp'] = ts.replace(/[^\x20-\x7e]/g, '?');
          const res = await app.request(path, { method: 'POST', headers, body });
          expect(res.status).toBe(401);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('answer signed random payloads with a 2xx or 4xx, and the background work never fails unhandled', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          eventBody.map((b) => ['/slack/events', b] as const),
          commandBody.map((b) => ['/slack/commands', b] as const),
        ),
        async ([path, body]) => {
          const ts = Math.floor(Date.now() / 1000);
          const res = await app.request(path, {
            method: 'POST',
            headers: {
              'content-type': path.endsWith('events') ? 'application/json' : 'application/x-www-form-urlencoded',
              'x-slack-request-timestamp': String(ts),
              'x-slack-signature': sign(body, ts),
            },
            body,
          });
          expect(res.status, body).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
    await bot.drain();
  });
});
