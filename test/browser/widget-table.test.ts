import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatResponse } from '../../src/answer/schema.js';
import { isNumericCell, tableBlockRange } from '../../src/widget/table-row-view.js';
import { makeTestApp, type TestApp } from '../helpers/app.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './harness.js';

const TABLES_CORPUS = fileURLToPath(new URL('../fixtures/tables/', import.meta.url));
const SCREENSHOT = '/tmp/widget-table.png';
const SALES_Q = 'What was the total net sales in 2018?';
const CHANGE_Q = 'What is the percentage change in total net sales between 2018 and 2019?';
const STAFF_Q = 'How many production staff were there in 2017?';

/** A stream answer citing a row of a wide table (more columns than a phone screen holds). */
const WIDE = {
  answer: 'Sales by quarter are in the table [1].',
  citations: [
    {
      n: 1,
      chunkId: 'w',
      docId: 'harlow-annual-report-2019',
      title: 'Harlow Fittings: Annual Report 2019 (excerpt)',
      section: 'Results of operations',
      speaker: null,
      quote: '| Total net sales | 401 | 398 | 410 | 425 | 430 | 441 | 436 | 438 |',
      start: 433,
      end: 468,
      score: 1,
      table: {
        caption: 'Quarterly net sales (in millions)',
        headers: ['', 'Q1 2018', 'Q2 2018', 'Q3 2018', 'Q4 2018', 'Q1 2019', 'Q2 2019', 'Q3 2019', 'Q4 2019'],
        cells: ['Total net sales', '401', '398', '410', '425', '430', '441', '436', '438'],
      },
    },
  ],
  checks: [],
  claims: [],
  abstained: false,
  mode: 'offline',
  timings: { retrieveMs: 1, answerMs: 1, totalMs: 2 },
} satisfies ChatResponse;

const available = existsSync(CHROMIUM_PATH);
if (!available && process.env.REQUIRE_CHROMIUM) throw new Error(`Chromium not found at ${CHROMIUM_PATH}`);

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

