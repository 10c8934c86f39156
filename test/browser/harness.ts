import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createServices } from '../../src/composition/services.js';
import { loadConfig } from '../../src/config.js';
import type { FeedbackRepository } from '../../src/feedback/repository.js';
import { createApp } from '../../src/http/app.js';

/** Chromium used by the browser tests (Debian package by default). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch arguments for headless Chromium in a container. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Bearer token of the harness's feedback export. */
export const ADMIN_TOKEN = 'browser-test-admin-token';

/** A fixture document whose text holds markup that must stay inert, with a distinctive phrase and figure. */
export const HOSTILE_DOC = `---
title: "Kelpwater harbour <b>ledger</b> notes"
source: "Fixture Port Authority"
date: "2023"
---
Kelpwater harbour ledger notes

The Kelpwater harbour cranes moved 4,200 containers in 2023 according to the ledger entry <img src=x onerror="window.__xss=1"> and the appendix <script>window.__xss=2</script> kept by the harbour master.

Throughput at Kelpwater grew from 3,500 containers in 2022 to 4,200 containers in 2023.
`;

const INTERVIEW = fileURLToPath(new URL('../../corpus/digital-trade-interview.md', import.meta.url));

/** Host page on a second origin: hostile CSS, a fetch hook that records SSE event names, and the one script tag. */
function hostPage(appUrl: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host page</title>
<style>
  * { color: rgb(255, 0, 0) !important; font-family: serif !important; }
  button { display: none !important; }
  p.probe { color: rgb(0, 128, 0) !important; font-size: 19px; margin: 40px; }
</style>
<script>
  window.__sse = [];
  window.__requests = [];
  const original = window.fetch;
  window.fetch = async function (input, init) {
    const res = await original.call(this, input, init);
    const url = String(input instanceof Request ? input.url : input);
    window.__requests.push({ url, method: (init && init.method) || 'GET', status: res.status });
    if (url.includes('/api/chat/stream') && res.ok && res.body) {
      const reader = res.clone().body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      (async () => {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          let i;
          while ((i = buffer.indexOf('\\n\\n')) >= 0) {
            const block = buffer.slice(0, i);
            buffer = buffer.slice(i + 2);
            const m = /^event: ?(.*)$/m.exec(block);
            window.__sse.push(m ? m[1] : 'message');
          }
        }
      })();
    }
    return res;
  };
</script>
</head><body>
<p class="probe" id="probe">Host page text that the widget must not restyle.</p>
<button id="host-button">Host button</button>
<script src="${appUrl}/widget.js" data-title="Fixture assistant" data-accent="#0a7a5a" data-position="right" defer></script>
</body></html>`;
}

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

const closeServer = (server: http.Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** The app on one origin and a host page on another. */
export interface Harness {
  appUrl: string;
  hostUrl: string;
  feedback: FeedbackRepository;
  close(): Promise<void>;
}

/**
 * Starts the real app with @hono/node-server over a fixture corpus (the interview plus
 * {@link HOSTILE_DOC}) in a temporary directory, allowing the host page's origin in WIDGET_ORIGINS.
 */
export async function startHarness(): Promise<Harness> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'citecheck-browser-'));
  const corpus = path.join(tmp, 'corpus');
  await fs.mkdir(corpus);
  await fs.copyFile(INTERVIEW, path.join(corpus, 'digital-trade-interview.md'));
  await fs.writeFile(path.join(corpus, 'harbour-ledger.md'), HOSTILE_DOC);

  let appUrl = '';
  const host = http.createServer((req, res) => {
    if (req.url !== '/') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(hostPage(appUrl));
  });
  const hostUrl = `http://127.0.0.1:${await listen(host)}`;

  const config = loadConfig({
    CORPUS_DIR: corpus,
    DATA_DIR: path.join(tmp, 'data'),
    LOG_LEVEL: 'silent',
    WIDGET_ORIGINS: hostUrl,
    ADMIN_TOKEN,
  });
  const { kb, chat, feedback, close: closeServices } = await createServices(config);
  await kb.open();
  const app = createApp({ config, kb, chat, feedback });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as http.Server;
  if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    appUrl,
    hostUrl,
    feedback,
    async close() {
      server.closeAllConnections();
      await Promise.all([closeServer(server), closeServer(host)]);
      await closeServices();
      await fs.rm(tmp, { recursive: true, force: true });
    },
  };
}
