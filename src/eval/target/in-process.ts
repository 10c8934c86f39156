import { createServiceApp } from '../../composition/app.js';
import { createServices } from '../../composition/services.js';
import type { Config } from '../../config.js';
import type { Logger } from '../../logger.js';
import { createFetchClient, type EvalClient } from './client.js';

const IN_PROCESS_BASE = 'http://citecheck.local';

/**
 * Builds the services and app the way the server does (without the per-client rate limit, which
 * would throttle a suite run from one process), opens the knowledge base and returns a client
 * calling `app.request()`.
 */
export async function createInProcessClient(config: Readonly<Config>, logger?: Logger): Promise<EvalClient> {
  const served: Readonly<Config> = { ...config, rateLimitPerMin: 0 };
  const services = await createServices(served, logger);
  await services.kb.open();
  const { app } = createServiceApp(services, served, logger);
  return createFetchClient(IN_PROCESS_BASE, (url, init) => app.request(url, init), { target: 'in-process' });
}
