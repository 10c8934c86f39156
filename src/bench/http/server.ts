import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createServiceApp } from '../../composition/app.js';
import { createServices } from '../../composition/services.js';
import { loadConfig } from '../../config.js';
import { createLogger } from '../../logger.js';

/** Path of the hello-world route added beside the real routes. */
export const HELLO_PATH = '/bench/hello';

/** Sent by the parent: the environment the server is configured from (as `loadConfig` reads it). */
export interface ServerStart {
  env: Record<string, string>;
}

/**
 * Child-process entry: wires the services and app exactly like `npm start` (logging silent),
 * adds a plain Hono hello-world route to the same app, opens the index, listens on an ephemeral
 * loopback port and reports `{ port }` over IPC. Exits when the parent disconnects.
 */
async function start(msg: ServerStart): Promise<number> {
  const config = loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_MIN: '0', ...msg.env, HOST: '127.0.0.1', PORT: '0' });
  const logger = createLogger(config);
  const services = await createServices(config, logger);
  const { app } = createServiceApp(services, config, logger);
  app.get(HELLO_PATH, (c) => c.text('Hello, World!'));
  await services.kb.open();
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: config.host, port: 0 }, () =>
      resolve((server.address() as AddressInfo).port),
    );
  });
}

process.once('message', (msg: ServerStart) => {
  start(msg).then(
    (port) => process.send?.({ port }),
    (err: unknown) => process.send?.({ error: err instanceof Error ? err.message : String(err) }),
  );
});
process.once('disconnect', () => process.exit(0));
