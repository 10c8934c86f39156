import { SseParser } from './sse.js';
import type { ChatResponse, Check, DocumentView, HistoryTurn, RelatedPassage } from './types.js';

/** A failed API call, with the server's error code when it sent one. */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** Callbacks for the stream's intermediate events. */
export interface StreamHandlers {
  onMeta?(passages: RelatedPassage[]): void;
  onToken?(text: string): void;
  onCheck?(check: Check): void;
}

/** Body of `POST /api/feedback`. */
export interface FeedbackBody {
  rating: 'up' | 'down';
  question: string;
  answer: string;
  citations: { n: number; docId: string; chunkId: string; title: string; quote: string; start: number; end: number }[];
}

async function failure(res: Response): Promise<ApiFailure> {
  let code = `http_${res.status}`;
  let message = `The server answered ${res.status}`;
  try {
    const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
  } catch {
    // not JSON: keep the status text
  }
  if (res.status === 429 && !/try again/i.test(message)) {
    const retry = res.headers.get('Retry-After');
    message += retry ? ` Try again in ${retry} s.` : ' Try again shortly.';
  }
  return new ApiFailure(code, message);
}

/** Client for the citecheck API on one origin. */
export class ApiClient {
  private readonly documents = new Map<string, Promise<DocumentView>>();

  constructor(private readonly base: string) {}

  /** Streams an answer from `POST /api/chat/stream`; resolves with the `done` response. */
  async streamChat(
    body: { question: string; history: HistoryTurn[] },
    handlers: StreamHandlers,
    signal: AbortSignal,
  ): Promise<ChatResponse> {
    const res = await fetch(`${this.base}/api/chat/stream`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify(body),
      credentials: 'omit',
      signal,
    });
    if (!res.ok || !res.body) throw await failure(res);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new SseParser();
    for (;;) {
      const { done, value } = await reader.read();
      const events = done ? parser.flush() : parser.push(value);
      for (const e of events) {
        const data: unknown = JSON.parse(e.data);
        if (e.event === 'meta') handlers.onMeta?.((data as { passages: RelatedPassage[] }).passages);
        else if (e.event === 'token') handlers.onToken?.((data as { text: string }).text);
        else if (e.event === 'check') handlers.onCheck?.(data as Check);
        else if (e.event === 'done') return data as ChatResponse;
        else if (e.event === 'error') {
          const err = data as { code?: string; message?: string };
          throw new ApiFailure(err.code ?? 'internal', err.message ?? 'The answer could not be produced');
        }
      }
      if (done) throw new ApiFailure('incomplete', 'The answer stopped before it was complete.');
    }
  }

  /** `GET /api/documents/:docId`, cached. */
  document(docId: string): Promise<DocumentView> {
    let doc = this.documents.get(docId);
    if (!doc) {
      doc = fetch(`${this.base}/api/documents/${encodeURIComponent(docId)}`, { credentials: 'omit' }).then(
        async (res) => {
          if (!res.ok) throw await failure(res);
          return (await res.json()) as DocumentView;
        },
      );
      doc.catch(() => this.documents.delete(docId));
      this.documents.set(docId, doc);
    }
    return doc;
  }

  /** `POST /api/feedback`; resolves with the stored id. */
  async sendFeedback(body: FeedbackBody): Promise<string> {
    const res = await this.send('POST', '/api/feedback', body);
    return ((await res.json()) as { id: string }).id;
  }

  /** `PATCH /api/feedback/:id` with a comment. */
  async addComment(id: string, comment: string): Promise<void> {
    await this.send('PATCH', `/api/feedback/${encodeURIComponent(id)}`, { comment });
  }

  private async send(method: string, path: string, body: unknown): Promise<Response> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
    });
    if (!res.ok) throw await failure(res);
    return res;
  }
}
