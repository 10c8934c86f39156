import { Worker } from 'node:worker_threads';
import { sha256File } from './durable-fs.js';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const buf = Buffer.allocUnsafe(1 << 20);
for (const file of workerData.files) {
  try {
    const fd = fs.openSync(file, 'r');
    const h = createHash('sha256');
    let n;
    try {
      while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) h.update(buf.subarray(0, n));
    } finally {
      fs.closeSync(fd);
    }
    parentPort.postMessage({ file, hex: h.digest('hex') });
  } catch (err) {
    parentPort.postMessage({ file, error: String(err && err.message || err) });
  }
}
`;

/**
 * SHA-256 of several files, computed in order on a worker thread so the caller can keep parsing
 * meanwhile. Each promise settles as soon as its file is done (rejects when it cannot be read).
 * Falls back to hashing on this thread when a worker cannot be started.
 */
export function hashFilesInBackground(files: readonly string[]): Map<string, Promise<string>> {
  const settle = new Map<string, { resolve: (hex: string) => void; reject: (err: Error) => void }>();
  const out = new Map<string, Promise<string>>();
  for (const f of files) {
    const p = new Promise<string>((resolve, reject) => settle.set(f, { resolve, reject }));
    p.catch(() => undefined);
    out.set(f, p);
  }
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { files } });
  } catch {
    for (const f of files) sha256File(f).then(settle.get(f)!.resolve, settle.get(f)!.reject);
    return out;
  }
  let remaining = files.length;
  worker.on('message', (msg: { file: string; hex?: string; error?: string }) => {
    const s = settle.get(msg.file);
    if (!s) return;
    if (msg.hex) s.resolve(msg.hex);
    else s.reject(new Error(msg.error ?? 'hashing failed'));
    if (--remaining === 0) void worker.terminate();
  });
  const failAll = (err: Error) => {
    for (const s of settle.values()) s.reject(err);
  };
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('hash worker exited early')));
  return out;
}
