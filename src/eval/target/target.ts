import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Config, loadConfig } from '../../config.js';
import type { EvalClient } from './client.js';
import { connectServer, evalLogger } from './connect.js';
import { createCorpusClient } from './corpus-client.js';

/** A client and how to release what it holds (a temporary corpus and DATA_DIR, or nothing for a server). */
export interface EvalTarget {
  client: EvalClient;
  dispose(): Promise<void>;
}

/**
 * Writes a corpus with `write` into a fresh temporary directory (named `<prefix>…` under `root`, default
 * the system temp directory) and builds the in-process app on it with a temporary DATA_DIR; `dispose()`
 * removes both. Other settings come from `config` (default `loadConfig()`).
 */
export async function openTempCorpus(
  prefix: string,
  write: (dir: string) => Promise<unknown>,
  options: { root?: string; config?: Readonly<Config> } = {},
): Promise<EvalTarget> {
  const corpusDir = await fs.mkdtemp(path.join(options.root ?? os.tmpdir(), prefix));
  const removeCorpus = () => fs.rm(corpusDir, { recursive: true, force: true });
  try {
    await write(corpusDir);
    const config = options.config ?? loadConfig();
    const { client, dispose } = await createCorpusClient(corpusDir, evalLogger(config), config);
    return { client, dispose: async () => void (await Promise.all([dispose(), removeCorpus()])) };
  } catch (err) {
    await removeCorpus();
    throw err;
  }
}

/** The running server at `url` (after its readiness check); nothing to release. */
export async function serverTarget(url: string): Promise<EvalTarget> {
  return { client: await connectServer(url), dispose: async () => {} };
}
