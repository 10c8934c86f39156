import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Config, loadConfig } from '../../config.js';
import { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { EvalClient } from './client.js';
import { createInProcessClient } from './in-process.js';

/** An in-process client over a chosen corpus, with a temporary DATA_DIR removed by `dispose()`. */
export interface CorpusClient {
  client: EvalClient;
  /** The temporary index directory. */
  dataDir: string;
  dispose(): Promise<void>;
}

/** Fails with AppError('bad_request') unless `dir` is a readable directory. */
export async function assertCorpusDir(dir: string, flag = '--corpus'): Promise<void> {
  const stat = await fs.stat(dir).catch(() => null);
  if (!stat?.isDirectory()) throw new AppError('bad_request', `${flag} ${dir}: not a directory`);
}

/**
 * Builds the in-process app on `corpusDir` with a fresh temporary DATA_DIR (so the index is built for
 * that corpus and nothing in `var/` is touched); every other setting comes from `loadConfig()`.
 */
export async function createCorpusClient(
  corpusDir: string,
  logger?: Logger,
  base: Readonly<Config> = loadConfig(),
): Promise<CorpusClient> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-eval-data-'));
  const dispose = () => fs.rm(dataDir, { recursive: true, force: true });
  try {
    const config: Config = { ...base, corpusDir: path.resolve(corpusDir), dataDir };
    return { client: await createInProcessClient(config, logger), dataDir, dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}
