import { z } from 'zod';
import { type ChatRequest, type ChatResponse, ChatResponseSchema } from '../../answer/schema.js';
import { truncate } from '../scoring/text.js';

/** A passage returned by `GET /api/search`. */
export interface SearchPassage {
  text: string;
  chunkId?: string;
}

/** What the runner needs from citecheck; backed by the in-process app or a running server. */
export interface EvalClient {
  /** Where requests go, for messages (`in-process` or a base URL). */
  readonly target: string;
  chat(request: ChatRequest): Promise<ChatResponse>;
  search(q: string, k: number): Promise<SearchPassage[]>;
}

/** A `fetch`-compatible function: the global fetch, or `app.request` for in-process calls. */
export type FetchLike = (url: string, init?: RequestInit) => Promise<Response> | Response;

const SearchResponseSchema = z.object({
  results: z.array(z.object({ text: z.string(), chunkId: z.string().optional() })),
});

/** Default time allowed for one request. */
export const REQUEST_TIMEOUT_MS = 180_000;

async function readJson(res: Response, what: string): Promise<unknown> {
  const text = await res.text();
  if (!res.ok) {
    let message = text;
    try {
      const body = JSON.parse(text) as { error?: { code?: string; message?: string } };
      if (body.error?.message) message = `${body.error.code ?? 'error'}: ${body.error.message}`;
    } catch {
      // not JSON: keep the raw text
    }
    throw new Error(`${what} returned HTTP ${res.status}: ${truncate(message.trim(), 200)}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what} returned invalid JSON: ${truncate(text, 120)}`);
  }
}

function parseBody<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(
    `${what} response does not match the contract: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`,
  );
}

/**
 * An {@link EvalClient} over HTTP semantics. `fetchFn` is the global fetch for a running server,
 * or `(url, init) => app.request(url, init)` to call the app in-process.
 */
export function createFetchClient(
  baseUrl: string,
  fetchFn: FetchLike,
  options: { target?: string; timeoutMs?: number } = {},
): EvalClient {
  const base = baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  return {
    target: options.target ?? base,
    async chat(request) {
      const res = await fetchFn(`${base}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
        signal: AbortSignal.timeout(timeoutMs),
      });
      return parseBody(ChatResponseSchema, await readJson(res, 'POST /api/chat'), 'POST /api/chat');
    },
    async search(q, k) {
      const url = `${base}/api/search?${new URLSearchParams({ q, k: String(k) })}`;
      const res = await fetchFn(url, { signal: AbortSignal.timeout(timeoutMs) });
      return parseBody(SearchResponseSchema, await readJson(res, 'GET /api/search'), 'GET /api/search').results;
    },
  };
}

/** Fails with a clear message unless the server at `baseUrl` answers `/readyz` with 200. */
export async function checkServerReady(baseUrl: string, fetchFn: typeof fetch = fetch): Promise<void> {
  const url = `${baseUrl.replace(/\/+$/, '')}/readyz`;
  let res: Response;
  try {
    res = await fetchFn(url, { signal: AbortSignal.timeout(10_000) });
  } catch (err) {
    const cause =
      err instanceof Error && err.cause instanceof Error
        ? err.cause.message
        : err instanceof Error
          ? err.message
          : String(err);
    throw new Error(`cannot reach the citecheck server at ${baseUrl} (${cause})`);
  }
  if (!res.ok)
    throw new Error(`the citecheck server at ${baseUrl} is not ready (GET /readyz returned HTTP ${res.status})`);
}
