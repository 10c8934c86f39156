import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pidAlive, readTextIfExists } from './durable-fs.js';

/** Where a data dir keeps its index: `index/CURRENT` names the live build under `index/builds/`. */
export interface IndexLayout {
  root: string;
  buildsDir: string;
  current: string;
  lock: string;
}

/** File names inside one build directory. */
export const BUILD_FILES = {
  manifest: 'manifest.json',
  vectors: 'vectors.hnsw',
  chunks: 'chunks.json',
  texts: 'texts.bin',
  bm25: 'bm25.bin',
} as const;

const BUILD_ID_RE = /^\d{8}T\d{9}Z-\d+-[0-9a-f]{8}$/;
const STALE_TMP_MS = 24 * 3600_000;

/** Paths of the index under `dataDir`. */
export function indexLayout(dataDir: string): IndexLayout {
  const root = path.join(dataDir, 'index');
  return {
    root,
    buildsDir: path.join(root, 'builds'),
    current: path.join(root, 'CURRENT'),
    lock: path.join(root, '.write.lock'),
  };
}

let lastStampMs = 0;

/**
 * A new build id: UTC time (sortable, strictly increasing within a process), writer pid and
 * randomness, e.g. `20240101T120000123Z-42-9f3a1c2e`.
 */
export function newBuildId(now = Date.now()): string {
  lastStampMs = Math.max(now, lastStampMs + 1);
  const stamp = new Date(lastStampMs).toISOString().replace(/[-:.]/g, '');
  return `${stamp}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

const BUILD_STAMP_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-/;

/** When a build id from {@link newBuildId} was made (epoch milliseconds); `undefined` for any other name. */
export function buildIdTime(buildId: string): number | undefined {
  const m = isBuildId(buildId) ? BUILD_STAMP_RE.exec(buildId) : null;
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
  const time = Date.parse(iso);
  return Number.isNaN(time) || new Date(time).toISOString() !== iso ? undefined : time;
}

/** True for names produced by {@link newBuildId}. */
export function isBuildId(s: string): boolean {
  return BUILD_ID_RE.test(s);
}

/** The build id in CURRENT, `undefined` when absent, `null` when unreadable garbage. */
export async function readCurrent(layout: IndexLayout): Promise<string | null | undefined> {
  const text = await readTextIfExists(layout.current);
  if (text === undefined) return undefined;
  const id = text.trim();
  return isBuildId(id) ? id : null;
}

async function isAbandonedTmp(dir: string, name: string, active: ReadonlySet<string>): Promise<boolean> {
  const id = name.slice(0, -'.tmp'.length);
  if (!isBuildId(id)) return true;
  const pid = Number.parseInt(id.split('-')[1]!, 10);
  if (pid === process.pid) return !active.has(name);
  if (!pidAlive(pid)) return true;
  const st = await fs.stat(dir).catch(() => undefined);
  return st !== undefined && Date.now() - st.mtimeMs > STALE_TMP_MS;
}

/**
 * Removes abandoned `*.tmp` build directories (writer process gone, or older than a day), every
 * finished build except those in `keep`, and leftover `CURRENT.*.tmp` files. Call it while holding
 * the write lock. Entries it does not recognise are left alone.
 */
export async function collectGarbage(
  layout: IndexLayout,
  keep: ReadonlySet<string>,
  activeTmp: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await fs.readdir(layout.root).catch(() => [] as string[])) {
    if (name.startsWith('CURRENT.') && name.endsWith('.tmp')) {
      await fs.rm(path.join(layout.root, name), { force: true });
      removed.push(name);
    }
  }
  const entries = await fs.readdir(layout.buildsDir).catch(() => [] as string[]);
  for (const name of entries) {
    const dir = path.join(layout.buildsDir, name);
    let remove = false;
    if (name.endsWith('.tmp')) remove = await isAbandonedTmp(dir, name, activeTmp);
    else if (isBuildId(name)) remove = !keep.has(name);
    if (remove) {
      await fs.rm(dir, { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}
