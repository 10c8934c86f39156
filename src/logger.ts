import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

export type { Logger } from 'pino';

/** Structured JSON logger (pino) at the configured level; secrets are redacted. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'citecheck' },
    redact: { paths: ['apiKey', '*.apiKey', 'headers.authorization', 'req.headers.authorization'], remove: true },
  });
}
