import { serve } from '@hono/node-server';
import { createServiceApp } from '../composition/app.js';
import { createServices } from '../composition/services.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { trackRequests } from './graceful-shutdown.js';
import { runMain } from './run-main.js';

/** Wait before opening the index again after a failure, with a shared database. */
const OPEN_RETRY_MS = 5_000;

await runMain(async () => {
  const config = loadConfig();
  const logger = createLogger(config);
  const services = await createServices(config, logger);
  const { kb, chat } = services;
  const { app, slack } = createServiceApp(services, config, logger);

  let stopping = false;
  const fetch: typeof app.fetch = (req, ...rest) =>
    stopping && new URL(req.url).pathname === '/readyz'
      ? Response.json({ status: 'stopping', state: 'stopping' }, { status: 503, headers: { Connection: 'close' } })
      : app.fetch(req, ...rest);
  const server = serve({ fetch, hostname: config.host, port: config.port }, (info) => {
    logger.info({ url: `http://${config.host}:${info.port}`, port: info.port }, 'listening');
  });
  const requests = trackRequests(server);

  const open = (): void => {
    kb.open().then(
      () => chat.prepare().catch((err: unknown) => logger.warn({ err }, 'could not prepare the offline answerer')),
      (err: unknown) => {
        logger.error({ err }, 'index could not be loaded or built');
        // With a shared database the cause is often an outage: try again until it is back.
        if (config.database && !stopping) setTimeout(open, OPEN_RETRY_MS).unref();
      },
    );
  };
  open();

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(
      { signal, inFlight: requests.inFlight, timeoutMs: config.shutdownTimeoutMs },
      'shutting down: draining requests',
    );
    const drained = await requests.drain(config.shutdownTimeoutMs);
    if (slack) await Promise.race([slack.drain(), new Promise((r) => setTimeout(r, config.shutdownTimeoutMs).unref())]);
    if (drained) logger.info({ signal }, 'drained; exiting');
    else logger.warn({ signal, inFlight: requests.inFlight }, 'shutdown timed out; open connections were closed');
    await services.close().catch((err: unknown) => logger.warn({ err }, 'closing the shared stores failed'));
    logger.flush();
    process.exit(drained ? 0 : 1);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
});
