/**
 * A local fake of the OpenAI HTTP API for tests (node:http on 127.0.0.1, random port).
 *
 * ```ts
 * const fake = await startFakeOpenAI({ embeddingDim: 32 });
 * // point the SDK / LangChain at fake.url (ends in /v1), any API key
 * fake.enqueue('/v1/chat/completions', chatCompletion({ content: 'hi' }));
 * fake.enqueue('/v1/chat/completions', chatCompletionStream({ content: 'hi there', chunkSize: 3 }));
 * fake.enqueue('/v1/chat/completions', { status: 429, json: errorBody('slow down'), headers: { 'retry-after': '0' } });
 * fake.setHandler('/v1/chat/completions', (req) => chatCompletion({ content: `echo ${req.body.messages.length}` }));
 * ...
 * fake.enqueue('/v1/chat/completions', { ...chatCompletionStream({ content: 'partial' }), done: false, hold: true });
 * await fake.waitForAbort(); // resolves with the request whose client disconnected early
 * fake.requests; // every request: method, path, headers, parsed body, whether the client aborted
 * await fake.close();
 * ```
 *
 * For each request the fake answers with, in order: the next response queued for that path,
 * the handler set for that path, or the built-in default. Defaults: `/v1/embeddings` returns
 * deterministic hash-based unit vectors (string or array `input`, `float` or `base64` encoding,
 * optional `dimensions`, with `usage`); `/v1/models` lists the embedding and chat models;
 * anything else is a 404 OpenAI-style error.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as received by the fake. */
export interface RecordedRequest {
  method: string;
  /** Path without query string, e.g. `/v1/embeddings`. */
  path: string;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body, or the raw text when it is not JSON (undefined when empty). */
  body: any;
  receivedAt: number;
  /** True once the client closed the connection before the response was complete. */
  aborted?: boolean;
}

/** A scripted reply. Exactly one of `json`, `sse` or `text` is normally given. */
export interface FakeResponse {
  /** HTTP status (default 200). */
  status?: number;
  headers?: Record<string, string>;
  /** Wait this long before answering (for timeout tests). */
  delayMs?: number;
  json?: unknown;
  /** Server-sent events: each item becomes one `data:` line (objects are JSON-encoded); `[DONE]` is appended unless `done: false`. */
  sse?: readonly (string | object)[];
  done?: boolean;
  /** Pause between SSE events. */
  sseIntervalMs?: number;
  text?: string;
  /** Destroy the socket instead of answering (network failure). */
  hangUp?: boolean;
  /** Keep the response open after the last SSE event (a stalled stream) until the client or server closes it. */
  hold?: boolean;
}

/** Computes a reply for a request (may be async). */
export type FakeHandler = (req: RecordedRequest) => FakeResponse | Promise<FakeResponse>;

/** Options for {@link startFakeOpenAI}. */
export interface FakeOpenAIOptions {
  /** Dimension of default embeddings (default 64; a request's `dimensions` wins). */
  embeddingDim?: number;
  /** Replaces the default deterministic embedding function. */
  embed?: (text: string, dim: number) => number[];
  /** Handlers by path, e.g. `{ '/v1/chat/completions': handler }`. */
  handlers?: Record<string, FakeHandler>;
  /** When set, requests without `Authorization: Bearer <apiKey>` get 401. */
  apiKey?: string;
}

/** A running fake server. */
export interface FakeOpenAI {
  /** Base URL ending in `/v1`. */
  url: string;
  requests: RecordedRequest[];
  /** Queues responses for a path; they are used first-in first-out before any handler. */
  enqueue(path: string, ...responses: FakeResponse[]): void;
  setHandler(path: string, handler: FakeHandler | undefined): void;
  /** Requests received for one path. */
  requestsTo(path: string): RecordedRequest[];
  /** Resolves with the next request (of `path`, if given) whose client disconnects before the response is complete. */
  waitForAbort(path?: string): Promise<RecordedRequest>;
  close(): Promise<void>;
}

/** OpenAI-style error body. */
export function errorBody(message: string, type = 'invalid_request_error', code: string | null = null) {
  return { error: { message, type, param: null, code } };
}