const closeServer = (server: http.Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** The texts of a table's header row and body row, and the scopes of their cells. */
async function readTable(table: Locator) {
  await expect.poll(() => table.count()).toBe(1);
  return {
    caption: (await table.locator('caption').count()) ? await table.locator('caption').textContent() : null,
    headers: await table.locator('thead th').allTextContents(),
    headerScopes: await table.locator('thead th').evaluateAll((cells) => cells.map((c) => c.getAttribute('scope'))),
    cells: await table.locator('tbody tr > *').allTextContents(),
    cellTags: await table
      .locator('tbody tr > *')
      .evaluateAll((cells) =>
        cells.map((c) => `${c.tagName.toLowerCase()}${c.getAttribute('scope') ? `[${c.getAttribute('scope')}]` : ''}`),
      ),
    rows: await table.locator('tbody tr').count(),
  };
}

describe('table row helpers', () => {
  it('finds the pipe table around a quoted row, with its caption line', () => {
    const text = 'Intro.\n\nTable 2: Results\n| | 2019 |\n| --- | --- |\n| Sales | 1,634 |\n| Costs | 900 |\n\nAfter.';
    const start = text.indexOf('| Sales');
    const [from, to] = tableBlockRange(text, start, start + '| Sales | 1,634 |'.length, 'Table 2: Results')!;
    expect(text.slice(from, to)).toBe(
      'Table 2: Results\n| | 2019 |\n| --- | --- |\n| Sales | 1,634 |\n| Costs | 900 |',
    );
    const [bare] = tableBlockRange(text, start, start + 5, null)!;
    expect(text.slice(bare, bare + 7)).toBe('| | 201');
    expect(tableBlockRange(text, 0, 6, null)).toBeUndefined();
  });

  it('right-aligns figures, not labels', () => {
    for (const figure of ['1,634', '$ 1,012', '(1,101)', '32.6%', '—', 'n/a']) expect(isNumericCell(figure)).toBe(true);
    for (const label of ['Total net sales', 'Q3 2019 restated', '']) expect(isNumericCell(label)).toBe(false);
  });
});

describe.skipIf(!available)('widget: a cited table row (Chromium)', () => {
  let t: TestApp;
  let server: http.Server;
  let host: http.Server;
  let hostUrl = '';
  let browser: Browser;
  let page: Page;
  const pageErrors: Error[] = [];

  const messages = () => page.getByTestId('citecheck-message');

  async function ask(question: string): Promise<Locator> {
    const before = await messages().count();
    await page.getByTestId('citecheck-input').fill(question);
    await page.getByTestId('citecheck-input').press('Enter');
    await expect.poll(() => messages().count()).toBe(before + 1);
    const message = messages().last();
    await expect.poll(() => message.getAttribute('data-state')).toMatch(/^(done|error)$/);
    expect(await message.getAttribute('data-state')).toBe('done');
    return message;
  }

  beforeAll(async () => {
    let appUrl = '';
    host = http.createServer((req, res) => {
      if (req.url !== '/') return void res.writeHead(404).end();
      res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body><h1>Investor page</h1><script src="${appUrl}/widget.js" data-title="Report assistant" defer></script></body></html>`,
        );
    });
    hostUrl = `http://127.0.0.1:${await listen(host)}`;
    t = await makeTestApp({ corpusDir: TABLES_CORPUS, env: { WIDGET_ORIGINS: hostUrl } });
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }) as http.Server;
    if (!server.listening) await new Promise((resolve) => server.once('listening', resolve));
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (err) => pageErrors.push(err));
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
        pageErrors.push(new Error(msg.text()));
    });
    await page.goto(hostUrl);
    await page.getByTestId('citecheck-launcher').click();
    await page.getByRole('dialog', { name: 'Report assistant' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await Promise.all([server && closeServer(server), host && closeServer(host)]);
    await t?.cleanup();
  });

  it('shows the cited row as a small table with its headers in the sources', async () => {
    const message = await ask(SALES_Q);
    const table = message.getByTestId('citecheck-table-row');
    expect(await table.count()).toBe(1);
    expect(await readTable(table)).toEqual({
      caption: 'Table 2: Consolidated results',
      headers: ['', 'Fiscal year 2019', 'Fiscal year 2018'],
      headerScopes: ['col', 'col', 'col'],
      cells: ['Total net sales', '1,634', '1,745'],
      cellTags: ['th[row]', 'td', 'td'],
      rows: 1,
    });
    expect(await message.getByRole('table', { name: 'Table 2: Consolidated results' }).count()).toBe(1);
    const source = message.locator('.sources');
    expect(await source.textContent()).not.toContain('| Total net sales |');
    expect(await source.getByTestId('citecheck-source').textContent()).toBe(
      '[1]Harlow Fittings: Annual Report 2019 (excerpt)',
    );
    await fs.mkdir('test-results', { recursive: true });
    await page.screenshot({
      path: 'test-results/widget-table-sources.png',
      clip: { x: 860, y: 60, width: 420, height: 660 },
    });
  });

  it('opens the citation as the passage with the row as a highlighted table between the text around it', async () => {
    const message = messages().last();
    await message.getByTestId('citecheck-citation').first().click();
    const passage = page.getByTestId('citecheck-passage');
    const table = passage.getByTestId('citecheck-table-row');
    await table.waitFor();
    expect(await readTable(table)).toEqual({
      caption: 'Table 2: Consolidated results',
      headers: ['', 'Fiscal year 2019', 'Fiscal year 2018'],
      headerScopes: ['col', 'col', 'col'],
      cells: ['Total net sales', '1,634', '1,745'],
      cellTags: ['th[row]', 'td', 'td'],
      rows: 1,
    });
    expect(await table.locator('tbody tr').getAttribute('class')).toBe('cited');
    const text = (await passage.locator('.passage-text').textContent()) ?? '';
    expect(text).toContain('The following table sets out our results');
    expect(text).toContain('Operating expenses fell because the company closed its Dunmore warehouse');
    expect(text).not.toMatch(/\|\s*Total net sales\s*\|/);
    expect(await passage.locator('h3').textContent()).toBe('Harlow Fittings: Annual Report 2019 (excerpt)');
    const align = await table
      .locator('tbody td')
      .evaluateAll((cells) => cells.map((c) => getComputedStyle(c).textAlign));
    expect(align).toEqual(['right', 'right']);
    await page.screenshot({ path: SCREENSHOT, clip: { x: 860, y: 60, width: 420, height: 660 } });
    await page.keyboard.press('Escape');
    await expect.poll(() => passage.isVisible()).toBe(false);
  });

  it('renders the table for a computed answer and a four-column table', async () => {
    const change = await ask(CHANGE_Q);
    expect(await change.getByTestId('citecheck-check').count()).toBeGreaterThan(0);
    expect((await readTable(change.getByTestId('citecheck-table-row'))).cells).toEqual([
      'Total net sales',
      '1,634',
      '1,745',
    ]);

    const staff = await ask(STAFF_Q);
    expect(await readTable(staff.getByTestId('citecheck-table-row'))).toMatchObject({
      caption: 'Employees',
      headers: ['Headcount', '2019', '2018', '2017'],
      cells: ['Production staff', '2,140', '2,310', '2,280'],
    });
  });

  it('opens the passage from a click on the table in the sources, and fits a 320 px screen by scrolling a wide table', async () => {
    const staff = messages().last();
    await staff.getByTestId('citecheck-table-row').click();
    const passage = page.getByTestId('citecheck-passage');
    await passage.getByTestId('citecheck-table-row').waitFor();
    expect((await readTable(passage.getByTestId('citecheck-table-row'))).cells).toEqual([
      'Production staff',
      '2,140',
      '2,310',
      '2,280',
    ]);
    await page.keyboard.press('Escape');
    await expect.poll(() => passage.isVisible()).toBe(false);

    await page.setViewportSize({ width: 320, height: 640 });
    await page.screenshot({ path: 'test-results/widget-table-320.png' });
    await staff.getByTestId('citecheck-source').click();
    await passage.getByTestId('citecheck-table-row').waitFor();
    await page.screenshot({ path: 'test-results/widget-table-320-passage.png' });
    await page.keyboard.press('Escape');
    const fits = await page.evaluate(() => {
      const root = document.querySelector('citecheck-widget')!.shadowRoot!;
      const log = root.querySelector('.log')!;
      return log.scrollWidth <= log.clientWidth;
    });
    expect(fits).toBe(true);

    await page.route('**/api/chat/stream', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/event-stream',
        headers: { 'Access-Control-Allow-Origin': hostUrl },
        body: `event: done\ndata: ${JSON.stringify(WIDE)}\n\n`,
      }),
    );
    const wide = await ask('Show the quarterly sales.');
    await page.unroute('**/api/chat/stream');
    const table = wide.getByTestId('citecheck-table-row');
    expect((await readTable(table)).headers).toEqual(WIDE.citations[0]!.table!.headers);
    const scroll = await table.evaluate((node) => {
      const wrap = node.parentElement!;
      const log = node.closest('.log')!;
      return {
        overflow: getComputedStyle(wrap).overflowX,
        scrolls: wrap.scrollWidth > wrap.clientWidth,
        logFits: log.scrollWidth <= log.clientWidth,
      };
    });
    expect(scroll).toEqual({ overflow: 'auto', scrolls: true, logFits: true });
    await table.evaluate((node) => node.parentElement!.scrollBy(120, 0));
    await page.screenshot({ path: 'test-results/widget-table-wide-320.png' });
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(pageErrors).toEqual([]);
  });
});
