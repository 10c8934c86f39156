import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { HttpLogger } from './errors.js';

/** Logger bound to one request: every line carries its `reqId`. */
export interface RequestLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Header carrying the request id, read from the client and set on every response. */
export const REQUEST_ID_HEADER = 'X-Request-Id';

const SANE_ID = /^[\w.:@/+=-]{1,128}$/;

/** The client's request id when it is short and plain (letters, digits, `._:@/+=-`), else a new UUID. */
export function requestIdFrom(header: string | undefined): string {
  const given = header?.trim();
  return given && SANE_ID.test(given) ? given : randomUUID();
}

interface ChildCapable extends HttpLogger {
  child(bindings: object): RequestLogger;
}

const canChild = (logger: HttpLogger | undefined): logger is ChildCapable =>
  typeof (logger as Partial<ChildCapable> | undefined)?.child === 'function';

const noop = () => undefined;

/** A pino child with `reqId`; a logger without `child` only receives errors (with the id added). */
export function requestLogger(base: HttpLogger | undefined, reqId: string): RequestLogger {
  if (canChild(base)) return base.child({ reqId });
  return { debug: noop, info: noop, warn: noop, error: (obj, msg) => base?.error({ ...obj, reqId }, msg) };
}

/**
 * First middleware of the app: assigns the request id (`c.var.requestId`), a per-request logger
 * (`c.var.log`), echoes the id in `X-Request-Id`, and writes one access line at info when the
 * response is ready: method, path (no query string), status and milliseconds. Nothing from the
 * body, the query or the headers is logged here.
 */
export function requestContext(
  base: HttpLogger | undefined,
): MiddlewareHandler<{ Variables: { requestId: string; log: RequestLogger } }> {
  return async (c, next) => {
    const started = performance.now();
    const reqId = requestIdFrom(c.req.header(REQUEST_ID_HEADER));
    const log = requestLogger(base, reqId);
    c.set('requestId', reqId);
    c.set('log', log);
    c.header(REQUEST_ID_HEADER, reqId);
    try {
      await next();
    } finally {
      try {
        if (c.res.headers.get(REQUEST_ID_HEADER) !== reqId) c.res.headers.set(REQUEST_ID_HEADER, reqId);
      } catch {
        // immutable headers (a proxied Response): the id is still in the log line
      }
      const ms = Math.round((performance.now() - started) * 10) / 10;
      log.info({ method: c.req.method, path: c.req.path.slice(0, 256), status: c.res.status, ms }, 'request');
    }
  };
}
