import { createServices } from '../../composition/services.js';
import type { Config } from '../../config.js';
import { createApp } from '../../http/app.js';
import type { Logger } from '../../logger.js';
import { createFetchClient, type EvalClient } from './client.js';

const IN_PROCESS_BASE = 'http://citecheck.local';

/**
 * Builds the services and app the way the server does (without the per-client rate limit, which
 * would throttle a suite run from one process), opens the knowledge base and returns a client
 * calling `app.request()`.
 */
export async function createInProcessClient(config: Readonly<Config>, logger?: Logger): Promise<EvalClient> {
  const { kb, chat } = await createServices(config, logger);
  await kb.open();
  const app = createApp({ config: { ...config, rateLimitPerMin: 0 }, kb, chat, ...(logger ? { logger } : {}) });
  return createFetchClient(IN_PROCESS_BASE, (url, init) => app.request(url, init), { target: 'in-process' });
}
