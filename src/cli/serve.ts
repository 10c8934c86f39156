import { serve } from '@hono/node-server';
import { loadConfig } from '../config.js';
import { createApp } from '../http/app.js';
import { createLogger } from '../logger.js';
import { runMain } from './run-main.js';
import { createServices } from './services.js';

await runMain(async () => {
  const config = loadConfig();
  const logger = createLogger(config);
  const { kb, chat, feedback } = createServices(config, logger);
  const app = createApp({ config, kb, chat, feedback, logger });

  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    logger.info({ url: `http://${config.host}:${info.port}` }, 'listening');
  });

  kb.open().catch((err: unknown) => logger.error({ err }, 'index could not be loaded or built'));

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close(() => {
      feedback.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
});
