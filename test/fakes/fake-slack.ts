/**
 * A local fake of the Slack Web API and of slash commands' `response_url`, for tests
 * (node:http on 127.0.0.1, random port).
 *
 * ```ts
 * const slack = await startFakeSlack();
 * // SLACK_API_URL = slack.apiUrl (ends in /api/)
 * slack.setReplies('C1', '1700000000.000100', [{ ts: '1700000000.000100', user: 'U1', text: 'first question' }]);
 * const url = slack.responseUrl();            // give it as the slash command's response_url
 * await slack.waitFor(() => slack.posts().length === 1);
 * slack.posts();                              // chat.postMessage arguments (blocks parsed)
 * slack.responses;                            // JSON bodies POSTed to response URLs
 * await slack.close();
 * ```
 *
 * Every Web API method answers `{ok: true}`; `chat.postMessage` adds a `ts`, `conversations.replies`
 * the messages set for that thread, `auth.test` the bot's ids.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Web API call as received. */
export interface SlackApiCall {
  /** Method name, e.g. `chat.postMessage`. */
  method: string;
  /** Arguments, from a form or JSON body; JSON-encoded fields such as `blocks` are parsed. */
  args: Record<string, any>;
  /** The bearer token sent. */
  token: string | undefined;
}

/** A POST to a response URL. */
export interface ResponseUrlPost {
  id: string;
  body: any;
}

/** Replies returned by `conversations.replies`. */
export interface FakeThreadMessage {
  ts: string;
  text?: string;
  user?: string;
  bot_id?: string;
  subtype?: string;
}

export interface FakeSlack {
  /** Base URL, e.g. `http://127.0.0.1:PORT`. */
  url: string;
  /** Web API base for SLACK_API_URL, ending in `/api/`. */
  apiUrl: string;
  /** The bot's user id returned by `auth.test`. */
  botUserId: string;
  calls: SlackApiCall[];
  responses: ResponseUrlPost[];
  /** `chat.postMessage` arguments, in order. */
  posts(): Record<string, any>[];
  /** A fresh response URL served by this fake. */
  responseUrl(): string;
  setReplies(channel: string, threadTs: string, messages: FakeThreadMessage[]): void;
  /** Polls until `check()` is true (rejects after `timeoutMs`). */
  waitFor(check: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts the fake on a random local port. */
export async function startFakeSlack(opts: { botUserId?: string } = {}): Promise<FakeSlack> {
  const botUserId = opts.botUserId ?? 'UBOT';
  const calls: SlackApiCall[] = [];
  const responses: ResponseUrlPost[] = [];
  const replies = new Map<string, FakeThreadMessage[]>();
  let nextTs = 1_700_000_500;
  let nextHook = 1;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '/').split('?')[0]!;
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      const hook = /^\/hooks\/([\w-]+)$/.exec(path);
      if (hook && req.method === 'POST') {
        responses.push({ id: hook[1]!, body: safeJson(raw) });
        return send(200, { ok: true });
      }
      const api = /^\/api\/([\w.]+)$/.exec(path);
      if (!api || req.method !== 'POST') return send(404, { ok: false, error: 'unknown_method' });
      const args = parseArgs(raw, String(req.headers['content-type'] ?? ''));
      const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
      const method = api[1]!;
      calls.push({ method, args, token });
      if (method === 'chat.postMessage') {
        const ts = `${nextTs++}.000100`;
        return send(200, {
          ok: true,
          channel: args.channel,
          ts,
          message: { ...args, ts, bot_id: 'BBOT', user: botUserId },
        });
      }
      if (method === 'conversations.replies') {
        return send(200, { ok: true, messages: replies.get(`${args.channel}:${args.ts}`) ?? [], has_more: false });
      }
      if (method === 'auth.test') return send(200, { ok: true, user_id: botUserId, bot_id: 'BBOT', team_id: 'T1' });
      return send(200, { ok: true });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    apiUrl: `${url}/api/`,
    botUserId,
    calls,
    responses,
    posts: () => calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.args),
    responseUrl: () => `${url}/hooks/hook-${nextHook++}`,
    setReplies: (channel, threadTs, messages) => void replies.set(`${channel}:${threadTs}`, messages),
    async waitFor(check, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!check()) {
        if (Date.now() > deadline) throw new Error('fake Slack: condition not met in time');
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parseArgs(raw: string, contentType: string): Record<string, any> {
  if (contentType.includes('application/json')) return (safeJson(raw) as Record<string, any>) ?? {};
  const args: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = /^[[{]/.test(value) ? (safeJson(value) ?? value) : value;
  }
  return args;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text || undefined;
  }
}
