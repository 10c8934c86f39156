import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../errors.js';
import { parseSlashCommand, SlackEnvelopeSchema } from '../../slack/payloads.js';
import { verifySlackSignature } from '../../slack/signature.js';
import type { SlackBot } from '../../slack/slack-bot.js';
import type { AppEnv } from '../app-env.js';
import { jsonError } from '../errors.js';

/** Largest Slack request accepted; Slack's payloads are a few kilobytes. */
const MAX_SLACK_BODY_BYTES = 256 * 1024;

/**
 * `POST /slack/commands` and `POST /slack/events`. Each request's signature is checked on the raw
 * body before anything else (401 when forged, unsigned or older than five minutes); the request is
 * then acknowledged at once (an event once it is recorded as seen, which the bot bounds in time) and
 * answered in the background by `bot`.
 */
export function slackRoutes(bot: SlackBot, signingSecret: string): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(
    '/slack/*',
    bodyLimit({
      maxSize: MAX_SLACK_BODY_BYTES,
      onError: (c) => jsonError(c, 'payload_too_large', `Request body exceeds ${MAX_SLACK_BODY_BYTES} bytes`),
    }),
  );

  app.post('/slack/commands', async (c) => {
    const body = await verifiedBody(c, signingSecret);
    const form = new URLSearchParams(body);
    if (form.get('ssl_check') === '1') return c.body(null, 200);
    const ack = bot.handleCommand(parseSlashCommand(form));
    return ack ? c.json(ack, 200) : c.body(null, 200);
  });

  app.post('/slack/events', async (c) => {
    const body = await verifiedBody(c, signingSecret);
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      throw new AppError('bad_request', 'Body is not valid JSON');
    }
    const envelope = SlackEnvelopeSchema.safeParse(data);
    if (!envelope.success) throw new AppError('bad_request', 'Body is not a Slack Events API payload');
    if (envelope.data.type === 'url_verification') return c.json({ challenge: envelope.data.challenge ?? '' }, 200);
    await bot.handleEvent(envelope.data);
    return c.body(null, 200);
  });
  return app;
}

/** Reads the raw body and checks its Slack signature; the body as text when genuine, else a 401. */
async function verifiedBody(c: Context, secret: string): Promise<string> {
  const raw = new Uint8Array(await c.req.arrayBuffer());
  const result = verifySlackSignature(secret, {
    timestamp: c.req.header('x-slack-request-timestamp'),
    signature: c.req.header('x-slack-signature'),
    body: raw,
  });
  if (!result.ok) throw new AppError('unauthorized', result.reason);
  return new TextDecoder().decode(raw);
}
