import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../fakes/fake-slack.js';
import { CORPUS_DIR, makeTmpDir } from '../helpers/app.js';
import { describePg, freshDatabase } from '../helpers/postgres.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ADMIN = 'admin-token-for-replicas';
const SECRET = 'replica-signing-secret';
const RATE = 25;
const NEW_DOC =
  '# Fictional lighthouse log\n\nThis document is fictional. The Tarrow Point lighthouse was repainted 14 times.\n';

interface Replica {
  name: string;
  child: ChildProcess;
  base: string;
}

const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 30_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describePg('two replicas on one PostgreSQL database', () => {
  let db: { url: string; drop: () => Promise<void> };
  let slack: FakeSlack;
  let corpusDir: string;
  const replicas: Replica[] = [];

  /** Starts `src/cli/serve.ts` on a free port against the shared database, with its own DATA_DIR. */
  async function start(name: string, databaseUrl = db.url): Promise<Replica> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        CORPUS_DIR: corpusDir,
        DATA_DIR: await makeTmpDir(`citecheck-${name}-`),
        DATABASE_URL: databaseUrl,
        ADMIN_TOKEN: ADMIN,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_BOT_TOKEN: 'xoxb-replicas',
        SLACK_API_URL: slack.apiUrl,
        RATE_LIMIT_PER_MIN: String(RATE),
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        buffer += d.toString();
        const m = /"msg":"listening"[^\n]*?"port":(\d+)|"port":(\d+)[^\n]*?"msg":"listening"/.exec(buffer);
        if (m) resolve(Number(m[1] ?? m[2]));
      });
      child.once('exit', (code) => reject(new Error(`${name} exited early with ${code}`)));
    });
    const replica = { name, child, base: `http://127.0.0.1:${port}` };
    replicas.push(replica);
    await until(`${name} to be ready`, async () => (await fetch(`${replica.base}/readyz`)).status === 200, 60_000);
    return replica;
  }

  const readyz = async (r: Replica) =>
    (await (await fetch(`${r.base}/readyz`)).json()) as { buildId: string; origin: string; docs: number };
  const post = (r: Replica, route: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${r.base}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const feedbackExport = async (r: Replica) =>
    (await (
      await fetch(`${r.base}/api/feedback?format=json`, { headers: { authorization: `Bearer ${ADMIN}` } })
    ).json()) as { feedback: { id: string }[] };
  const ids = (exported: Awaited<ReturnType<typeof feedbackExport>>) => new Set(exported.feedback.map((f) => f.id));
  /** A GET from another loopback address, so that it counts against a client key of its own. */
  const getFrom = (localAddress: string, url: string) =>
    new Promise<number>((resolve, reject) => {
      http
        .get(url, { localAddress }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        })
        .on('error', reject);
    });

  function slackEvent(r: Replica, eventId: string, ts: string): Promise<Response> {
    const body = JSON.stringify({
      type: 'event_callback',
      team_id: 'T1',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [{ user_id: slack.botUserId, is_bot: true }],
      event: {
        type: 'app_mention',
        channel: 'C1',
        user: 'U1',
        text: `<@${slack.botUserId}> What does the document say?`,
        ts,
      },
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    return fetch(`${r.base}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature,
      },
      body,
    });
  }

  beforeAll(async () => {
    db = await freshDatabase();
    slack = await startFakeSlack();
    corpusDir = await makeTmpDir('citecheck-replicas-corpus-');
    await fs.cp(CORPUS_DIR, corpusDir, { recursive: true });
    await Promise.all([start('a'), start('b')]);
  }, 120_000);
  afterAll(async () => {
    for (const r of replicas) if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGTERM');
    await Promise.all(
      replicas.map((r) =>
        r.child.exitCode === null && r.child.signalCode === null
          ? new Promise((res) => r.child.once('exit', res))
          : null,
      ),
    );
    await slack?.close();
    await db?.drop();
  });

  it('both serve one build from the database and answer the same question with citations', async () => {
    const [a, b] = replicas as [Replica, Replica];
    const [ra, rb] = await Promise.all([readyz(a), readyz(b)]);
    expect(ra.buildId).toBe(rb.buildId);
    expect([ra.origin, rb.origin].sort()).toEqual(['build', 'database']);
    for (const r of [a, b]) {
      const res = await post(r, '/api/chat', { question: 'What do the documents say about digital trade?' });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { citations: unknown[] };
      expect(body.citations.length).toBeGreaterThan(0);
    }
  });

  it('a Slack event delivered to both replicas is answered once', async () => {
    const [a, b] = replicas as [Replica, Replica];
    const before = slack.posts().length;
    const [x, y] = await Promise.all([
      slackEvent(a, 'EvBoth1', '1700000100.000100'),
      slackEvent(b, 'EvBoth1', '1700000100.000100'),
    ]);
    expect([x.status, y.status]).toEqual([200, 200]);
    await slack.waitFor(() => slack.posts().length > before, 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    expect(slack.posts().length - before).toBe(1);
  });

  it('the rate limit counts requests on both replicas together', async () => {
    const [a, b] = replicas as [Replica, Replica];
    const statuses: number[] = [];
    for (let i = 0; i < RATE + 5; i++)
      statuses.push(await getFrom('127.0.0.2', `${(i % 2 ? b : a).base}/api/documents`));
    expect(statuses.filter((s) => s === 200)).toHaveLength(RATE);
    expect(statuses.slice(RATE)).toEqual(Array(5).fill(429));
  });

  it('feedback posted to one replica is exported from the other', async () => {
    const [a, b] = replicas as [Replica, Replica];
    const res = await post(a, '/api/feedback', { rating: 'up', question: 'Q on a', answer: 'A on a', citations: [] });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    expect(ids(await feedbackExport(b)).has(id)).toBe(true);
  });

  it('a reindex asked of one replica is served by both', async () => {
    const [a, b] = replicas as [Replica, Replica];
    const before = (await readyz(b)).buildId;
    await fs.writeFile(path.join(corpusDir, 'zz-lighthouse.md'), NEW_DOC);
    const res = await post(a, '/api/admin/reindex', {}, { authorization: `Bearer ${ADMIN}` });
    expect(res.status).toBe(202);
    await until(
      'both replicas to serve the new build',
      async () => {
        const [ra, rb] = await Promise.all([readyz(a), readyz(b)]);
        return ra.buildId !== before && ra.buildId === rb.buildId;
      },
      60_000,
    );
    const answer = await post(b, '/api/chat', {
      question: 'How many times was the Tarrow Point lighthouse repainted?',
    });
    const body = (await answer.json()) as { answer: string; citations: { quote: string }[] };
    expect(body.citations.some((c) => c.quote.includes('repainted 14 times'))).toBe(true);
  });

  it('with the database down a replica answers /readyz and writes with 503 and a reason, and recovers when it is back', async () => {
    const proxy = await startTcpProxy(db.url);
    try {
      const c = await start('c', proxy.through(db.url));
      await proxy.down();
      await until('c to report the outage', async () => (await fetch(`${c.base}/readyz`)).status === 503, 10_000);
      const ready = await fetch(`${c.base}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        status: 'database_unavailable',
        database: { status: 'down', reason: expect.stringContaining('unreachable') },
      });
      const write = await post(c, '/api/feedback', {
        rating: 'up',
        question: 'during the outage',
        answer: 'x',
        citations: [],
      });
      expect(write.status).toBe(503);
      expect(await write.json()).toMatchObject({ error: { code: 'store_unavailable' } });
      await proxy.up();
      await until('c to be ready again', async () => (await fetch(`${c.base}/readyz`)).status === 200, 20_000);
      const again = await post(c, '/api/feedback', {
        rating: 'up',
        question: 'after the outage',
        answer: 'x',
        citations: [],
      });
      expect(again.status).toBe(201);
      expect(c.child.exitCode).toBeNull();
      c.child.kill('SIGTERM');
    } finally {
      await proxy.down();
    }
  });

  it('a replica killed mid-request loses no feedback it acknowledged', async () => {
    const [a, b] = replicas as [Replica, Replica];
    const acknowledged: string[] = [];
    const sends = Array.from({ length: 40 }, (_, i) =>
      post(b, '/api/feedback', { rating: 'down', question: `burst ${i}`, answer: 'x', citations: [] })
        .then(async (res) => {
          if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
        })
        .catch(() => undefined),
    );
    await until('some feedback to be acknowledged', async () => acknowledged.length >= 3, 20_000);
    b.child.kill('SIGKILL');
    await Promise.all(sends);
    const stored = ids(await feedbackExport(a));
    expect(acknowledged.length).toBeGreaterThan(0);
    for (const id of acknowledged) expect(stored.has(id)).toBe(true);
  });
});
