import { type Logger, pino } from 'pino';
import type { Config } from './config.js';

export type { Logger } from 'pino';

/** Fields removed from every log line, wherever a caller puts them (defence in depth: none are logged on purpose). */
const REDACT = [
  'apiKey',
  '*.apiKey',
  'token',
  '*.token',
  'adminToken',
  '*.adminToken',
  'metricsToken',
  '*.metricsToken',
  'botToken',
  '*.botToken',
  'signingSecret',
  '*.signingSecret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers.cookie',
];

/**
 * Structured JSON logger (pino) at the configured level; secrets are redacted. At info: start-up,
 * index lifecycle, one access line per request; questions appear only at debug.
 */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'citecheck' },
    redact: { paths: REDACT, remove: true },
  });
}
