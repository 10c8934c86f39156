import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';

/** Writes one SSE message; dropped once the client has gone. */
export type SseSend = (message: { event?: string; data: string }) => void;

/**
 * A Server-Sent Events response whose work is aborted when the client disconnects (or the request
 * is aborted). `run` gets an ordered `send` and the abort signal; every write is chained and awaited
 * before the stream closes, because streamSSE closes it as soon as the callback returns, which would
 * drop writes still in flight (notably the final one). A failure after the client left is ignored;
 * any other failure goes to `onError`, which may still send.
 */
export function abortableSse(
  c: Context,
  run: (send: SseSend, signal: AbortSignal) => Promise<void>,
  onError: (err: unknown, send: SseSend) => void,
): Response {
  const controller = new AbortController();
  const upstream = c.req.raw.signal;
  upstream.addEventListener('abort', () => controller.abort(upstream.reason), { once: true });
  return streamSSE(c, async (stream) => {
    stream.onAbort(() => controller.abort(new DOMException('client disconnected', 'AbortError')));
    let written: Promise<void> = Promise.resolve();
    const send: SseSend = (message) => {
      if (controller.signal.aborted) return;
      written = written.then(() => stream.writeSSE(message)).catch(() => undefined);
    };
    try {
      await run(send, controller.signal);
    } catch (err) {
      if (!controller.signal.aborted) onError(err, send);
    } finally {
      await written;
    }
  });
}
