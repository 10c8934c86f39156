import pg from 'pg';
import { BUILDS_CHANNEL } from './build-store.js';

/** How often the current build is also checked by query, in case an announcement was missed while disconnected. */
export const BUILD_POLL_MS = 15_000;

/** First and longest wait before reconnecting the listener. */
export const LISTEN_RETRY_MS = { first: 500, max: 15_000 } as const;

/**
 * Listens for {@link BUILDS_CHANNEL} on a dedicated connection and calls `onBuild` with each
 * announced build id. `check` (the current build id by query) runs after every (re)connection and
 * every {@link BUILD_POLL_MS}, so a build made current while this listener was disconnected is still
 * found. A lost connection is retried with backoff; errors go to `onError`, never thrown.
 */
export function watchBuilds(
  url: string,
  check: () => Promise<string | undefined>,
  onBuild: (buildId: string) => void,
  onError: (err: Error) => void = () => undefined,
): { stop: () => Promise<void> } {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let delay: number = LISTEN_RETRY_MS.first;
  const poll = async () => {
    try {
      const id = await check();
      if (id && !stopped) onBuild(id);
    } catch (err) {
      onError(err as Error);
    }
  };
  const timer = setInterval(() => void poll(), BUILD_POLL_MS);
  timer.unref();
  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, application_name: 'citecheck-listener' });
    client = c;
    const lost = (err?: Error) => {
      if (client !== c) return;
      client = undefined;
      c.removeAllListeners();
      c.on('error', () => undefined);
      void c.end().catch(() => undefined);
      if (stopped) return;
      if (err) onError(err);
      retry = setTimeout(() => void connect(), delay);
      retry.unref();
      delay = Math.min(LISTEN_RETRY_MS.max, delay * 2);
    };
    c.on('error', lost);
    c.on('end', () => lost(new Error('the build listener lost its connection')));
    c.on('notification', (msg) => {
      if (msg.channel === BUILDS_CHANNEL && msg.payload && !stopped) onBuild(msg.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${BUILDS_CHANNEL}`);
      delay = LISTEN_RETRY_MS.first;
      await poll();
    } catch (err) {
      lost(err as Error);
    }
  };
  void connect();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      if (retry) clearTimeout(retry);
      const c = client;
      client = undefined;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => undefined);
        await c.end().catch(() => undefined);
      }
    },
  };
}
