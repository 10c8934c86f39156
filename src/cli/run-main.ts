import pc from 'picocolors';
import { ConfigError } from '../config.js';
import { isAppError } from '../errors.js';

/** Runs a CLI entry point; expected failures print one clear line and exit 1 (2 for bad usage/config). */
export async function runMain(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    const usage =
      err instanceof ConfigError ||
      (isAppError(err) && (err.code === 'bad_request' || err.code === 'invalid_argument'));
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`${pc.red('error')} ${message}\n`);
    if (!usage && !isAppError(err) && err instanceof Error && err.stack) process.stderr.write(`${pc.dim(err.stack)}\n`);
    process.exit(usage ? 2 : 1);
  }
}
