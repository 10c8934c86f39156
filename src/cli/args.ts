import { type ParseArgsConfig, parseArgs } from 'node:util';
import { AppError } from '../errors.js';

/** `node:util` parseArgs that reports bad usage as an AppError (exit code 2) with the usage text. */
export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new AppError('bad_request', `${err instanceof Error ? err.message : String(err)}\n${usage}`);
  }
}