/** Deterministic unit vector for `text` (FNV-1a seed, xorshift stream). */
export function fakeEmbedding(text: string, dim: number): number[] {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  let s = h >>> 0 || 1;
  const v: number[] = [];
  let norm = 0;
  for (let i = 0; i < dim; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const x = ((s >>> 0) / 0xffffffff) * 2 - 1;
    v.push(x);
    norm += x * x;
  }
  const inv = 1 / Math.sqrt(norm || 1);
  return v.map((x) => x * inv);
}

/** Tool call in a scripted chat completion. */
export interface FakeToolCall {
  id?: string;
  name: string;
  arguments: string | object;
}

let seq = 0;
const nextId = (prefix: string) => `${prefix}-fake-${++seq}`;
const argsText = (a: string | object) => (typeof a === 'string' ? a : JSON.stringify(a));

/** A non-streaming `chat.completion` reply with text and/or tool calls. */
export function chatCompletion(opts: {
  content?: string | null;
  toolCalls?: FakeToolCall[];
  model?: string;
  finishReason?: string;
}): FakeResponse {
  const toolCalls = opts.toolCalls?.map((t) => ({
    id: t.id ?? nextId('call'),
    type: 'function',
    function: { name: t.name, arguments: argsText(t.arguments) },
  }));
  return {
    json: {
      id: nextId('chatcmpl'),
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: opts.model ?? 'gpt-4o-mini',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: opts.content ?? null,
            refusal: null,
            ...(toolCalls ? { tool_calls: toolCalls } : {}),
          },
          logprobs: null,
          finish_reason: opts.finishReason ?? (toolCalls?.length ? 'tool_calls' : 'stop'),
        },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    },
  };
}

/** A streaming (SSE) `chat.completion.chunk` reply: content split into `chunkSize`-character deltas, then tool calls. */
export function chatCompletionStream(opts: {
  content?: string;
  toolCalls?: FakeToolCall[];
  model?: string;
  chunkSize?: number;
  intervalMs?: number;
}): FakeResponse {
  const id = nextId('chatcmpl');
  const created = Math.floor(Date.now() / 1000);
  const model = opts.model ?? 'gpt-4o-mini';
  const chunk = (delta: object, finish: string | null = null) => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  });
  const events: object[] = [chunk({ role: 'assistant', content: '' })];
  const size = Math.max(1, opts.chunkSize ?? 8);
  const text = opts.content ?? '';
  for (let i = 0; i < text.length; i += size) events.push(chunk({ content: text.slice(i, i + size) }));
  (opts.toolCalls ?? []).forEach((t, index) => {
    events.push(
      chunk({
        tool_calls: [
          { index, id: t.id ?? nextId('call'), type: 'function', function: { name: t.name, arguments: '' } },
        ],
      }),
    );
    events.push(chunk({ tool_calls: [{ index, function: { arguments: argsText(t.arguments) } }] }));
  });
  events.push(chunk({}, opts.toolCalls?.length ? 'tool_calls' : 'stop'));
  return { sse: events, sseIntervalMs: opts.intervalMs ?? 0 };
}

function defaultEmbeddings(req: RecordedRequest, opts: FakeOpenAIOptions): FakeResponse {
  const body = req.body ?? {};
  const inputs: unknown[] = Array.isArray(body.input) ? body.input : [body.input];
  if (inputs.length === 0 || inputs.some((x) => typeof x !== 'string')) {
    return { status: 400, json: errorBody("'input' must be a string or an array of strings") };
  }
  const dim = typeof body.dimensions === 'number' ? body.dimensions : (opts.embeddingDim ?? 64);
  const embed = opts.embed ?? fakeEmbedding;
  const data = (inputs as string[]).map((text, index) => {
    const v = embed(text, dim);
    const embedding =
      body.encoding_format === 'base64' ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v;
    return { object: 'embedding', index, embedding };
  });
  const tokens = (inputs as string[]).reduce((n, t) => n + Math.max(1, t.split(/\s+/).filter(Boolean).length), 0);
  return {
    json: {
      object: 'list',
      data,
      model: body.model ?? 'text-embedding-3-small',
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    },
  };
}

