import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { ReindexAcceptedSchema } from '../../src/http/routes/admin.js';
import { CORPUS_DIR, makeTestApp, makeTmpDir, type TestApp } from '../helpers/app.js';
import { writeGeneratedCorpus } from '../helpers/generated-corpus.js';

const TOKEN = 'reindex-admin-token';
const auth = { authorization: `Bearer ${TOKEN}` };
const NEW_FACT = 'Zephyrine cable exports reached 77.7 billion yuan in 2021.';

interface Ready {
  status: string;
  buildId: string;
  reindexing: boolean;
  reindex?: { id: string; state: string; buildId?: string; previousBuildId?: string; error?: string };
}

let t: TestApp;
let corpus: string;
let server: ServerType;
let base: string;

beforeAll(async () => {
  corpus = await makeTmpDir('citecheck-reindex-corpus-');
  await fs.cp(CORPUS_DIR, corpus, { recursive: true });
  await writeGeneratedCorpus(path.join(corpus, 'generated'), 60, 20);
  t = await makeTestApp({ corpusDir: corpus, env: { ADMIN_TOKEN: TOKEN } });
  server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise((r) => (server.listening ? r(null) : server.once('listening', r)));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => (server ? server.close(r) : r(null)));
  await t?.cleanup();
  await fs.rm(corpus, { recursive: true, force: true });
});

/** Requests go over real HTTP, so the rebuild and the requests interleave as they do in production. */
const request = (url: string, init?: RequestInit) => fetch(`${base}${url}`, init);
const reindex = (headers: Record<string, string> = auth) => request('/api/admin/reindex', { method: 'POST', headers });
const ready = async () => (await (await request('/readyz')).json()) as Ready;

async function waitUntilIdle(): Promise<Ready> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const r = await ready();
    if (!r.reindexing || Date.now() > deadline) return r;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('POST /api/admin/reindex', () => {
  it('is 404 without ADMIN_TOKEN and 401 without the right bearer token', async () => {
    const open = createApp({ config: { ...t.config, adminToken: undefined }, kb: t.kb, chat: t.chat });
    const disabled = await open.request('/api/admin/reindex', { method: 'POST', headers: auth });
    expect(disabled.status).toBe(404);
    for (const headers of [
      {} as Record<string, string>,
      { authorization: 'Bearer wrong-token-value' },
      { authorization: TOKEN },
      { authorization: `Basic ${TOKEN}` },
    ]) {
      const res = await reindex(headers);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
    }
    expect((await ready()).reindexing).toBe(false);
  });

  it('rebuilds in the background while searches keep working, joins concurrent requests, then serves the new build', async () => {
    const before = await ready();
    expect(before).toMatchObject({ status: 'ready', reindexing: false });
    const probe = async () =>
      (await (await request('/api/search?q=zephyrine&k=5')).json()) as { results: { text: string }[] };
    expect((await probe()).results.some((r) => r.text.includes('Zephyrine'))).toBe(false);
    await fs.writeFile(path.join(corpus, 'zephyrine.md'), `# Cable note\n\n${NEW_FACT}\n`);

    const first = await reindex();
    expect(first.status).toBe(202);
    const accepted = ReindexAcceptedSchema.parse(await first.json());
    expect(accepted).toMatchObject({
      state: 'reindexing',
      joined: false,
      servingBuildId: before.buildId,
      reindex: { state: 'running', previousBuildId: before.buildId },
    });
    const second = ReindexAcceptedSchema.parse(await (await reindex()).json());
    expect(second).toMatchObject({ joined: true, reindex: { id: accepted.reindex.id } });

    const during = await ready();
    expect(during).toMatchObject({
      status: 'ready',
      reindexing: true,
      buildId: before.buildId,
      reindex: { id: accepted.reindex.id, state: 'running' },
    });

    const statuses: number[] = [];
    const questions = [
      'digital trade growth',
      'cross-border e-commerce',
      'harbour freight tariff',
      'solar battery vehicle',
    ];
    const deadline = Date.now() + 60_000;
    let running = true;
    const client = async (n: number) => {
      for (let i = n; running && Date.now() < deadline; i++) {
        const q = questions[i % questions.length]!;
        const res =
          i % 2
            ? await request(`/api/search?q=${encodeURIComponent(q)}`)
            : await request('/api/chat', {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ question: `What about ${q}?` }),
              });
        statuses.push(res.status);
        await res.arrayBuffer();
      }
    };
    const clients = [0, 1, 2, 3].map(client);
    const finished = await waitUntilIdle();
    running = false;
    await Promise.all(clients);
    expect(finished.reindexing).toBe(false);
    expect(statuses.length).toBeGreaterThanOrEqual(8);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    const after = await ready();
    expect(after.buildId).not.toBe(before.buildId);
    expect(after.reindex).toMatchObject({
      id: accepted.reindex.id,
      state: 'succeeded',
      buildId: after.buildId,
      previousBuildId: before.buildId,
    });
    expect((await probe()).results.some((r) => r.text.includes(NEW_FACT))).toBe(true);
    expect(t.kb.require().buildId).toBe(after.buildId);
  });

  it('keeps serving the old build when the rebuild fails', async () => {
    const before = await waitUntilIdle();
    const moved = `${corpus}-moved`;
    await fs.rename(corpus, moved);
    try {
      const res = await reindex();
      expect(res.status).toBe(202);
      const failed = await waitUntilIdle();
      expect(failed).toMatchObject({
        status: 'ready',
        buildId: before.buildId,
        reindex: { state: 'failed', previousBuildId: before.buildId },
      });
      expect(failed.reindex!.error).toMatch(/ENOENT|no such file/);
      expect((await request('/api/search?q=zephyrine')).status).toBe(200);
    } finally {
      await fs.rename(moved, corpus);
    }
  });
});
