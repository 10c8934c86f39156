import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chatCompletionStream, type FakeOpenAI, startFakeOpenAI } from '../fakes/fake-openai.js';
import { CORPUS_DIR, makeTmpDir } from '../helpers/app.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ANSWER = 'Digital service trade grew from US$164.84 billion in 2011 to US$294.76 billion in 2020 [1].';

interface Server {
  child: ChildProcess;
  port: number;
  logs: Record<string, unknown>[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let fake: FakeOpenAI;
let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  fake = await startFakeOpenAI();
  dataDir = await makeTmpDir('citecheck-shutdown-');
});
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});
afterAll(async () => {
  await fake?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** Starts `src/cli/serve.ts` as its own process (no wrapper, so signals reach it) on a free port, in LLM mode against the fake. */
async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      CORPUS_DIR,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      OPENAI_BASE_URL: fake.url,
      OPENAI_API_KEY: 'test-key',
      LLM_MAX_RETRIES: '0',
      RATE_LIMIT_PER_MIN: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const logs: Record<string, unknown>[] = [];
  let buffer = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'listening') resolve(entry.port as number);
      }
    });
    void exit.then(({ code }) => reject(new Error(`server exited early with ${code}`)));
  });
  const deadline = Date.now() + 30_000;
  while ((await fetch(`http://127.0.0.1:${port}/readyz`)).status !== 200) {
    if (Date.now() > deadline) throw new Error('server never became ready');
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, port, logs, exit };
}

/** Opens a chat stream and resolves once the first token event has arrived, with a reader for the rest. */
async function openStream(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/api/chat/stream`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question: 'How much did digital service trade grow from 2011 to 2020?' }),
  });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes('event: token')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  const rest = async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return text;
      text += decoder.decode(value, { stream: true });
    }
  };
  return { rest };
}

/** Whether a fresh TCP connection to the port is accepted. */
const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

describe('graceful shutdown on SIGTERM', () => {
  it('stops accepting, lets an in-flight stream and request finish, then exits 0', async () => {
    fake.setHandler('/v1/chat/completions', () => ({
      ...chatCompletionStream({ content: ANSWER, chunkSize: 6 }),
      sseIntervalMs: 60,
    }));
    const server = await startServer();
    const stream = await openStream(server.port);
    const plain = fetch(`http://127.0.0.1:${server.port}/api/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'What share of GDP is the digital economy?' }),
    });
    await new Promise((r) => setTimeout(r, 100));

    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    expect(await accepts(server.port)).toBe(false);

    const text = await stream.rest();
    expect(text).toContain('event: done');
    expect(text).not.toContain('event: error');
    const answered = await plain;
    expect(answered.status).toBe(200);
    expect(((await answered.json()) as { answer: string }).answer.length).toBeGreaterThan(0);

    expect(await server.exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(10_000);
    const messages = server.logs.map((l) => l.msg);
    expect(messages).toEqual(expect.arrayContaining(['shutting down: draining requests', 'drained; exiting']));
    expect(server.logs.filter((l) => l.msg === 'request' && l.path === '/api/chat/stream')).toHaveLength(1);
  }, 60_000);

  it('cuts streams that outlast the bound and exits 1', async () => {
    fake.setHandler('/v1/chat/completions', () => ({
      ...chatCompletionStream({ content: ANSWER, chunkSize: 4 }),
      done: false,
      hold: true,
    }));
    const server = await startServer({ SHUTDOWN_TIMEOUT_MS: '300', LLM_TIMEOUT_MS: '60000' });
    const stream = await openStream(server.port);
    const signalledAt = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exit).toEqual({ code: 1, signal: null });
    expect(Date.now() - signalledAt).toBeLessThan(5_000);
    await stream.rest().catch(() => undefined);
    expect(server.logs.map((l) => l.msg)).toContain('shutdown timed out; open connections were closed');
  }, 60_000);
});