/** Responses the fake itself cut off (`hangUp`), which are not client aborts. */
const hungUp = new WeakSet<http.ServerResponse>();

/** Waits `ms`, or less if the response is closed meanwhile. */
function pause(ms: number, res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed) return resolve();
    const done = () => {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    res.once('close', done);
  });
}

async function send(res: http.ServerResponse, r: FakeResponse): Promise<void> {
  if (r.delayMs) await pause(r.delayMs, res);
  if (res.destroyed) return;
  if (r.hangUp) {
    hungUp.add(res);
    res.socket?.destroy();
    return;
  }
  const status = r.status ?? 200;
  if (r.sse) {
    res.writeHead(status, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      ...r.headers,
    });
    for (const ev of r.sse) {
      if (res.destroyed) return;
      res.write(`data: ${typeof ev === 'string' ? ev : JSON.stringify(ev)}\n\n`);
      if (r.sseIntervalMs) await pause(r.sseIntervalMs, res);
    }
    if (res.destroyed) return;
    if (r.done !== false) res.write('data: [DONE]\n\n');
    if (r.hold) return;
    res.end();
    return;
  }
  if (r.text !== undefined) {
    res.writeHead(status, { 'content-type': 'text/plain', ...r.headers });
    res.end(r.text);
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...r.headers });
  res.end(JSON.stringify(r.json ?? {}));
}

/** Starts the fake on 127.0.0.1 with an ephemeral port. */
export async function startFakeOpenAI(opts: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const queues = new Map<string, FakeResponse[]>();
  const handlers = new Map<string, FakeHandler>(Object.entries(opts.handlers ?? {}));
  const abortWaiters: Array<{ path: string | undefined; resolve: (r: RecordedRequest) => void }> = [];
  const onClientAbort = (recorded: RecordedRequest) => {
    recorded.aborted = true;
    for (const w of abortWaiters.filter((x) => !x.path || x.path === recorded.path)) {
      abortWaiters.splice(abortWaiters.indexOf(w), 1);
      w.resolve(recorded);
    }
  };

  const respond = async (req: RecordedRequest): Promise<FakeResponse> => {
    if (opts.apiKey && req.headers.authorization !== `Bearer ${opts.apiKey}`) {
      return { status: 401, json: errorBody('Incorrect API key provided', 'invalid_request_error', 'invalid_api_key') };
    }
    const queued = queues.get(req.path)?.shift();
    if (queued) return queued;
    const handler = handlers.get(req.path);
    if (handler) return handler(req);
    if (req.method === 'POST' && req.path === '/v1/embeddings') return defaultEmbeddings(req, opts);
    if (req.method === 'GET' && req.path === '/v1/models') {
      return {
        json: {
          object: 'list',
          data: ['text-embedding-3-small', 'gpt-4o-mini'].map((id) => ({
            id,
            object: 'model',
            created: 0,
            owned_by: 'fake',
          })),
        },
      };
    }
    return { status: 404, json: errorBody(`fake-openai: nothing scripted for ${req.method} ${req.path}`) };
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = raw === '' ? undefined : raw;
      try {
        if (raw) body = JSON.parse(raw);
      } catch {
        // keep raw text
      }
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: (req.url ?? '/').split('?')[0]!,
        headers: req.headers,
        body,
        receivedAt: Date.now(),
        aborted: false,
      };
      requests.push(recorded);
      res.once('close', () => {
        if (!res.writableFinished && !hungUp.has(res)) onClientAbort(recorded);
      });
      respond(recorded)
        .then((r) => send(res, r))
        .catch((err: Error) =>
          send(res, { status: 500, json: errorBody(`fake-openai handler failed: ${err.message}`, 'server_error') }),
        );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue(path, ...responses) {
      const q = queues.get(path) ?? [];
      q.push(...responses);
      queues.set(path, q);
    },
    setHandler(path, handler) {
      if (handler) handlers.set(path, handler);
      else handlers.delete(path);
    },
    requestsTo: (path) => requests.filter((r) => r.path === path),
    waitForAbort: (path) => new Promise((resolve) => abortWaiters.push({ path, resolve })),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
