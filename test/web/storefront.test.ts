import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startApp, type RunningApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logging/logger.ts';
import { freshDatabase } from '../support/database.ts';
import { ensureBuilt } from '../../web/ensure-built.ts';

// The storefront as a shopper uses it: built from web/, served by the real gateway (sandbox mode, in-process, on an
// ephemeral port) in a headless Debian Chromium. Codes arrive by themselves (SANDBOX_OTP_DELAY_MS 4-5 s: long enough
// to press Cancel before the code, short enough to wait for). SCREENSHOT_DIR=docs/screenshots refreshes the README's
// screenshots; otherwise they go to a temp folder.

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const chromiumInstalled = existsSync(CHROMIUM);

let app: RunningApp;
let dropDatabase: () => Promise<void>;
let dataDir: string;
let origin: string;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
let screenshotDir: string;
const requested: string[] = [];
const consoleErrors: string[] = [];
let buildMs = 0;

function requireChromium(): void {
  expect(chromiumInstalled, `Chromium is not installed at ${CHROMIUM}: run \`apt-get install chromium\` (the storefront browser tests need it)`).toBe(true);
}

beforeAll(async () => {
  if (!chromiumInstalled) return;
  const build = await ensureBuilt({ quiet: true });
  buildMs = build.ms;
  dataDir = await mkdtemp(join(tmpdir(), 'sb-web-'));
  const db = await freshDatabase();
  dropDatabase = db.drop;
  app = await startApp(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SANDBOX_OTP_DELAY_MS: '4000-5000', WATCHER_MIN_INTERVAL_MS: '100', WATCHER_MAX_INTERVAL_MS: '500' }),
    { database: db.target, logger: createLogger('silent') },
  );
  origin = app.url.replace('localhost', '127.0.0.1');
  screenshotDir = process.env.SCREENSHOT_DIR ? resolve(process.env.SCREENSHOT_DIR) : await mkdtemp(join(tmpdir(), 'sb-web-shots-'));
  mkdirSync(screenshotDir, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  context.on('request', (request) => requested.push(request.url()));
  page = await context.newPage();
  page.on('websocket', (ws) => requested.push(ws.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await dropDatabase?.();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** POSTs to the gateway as a plain API client (no browser). */
async function api<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function otpOrderIds(): Promise<string[]> {
  const data = await api<{ orders: { edges: Array<{ node: { id: string } }> } }>(`{ orders(first: 100, filter: { kind: [OTP_NUMBER] }) { edges { node { id } } } }`);
  return data.orders.edges.map((e) => e.node.id);
}

/** Inputs and selects without a label (for=, wrapping <label>, aria-label or aria-labelledby). */
async function unlabelledInputs(): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('input, select, textarea'))
      .filter((el) => {
        const field = el as HTMLInputElement;
        const labels = field.labels ? Array.from(field.labels).filter((l) => l.textContent?.trim()) : [];
        return labels.length === 0 && !field.getAttribute('aria-label') && !field.getAttribute('aria-labelledby');
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

async function openCatalog(): Promise<void> {
  if (!page.url().startsWith(origin) || new URL(page.url()).hash.length > 2) {
    await page.goto(`${origin}/#/`);
  }
  await page.locator('li.service').first().waitFor({ timeout: 20_000 });
}

/** Shows one OTP service: Indonesia, filtered by the search box. */
async function showService(search: string, country: string): Promise<void> {
  await openCatalog();
  await page.getByRole('tab', { name: 'OTP numbers' }).click();
  await page.getByLabel('Country').selectOption(country);
  await page.getByLabel('Search platform or name').fill(search);
  await page.locator('li.service').first().waitFor();
}

function sameOrigin(url: string): boolean {
  const u = new URL(url);
  return u.host === new URL(origin).host && ['http:', 'ws:'].includes(u.protocol);
}

describe('storefront in a browser', () => {
  it('loads from the gateway alone and renders the catalog', async () => {
    requireChromium();
    const started = Date.now();
    const response = await page.goto(`${origin}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['cache-control']).toBe('no-cache');
    await page.locator('li.service').first().waitFor({ timeout: 20_000 });
    const firstRenderMs = Date.now() - started;
    const timings = await page.evaluate(() => ({
      mounted: performance.getEntriesByName('storefront-mounted')[0]?.startTime ?? null,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    }));
    // Reported in the closing notes; kept loose here so a slow CI machine does not flake.
    console.info(`storefront: build ${buildMs} ms; first contentful paint ${Math.round(timings.fcp ?? -1)} ms, app mounted ${Math.round(timings.mounted ?? -1)} ms, catalog rendered ${firstRenderMs} ms after navigation`);
    expect(firstRenderMs).toBeLessThan(10_000);

    const asset = requested.find((url) => /\/assets\/.*\.js$/.test(url));
    expect(asset).toBeDefined();
    const assetResponse = await fetch(asset!);
    expect(assetResponse.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(assetResponse.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    await expect.poll(() => page.getByTestId('rates').innerText()).toMatch(/1 IDR = [\d.]+ THB/);
    await page.screenshot({ path: join(screenshotDir, 'catalog.png') });
    expect(await unlabelledInputs()).toEqual([]);
    expect(requested.filter((url) => !sameOrigin(url))).toEqual([]);
  }, 60_000);

  it('changes every price when the currency switches, and shows the rate', async () => {
    requireChromium();
    await openCatalog();
    const prices = page.getByTestId('price');
    const inThb = await prices.allInnerTexts();
    expect(inThb.length).toBeGreaterThan(3);
    expect(inThb.every((p) => p.startsWith('฿'))).toBe(true);

    await page.getByLabel('IDR').check();
    await expect.poll(async () => (await prices.allInnerTexts()).every((p) => p.startsWith('Rp')), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('rates').innerText()).toMatch(/1 THB = [\d.]+ IDR/);
    const inIdr = await prices.allInnerTexts();

    await page.getByLabel('USD').check();
    await expect.poll(async () => (await prices.allInnerTexts()).every((p) => p.startsWith('$')), { timeout: 10_000 }).toBe(true);
    const rates = await page.getByTestId('rates').innerText();
    expect(rates).toMatch(/1 (THB|IDR) = [\d.]+ USD/);
    expect(rates).toMatch(/operator rate|published by/);
    expect(rates).toMatch(/ago|just now/);
    const inUsd = await prices.allInnerTexts();
    expect(inIdr.length).toBe(inThb.length);
    expect(inUsd.length).toBe(inThb.length);

    await page.getByLabel('THB').check();
    await expect.poll(async () => (await prices.allInnerTexts()).every((p) => p.startsWith('฿'))).toBe(true);
  }, 60_000);

  it('buys a number with the keyboard alone, and the code appears without a reload', async () => {
    requireChromium();
    await openCatalog();
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    const tabTo = async (matches: () => Promise<boolean>, limit = 120) => {
      for (let i = 0; i < limit; i++) {
        if (await matches()) return;
        await page.keyboard.press('Tab');
      }
      throw new Error('could not reach the element with Tab');
    };
    const focused = (attribute: string) => page.evaluate((a) => document.activeElement?.getAttribute(a) ?? document.activeElement?.textContent ?? '', attribute);
    await page.locator('body').focus();
    await tabTo(async () => (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)) === 'search');
    await page.keyboard.type('facebook');
    await tabTo(async () => (await page.evaluate(() => document.activeElement?.tagName)) === 'SELECT');
    await page.keyboard.type('Indonesia'); // type-ahead on the focused native select
    await expect.poll(() => page.getByLabel('Country').inputValue()).toBe('ID');
    await tabTo(async () => (await focused('aria-label')) === 'Buy Facebook Indonesia from smscode.gg');
    await page.keyboard.press('Enter');

    await page.waitForURL(/#\/order\//, { timeout: 15_000 });
    await expect.poll(() => page.getByTestId('phone-number').innerText(), { timeout: 10_000 }).toMatch(/^\+\d{8,}$/);
    await expect.poll(() => page.getByTestId('countdown').innerText()).toMatch(/Expires in \d+:\d\d/);
    await tabTo(async () => (await focused('class')) === 'secondary' && (await page.evaluate(() => document.activeElement?.textContent)) === 'Copy number', 40);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: 'Copied ✓' }).count()).toBe(1);

    await expect.poll(() => page.getByTestId('otp-code').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('otp-code').innerText()).toMatch(/^\d{4,8}$/);
    await expect.poll(() => page.getByTestId('order-status').innerText()).toBe('Code received');
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    await page.screenshot({ path: join(screenshotDir, 'order.png') });
    expect(await unlabelledInputs()).toEqual([]);
    // The code came over the graphql-ws socket on the gateway's own origin.
    expect(requested).toContain(`${origin.replace('http', 'ws')}/graphql`);
  }, 60_000);

  it('buys once on a double click', async () => {
    requireChromium();
    await showService('facebook', 'TH');
    const before = await otpOrderIds();
    await page.getByRole('button', { name: 'Buy Facebook Thailand from 247xd' }).dblclick();
    await page.waitForURL(/#\/order\//, { timeout: 15_000 });
    await page.getByTestId('phone-number').waitFor();
    await new Promise((r) => setTimeout(r, 1000)); // time for a second purchase to land, if one had been sent
    const after = await otpOrderIds();
    expect(after.length - before.length).toBe(1);
    const orderId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
    expect(after).toContain(orderId);
  }, 60_000);

  it('shows the failover attempts when the cheapest provider had no numbers', async () => {
    requireChromium();
    await showService('facebook', 'ID');
    // OTP24HR is cheapest for Facebook Indonesia in the sandbox; its next buy answers that its upstream had no number.
    app.sandbox!.simulators.get('OTP24HR')!.injectFault({ endpoint: 'buy', kind: 'error', status: 400, code: 'PROVIDER_ERROR', message: 'no number available' });
    await page.getByRole('button', { name: 'Buy best price Facebook Indonesia' }).click();
    await page.waitForURL(/#\/order\//, { timeout: 15_000 });
    const attempts = page.getByRole('heading', { name: 'How this was bought' }).locator('..');
    await expect.poll(() => attempts.innerText(), { timeout: 5_000 }).toMatch(/OTP24HR — (no numbers left|no offer)[\s\S]*smscode\.gg — bought/);
    await page.screenshot({ path: join(screenshotDir, 'order-failover.png') });
  }, 60_000);

  it('shows the seconds remaining when the provider forbids cancelling yet, counting down', async () => {
    requireChromium();
    await showService('facebook', 'ID');
    await page.getByRole('button', { name: 'Buy Facebook Indonesia from smscode.gg' }).click();
    await page.waitForURL(/#\/order\//, { timeout: 15_000 });
    const cancel = page.getByTestId('cancel');
    await cancel.click();
    await expect.poll(() => cancel.innerText(), { timeout: 5_000 }).toMatch(/^Cancel \(in \d+ s\)$/);
    expect(await cancel.isDisabled()).toBe(true);
    const first = Number(/(\d+)/.exec(await cancel.innerText())![1]);
    expect(first).toBeGreaterThan(100);
    expect(first).toBeLessThanOrEqual(125); // smscode locks cancels for 2 minutes; rounding up may add a second
    expect(await page.getByTestId('cancel-wait').innerText()).toContain(`${first} s`);
    await expect.poll(async () => Number(/(\d+)/.exec(await cancel.innerText())?.[1] ?? first), { timeout: 3_000 }).toBeLessThan(first);
  }, 60_000);

  it('refills a Thai number: validated as typed, then COMPLETED by the provider without a reload', async () => {
    requireChromium();
    await openCatalog();
    await page.getByRole('tab', { name: 'Mobile refill' }).click();
    const card = page.locator('li.service').filter({ has: page.locator('tr[data-provider="EASYSOFT"]') }).first();
    await card.waitFor({ timeout: 10_000 });
    await card.getByRole('button', { name: 'Order' }).click();
    const phone = card.getByLabel('Thai mobile number');
    await phone.fill('0212');
    await expect.poll(() => card.locator('p[aria-live]').first().innerText()).toBe('Thai mobile numbers start with 06, 08 or 09.');
    await phone.fill('081234567');
    await expect.poll(() => card.locator('p[aria-live]').first().innerText()).toBe('1 more digit needed.');
    expect(await card.getByRole('button', { name: /^Refill/ }).isDisabled()).toBe(true);
    await phone.fill('081 234 5678');
    await expect.poll(() => card.locator('p[aria-live]').first().innerText()).toContain('Valid Thai mobile number');
    const amounts = await card.getByLabel('Amount (THB)').locator('option').allInnerTexts();
    expect(amounts.length).toBeGreaterThan(0);
    expect(await unlabelledInputs()).toEqual([]);
    await card.getByRole('button', { name: /^Refill/ }).click();
    await page.waitForURL(/#\/order\//, { timeout: 15_000 });
    await expect.poll(() => page.getByTestId('order-status').innerText(), { timeout: 10_000 }).toMatch(/Active|Pending/);
    // The easysoft simulator reports the result 10 s after the refill (the document's earliest); the page follows orderUpdated.
    await expect.poll(() => page.getByTestId('order-status').innerText(), { timeout: 40_000 }).toBe('Completed');
  }, 90_000);

  it('lists orders with filters and pages, and shows balances', async () => {
    requireChromium();
    await page.goto(`${origin}/#/orders`);
    await expect.poll(() => page.getByTestId('order-row').count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(4);
    await page.getByLabel('Kind').selectOption('MOBILE_TOPUP');
    await expect.poll(() => page.getByTestId('order-row').count()).toBe(1);
    await page.getByLabel('Status').selectOption('COMPLETED');
    await expect.poll(() => page.getByTestId('order-row').count()).toBe(1);
    await page.getByLabel('Kind').selectOption('');
    await page.getByLabel('Status').selectOption('');
    expect(await unlabelledInputs()).toEqual([]);

    // Pages of 20, older ones on request (cursor pagination).
    const all = await api<{ orders: { edges: unknown[] } }>(`{ orders(first: 100) { edges { cursor } } }`);
    for (let i = all.orders.edges.length; i < 23; i++) {
      const bought = await api<{ buyNumber: { __typename: string } }>(`mutation($input: BuyNumberInput!) { buyNumber(input: $input) { __typename } }`, {
        input: { service: 'facebook', country: 'VN', provider: 'OTP24HR', idempotencyKey: `web-pages-${i}` },
      });
      expect(bought.buyNumber.__typename).toBe('BuyNumberPayload');
    }
    await page.reload();
    await expect.poll(() => page.getByTestId('order-row').count(), { timeout: 10_000 }).toBe(20);
    await page.getByRole('button', { name: 'Older orders' }).click();
    await expect.poll(() => page.getByTestId('order-row').count(), { timeout: 10_000 }).toBe(23);
    expect(await page.getByRole('button', { name: 'Older orders' }).count()).toBe(0);

    await page.goto(`${origin}/#/balances`);
    await expect.poll(() => page.getByTestId('balance-total').innerText(), { timeout: 10_000 }).toMatch(/^฿[\d,]+\.\d\d$/);
    expect(await unlabelledInputs()).toEqual([]);
  }, 60_000);

  it('reads at 375 px: no sideways scrolling on the catalog or an order', async () => {
    requireChromium();
    await page.setViewportSize({ width: 375, height: 812 });
    try {
      await page.goto(`${origin}/#/`);
      await page.locator('li.service').first().waitFor({ timeout: 20_000 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.screenshot({ path: join(screenshotDir, 'catalog-375.png') });
      const [latest] = await otpOrderIds();
      await page.goto(`${origin}/#/order/${encodeURIComponent(latest!)}`);
      await page.getByTestId('order-status').waitFor({ timeout: 10_000 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.screenshot({ path: join(screenshotDir, 'order-375.png') });
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  }, 60_000);

  it('made no request outside the gateway and logged no console error', async () => {
    requireChromium();
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !sameOrigin(url))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});

describe('storefront with API keys (CLIENT_TOKENS set)', () => {
  const TOKEN = 'shop-secret-token-123';
  let keyed: RunningApp;
  let keyedOrigin: string;
  let keyedDir: string;
  let dropKeyed: () => Promise<void>;
  let keyedContext: BrowserContext;
  let keyedPage: Page;
  const authorizations: Array<string | undefined> = [];
  const socketFrames: string[] = [];
  const keyedErrors: string[] = [];

  beforeAll(async () => {
    if (!chromiumInstalled) return;
    keyedDir = await mkdtemp(join(tmpdir(), 'sb-web-keyed-'));
    const db = await freshDatabase();
    dropKeyed = db.drop;
    keyed = await startApp(
      loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: keyedDir, LOG_LEVEL: 'silent', CLIENT_TOKENS: `shop:${TOKEN}`, SANDBOX: 'true', SANDBOX_OTP_DELAY_MS: '1000-1500', WATCHER_MIN_INTERVAL_MS: '100', WATCHER_MAX_INTERVAL_MS: '500' }),
      { database: db.target, logger: createLogger('silent') },
    );
    keyedOrigin = keyed.url.replace('localhost', '127.0.0.1');
    keyedContext = await browser!.newContext({ viewport: { width: 1400, height: 900 } });
    keyedPage = await keyedContext.newPage();
    keyedPage.on('request', (request) => {
      if (request.url().endsWith('/graphql')) authorizations.push(request.headers().authorization);
    });
    keyedPage.on('websocket', (ws) => ws.on('framesent', (frame) => socketFrames.push(String(frame.payload))));
    keyedPage.on('pageerror', (error) => keyedErrors.push(error.message));
    keyedPage.on('console', (message) => {
      if (message.type() === 'error') keyedErrors.push(message.text());
    });
  }, 90_000);

  afterAll(async () => {
    await keyedContext?.close();
    await keyed?.stop();
    await dropKeyed?.();
    if (keyedDir) await rm(keyedDir, { recursive: true, force: true });
  });

  it('asks for the key, keeps it in sessionStorage, sends it as Bearer and as connectionParams.authorization', async () => {
    requireChromium();
    await keyedPage.goto(`${keyedOrigin}/`);
    await expect.poll(() => keyedPage.getByRole('alert').first().innerText(), { timeout: 10_000 }).toContain('The API key is missing or not valid');

    await keyedPage.getByLabel('API key').fill(TOKEN);
    await keyedPage.getByLabel('API key').press('Enter');
    await keyedPage.locator('li.service').first().waitFor({ timeout: 20_000 });
    expect(await keyedPage.evaluate(() => sessionStorage.getItem('switchboard.apiKey'))).toBe(TOKEN);
    expect(authorizations).toContain(`Bearer ${TOKEN}`);

    await keyedPage.reload();
    await keyedPage.locator('li.service').first().waitFor({ timeout: 20_000 });
    expect(await keyedPage.getByLabel('API key').inputValue()).toBe(TOKEN);

    await keyedPage.getByLabel('Country').selectOption('ID');
    await keyedPage.getByLabel('Search platform or name').fill('facebook');
    await keyedPage.getByRole('button', { name: 'Buy Facebook Indonesia from smscode.gg' }).click();
    await keyedPage.waitForURL(/#\/order\//, { timeout: 15_000 });
    await expect.poll(() => keyedPage.getByTestId('otp-code').count(), { timeout: 15_000 }).toBe(1);
    const init = socketFrames.map((f) => JSON.parse(f) as { type: string; payload?: { authorization?: string } }).find((m) => m.type === 'connection_init');
    expect(init?.payload?.authorization).toBe(`Bearer ${TOKEN}`);
    // The one expected error: Chromium logs the gateway's 401 for the first load, made before a key was entered.
    expect(keyedErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
  }, 90_000);
});
