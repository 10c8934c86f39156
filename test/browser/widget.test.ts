import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, CHROMIUM_ARGS, CHROMIUM_PATH, type Harness, startHarness } from './harness.js';

const SCREENSHOTS = 'test-results';
const NUMERIC_Q = 'What was the compound annual growth of digital service trade from 2011 to 2020?';
const HOSTILE_Q = 'How many containers did the Kelpwater harbour cranes move in 2023?';
const CAGR_FORMULA = '(294.76 / 164.84)^(1/9) - 1';

const available = existsSync(CHROMIUM_PATH);
if (!available && process.env.REQUIRE_CHROMIUM) throw new Error(`Chromium not found at ${CHROMIUM_PATH}`);

declare global {
  interface Window {
    __xss?: number;
    __sse: string[];
    __mutations: string[];
  }
}

describe.skipIf(!available)('widget embedded on another origin (Chromium)', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  const pageErrors: Error[] = [];

  const messages = () => page.getByTestId('citecheck-message');
  const lastMessage = () => messages().last();
  const dialog = () => page.getByRole('dialog', { name: 'Fixture assistant' });

  /** Types a question, presses Enter and waits for the answer to finish. */
  async function ask(question: string): Promise<Locator> {
    const before = await messages().count();
    await page.getByTestId('citecheck-input').fill(question);
    await page.getByTestId('citecheck-input').press('Enter');
    await expect.poll(() => messages().count()).toBe(before + 1);
    const message = lastMessage();
    await expect.poll(() => message.getAttribute('data-state')).toMatch(/^(done|error)$/);
    expect(await message.getAttribute('data-state')).toBe('done');
    return message;
  }

  const inShadow = <T>(fn: (root: ShadowRoot) => T) =>
    page.evaluate(`(${fn.toString()})(document.querySelector('citecheck-widget').shadowRoot)`) as Promise<T>;

  beforeAll(async () => {
    await fs.mkdir(SCREENSHOTS, { recursive: true });
    h = await startHarness();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (err) => pageErrors.push(err));
    page.on('console', (msg) => {
      // Failed loads (favicon 404s, the deliberate 503) are expected; CSP violations and exceptions are not.
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
        pageErrors.push(new Error(msg.text()));
    });
    await page.goto(h.hostUrl);
    await page.getByTestId('citecheck-launcher').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('loads from the API origin onto a page from another origin', async () => {
    expect(new URL(h.appUrl).origin).not.toBe(new URL(h.hostUrl).origin);
    await expect.poll(() => page.getByTestId('citecheck-launcher').isVisible()).toBe(true);
    expect(await page.evaluate(() => typeof window.citecheck?.ask)).toBe('function');
    expect(await dialog().isVisible()).toBe(false);
  });

  it('opens the panel from the launcher and focuses the question box', async () => {
    await page.getByTestId('citecheck-launcher').click();
    await dialog().waitFor();
    expect(await page.getByTestId('citecheck-launcher').getAttribute('aria-expanded')).toBe('true');
    expect(await inShadow((r) => (r.activeElement as HTMLElement | null)?.dataset.testid)).toBe('citecheck-input');
  });

  it('streams an answer token by token, then shows citations and a check badge', async () => {
    await inShadow((root) => {
      window.__mutations = [];
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'attributes') window.__mutations.push(`state-from:${r.oldValue}`);
          else if (
            (r.target as Element).classList?.contains('stream') &&
            Array.from(r.addedNodes).some((n) => n.nodeType === 3)
          )
            window.__mutations.push('token');
        }
      }).observe(root, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-state'],
        attributeOldValue: true,
      });
    });
    const message = await ask(NUMERIC_Q);

    const sse = await page.evaluate(() => window.__sse);
    expect(sse.filter((e) => e === 'token').length).toBeGreaterThan(5);
    expect(sse.indexOf('token')).toBeLessThan(sse.indexOf('done'));
    expect(sse.at(-1)).toBe('done');
    const mutations = await page.evaluate(() => window.__mutations);
    const started = mutations.indexOf('state-from:null');
    const finished = mutations.indexOf('state-from:streaming');
    expect(started).toBeGreaterThanOrEqual(0);
    expect(finished).toBeGreaterThan(started);
    expect(mutations.slice(started, finished).filter((m) => m === 'token').length).toBeGreaterThan(5);

    expect(await message.getByTestId('citecheck-citation').count()).toBeGreaterThan(0);
    expect(await message.getByTestId('citecheck-source').count()).toBeGreaterThan(0);
    const badge = message.getByTestId('citecheck-check').first();
    expect(await badge.getAttribute('title')).toContain(CAGR_FORMULA);
    expect(await badge.getAttribute('aria-description')).toContain(CAGR_FORMULA);
    await badge.hover();
    await expect.poll(() => badge.locator('.tip').isVisible()).toBe(true);
    expect(await badge.locator('.tip').textContent()).toContain(CAGR_FORMULA);
    await page.screenshot({
      path: `${SCREENSHOTS}/widget-check-hover.png`,
      clip: { x: 860, y: 60, width: 420, height: 400 },
    });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-desktop.png` });
  });

  it('opens a citation as the passage with the quote highlighted, and Esc returns to the answer', async () => {
    const cite = lastMessage().getByTestId('citecheck-citation').first();
    await cite.click();
    const passage = page.getByTestId('citecheck-passage');
    await passage.locator('mark').waitFor();
    expect(await passage.locator('h3').textContent()).toContain('digital trade demonstration zone');
    expect(await passage.textContent()).toContain('Chen Hongna');
    const mark = (await passage.locator('mark').textContent()) ?? '';
    expect(mark).toContain('US$164.84 billion in 2011 to US$294.76 billion in 2020');
    const full = (await passage.locator('.passage-text').textContent()) ?? '';
    expect(full.length).toBeGreaterThan(mark.length);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-passage.png` });

    await page.keyboard.press('Escape');
    await expect.poll(() => passage.isVisible()).toBe(false);
    expect(await dialog().isVisible()).toBe(true);
    expect(await inShadow((r) => (r.activeElement as HTMLElement | null)?.dataset.testid)).toBe('citecheck-citation');
  });

  it('records thumbs-up feedback and a comment in the store', async () => {
    const posted = page.waitForResponse((r) => r.url().endsWith('/api/feedback') && r.request().method() === 'POST');
    await lastMessage().getByTestId('citecheck-feedback-up').click();
    expect((await posted).status()).toBe(201);
    const [row] = await h.feedback.list();
    expect(row).toMatchObject({ rating: 'up', question: NUMERIC_Q, comment: null });
    expect(row!.citations[0]).toMatchObject({ n: 1, docId: 'digital-trade-interview' });

    const patched = page.waitForResponse((r) => r.request().method() === 'PATCH');
    await lastMessage().getByTestId('citecheck-feedback-comment').fill('Clear, with the formula.');
    await lastMessage().getByTestId('citecheck-feedback-comment').press('Enter');
    expect((await patched).status()).toBe(200);
    expect((await h.feedback.list())[0]!.comment).toBe('Clear, with the formula.');

    const exported = await fetch(`${h.appUrl}/api/feedback?format=csv`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    expect(await exported.text()).toContain('Clear, with the formula.');
  });

  it('renders markup in a passage as inert text', async () => {
    const message = await ask(HOSTILE_Q);
    const text = (await message.textContent()) ?? '';
    expect(text).toContain('<img src=x onerror="window.__xss=1">');
    expect(text).toContain('<script>window.__xss=2</script>');
    expect(text).toContain('Kelpwater harbour <b>ledger</b> notes');

    await message.getByTestId('citecheck-citation').first().click();
    await page.getByTestId('citecheck-passage').locator('mark').waitFor();
    expect(await page.getByTestId('citecheck-passage').locator('mark').textContent()).toContain('<img src=x onerror=');
    expect(await inShadow((r) => r.querySelectorAll('img, script, b').length)).toBe(0);
    expect(await page.evaluate(() => window.__xss)).toBeUndefined();
    await page.screenshot({ path: `${SCREENSHOTS}/widget-hostile.png` });
    await page.keyboard.press('Escape');
  });

  it('is not restyled by the host page and does not restyle it', async () => {
    const styles = await inShadow((root) => {
      const p = root.querySelector('[data-testid="citecheck-message"] p')!;
      const cite = root.querySelector('[data-testid="citecheck-citation"]')!;
      return {
        color: getComputedStyle(p).color,
        font: getComputedStyle(p).fontFamily,
        citeDisplay: getComputedStyle(cite).display,
      };
    });
    expect(styles.color).not.toBe('rgb(255, 0, 0)');
    expect(styles.font).not.toMatch(/^serif$/);
    expect(styles.citeDisplay).not.toBe('none');
    const host = await page.evaluate(() => {
      const probe = getComputedStyle(document.getElementById('probe')!);
      return {
        color: probe.color,
        size: probe.fontSize,
        margin: probe.marginTop,
        button: getComputedStyle(document.getElementById('host-button')!).display,
      };
    });
    expect(host).toEqual({ color: 'rgb(0, 128, 0)', size: '19px', margin: '40px', button: 'none' });
  });

  it('sends on Enter, adds a line on Shift+Enter, and Esc closes back to the launcher', async () => {
    const count = await messages().count();
    const input = page.getByTestId('citecheck-input');
    await input.click();
    await input.pressSequentially('first line');
    await input.press('Shift+Enter');
    await input.pressSequentially('second line');
    expect(await input.inputValue()).toBe('first line\nsecond line');
    expect(await messages().count()).toBe(count);
    await input.fill('');

    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().isVisible()).toBe(false);
    expect(await inShadow((r) => (r.activeElement as HTMLElement | null)?.dataset.testid)).toBe('citecheck-launcher');
    expect(await page.getByTestId('citecheck-launcher').getAttribute('aria-expanded')).toBe('false');
  });

  it('stops a slow answer and retries a failed one', async () => {
    await page.getByTestId('citecheck-launcher').click();
    await page.route('**/api/chat/stream', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue().catch(() => undefined);
    });
    await page.getByTestId('citecheck-input').fill('What is digital trade?');
    await page.getByTestId('citecheck-send').click();
    await page.getByTestId('citecheck-stop').click();
    await expect.poll(() => lastMessage().getAttribute('data-state')).toBe('stopped');
    await page.unroute('**/api/chat/stream');

    await page.route('**/api/chat/stream', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        headers: { 'Access-Control-Allow-Origin': h.hostUrl },
        body: '{"error":{"code":"not_ready","message":"The index is not ready yet"}}',
      }),
    );
    await lastMessage().getByTestId('citecheck-retry').click();
    await expect.poll(() => lastMessage().getAttribute('data-state')).toBe('error');
    expect(await lastMessage().textContent()).toContain('The index is not ready yet');
    await page.unroute('**/api/chat/stream');
    await lastMessage().getByTestId('citecheck-retry').click();
    await expect.poll(() => lastMessage().getAttribute('data-state')).toBe('done');
  });

  it('keeps the conversation across a reload, and "new chat" clears it', async () => {
    const count = await messages().count();
    expect(count).toBeGreaterThanOrEqual(3);
    await page.reload();
    await page.getByTestId('citecheck-launcher').waitFor();
    await dialog().waitFor();
    expect(await messages().count()).toBe(count);
    expect(await messages().first().getByTestId('citecheck-citation').count()).toBeGreaterThan(0);

    await page.getByTestId('citecheck-new-chat').click();
    expect(await messages().count()).toBe(0);
    await page.reload();
    await page.getByTestId('citecheck-launcher').waitFor();
    expect(await messages().count()).toBe(0);
  });

  it('fills a 360 px wide screen', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    if (!(await dialog().isVisible())) await page.getByTestId('citecheck-launcher').click();
    await ask(NUMERIC_Q);
    const box = await dialog().boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 360, height: 740 });
    expect(
      await inShadow((r) => {
        const log = r.querySelector('.log')!;
        return log.scrollWidth <= log.clientWidth;
      }),
    ).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-360.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('serves a demo page whose sample questions ask the widget', async () => {
    await page.goto(`${h.appUrl}/`);
    expect(await page.locator('table').textContent()).toContain('Kelpwater harbour <b>ledger</b> notes');
    await page.getByRole('button', { name: NUMERIC_Q }).click();
    await dialog().or(page.getByRole('dialog')).first().waitFor();
    await expect.poll(() => lastMessage().getAttribute('data-state')).toBe('done');
    expect(await lastMessage().getByTestId('citecheck-check').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/demo-page.png` });
  });

  it('says plainly when the documents do not cover a question and offers related passages', async () => {
    await page.evaluate(() => window.citecheck!.ask("What was China's unemployment rate in 2020?"));
    await expect.poll(() => lastMessage().getAttribute('data-state')).toBe('done');
    expect(await lastMessage().textContent()).toMatch(/Not in the documents.*do not cover this/s);
    expect(await lastMessage().getByTestId('citecheck-citation').count()).toBe(0);
    const related = lastMessage().getByTestId('citecheck-related');
    expect(await related.count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENSHOTS}/widget-abstain.png` });
    await related.first().click();
    await page.getByTestId('citecheck-passage').locator('.passage-text').waitFor();
    expect(await page.getByTestId('citecheck-passage').locator('mark').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('leads with the short answer in bold, as the API gives it', async () => {
    const question = 'When was the Digital Trade Development and Cooperation Report released?';
    const api = (await (
      await fetch(`${h.appUrl}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question }),
      })
    ).json()) as { short?: { text: string } };
    expect(api.short?.text).toBeTruthy();
    const message = await ask(question);
    const bold = message.getByTestId('citecheck-short');
    expect(await bold.textContent()).toBe(api.short!.text);
    expect(await message.locator('p').first().getByTestId('citecheck-short').count()).toBe(1);
  });
});
