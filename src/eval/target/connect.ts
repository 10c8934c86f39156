import type { Config } from '../../config.js';
import { AppError } from '../../errors.js';
import { createLogger, type Logger } from '../../logger.js';
import { checkServerReady, createFetchClient, type EvalClient } from './client.js';

/** A client for the running server at `url`, after checking `GET /readyz`; an unreachable server is AppError('upstream_error') (exit 1). */
export async function connectServer(url: string): Promise<EvalClient> {
  await checkServerReady(url).catch((err: unknown) => {
    throw new AppError('upstream_error', err instanceof Error ? err.message : String(err));
  });
  return createFetchClient(url, fetch);
}

/** The logger of an in-process run: warnings and errors only (or nothing when LOG_LEVEL is silent). */
export function evalLogger(config: Readonly<Config>): Logger {
  return createLogger({ logLevel: config.logLevel === 'silent' ? 'silent' : 'warn' });
}
