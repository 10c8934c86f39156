import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { ServerType } from '@hono/node-server';

/** Tracks in-flight requests of a server so it can be drained. */
export interface Drainable {
  /** Requests whose response has not finished (streams included). */
  readonly inFlight: number;
  /** True once {@link Drainable.drain} was called. */
  readonly draining: boolean;
  /**
   * Stops accepting connections, answers requests still arriving on open keep-alive connections
   * with `Connection: close`, closes idle connections as responses finish, and resolves `true` when
   * every in-flight request (including SSE streams) has finished, or `false` after `timeoutMs`,
   * when the remaining connections are destroyed.
   */
  drain(timeoutMs: number): Promise<boolean>;
}

const isHttp1 = (server: ServerType): server is Server => typeof (server as Server).closeIdleConnections === 'function';

/** Starts tracking `server`'s requests; call before it receives traffic. */
export function trackRequests(server: ServerType): Drainable {
  let inFlight = 0;
  let draining = false;
  let onIdle: (() => void) | undefined;
  const http1 = isHttp1(server) ? server : undefined;

  http1?.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    if (draining && !res.headersSent) res.setHeader('Connection', 'close');
    res.once('close', () => {
      inFlight--;
      if (draining) http1.closeIdleConnections();
      if (inFlight === 0) onIdle?.();
    });
  });

  return {
    get inFlight() {
      return inFlight;
    },
    get draining() {
      return draining;
    },
    drain(timeoutMs) {
      draining = true;
      return new Promise<boolean>((resolve) => {
        let settled = false;
        const finish = (drained: boolean) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          if (!drained) http1?.closeAllConnections();
          resolve(drained);
        };
        const timer = setTimeout(() => finish(false), timeoutMs);
        timer.unref();
        server.close(() => finish(true));
        http1?.closeIdleConnections();
        onIdle = () => http1?.closeIdleConnections();
      });
    },
  };
}
