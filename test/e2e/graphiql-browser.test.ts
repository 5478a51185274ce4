import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { cleanupGateways, makeTempDir, startGateway, type RunningGateway } from './support/spawn-gateway.ts';

// The page does not depend on the database: it is tested once, on the PGlite pass of the suite (.ci/run runs
// the suite on PostgreSQL too), which also keeps its compression (tens of seconds of CPU) out of the other pass.
const onPostgresPass = Boolean(process.env.DATABASE_URL);

// GraphiQL as a person uses it: served by the gateway from the installed bundle, in a real (headless) Chromium,
// on a machine with no internet. Set E2E_SCREENSHOT_DIR to keep the screenshots; otherwise they go to a temp folder.

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for URLs that stay on this machine: loopback hosts, and data:/blob:/about: documents of a loopback page. */
function staysOnLoopback(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  switch (url.protocol) {
    case 'data:':
    case 'about:':
      return true;
    case 'blob:':
      return staysOnLoopback(raw.slice('blob:'.length));
    case 'http:':
    case 'https:':
    case 'ws:':
    case 'wss:':
      return LOOPBACK_HOSTS.has(url.hostname);
    default:
      return false;
  }
}

let gateway: RunningGateway;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
let screenshotDir: string;
const requested: string[] = [];
const blocked: string[] = [];
const sockets: Array<{ url: string; sent: string[]; received: string[] }> = [];
const pageErrors: string[] = [];

const chromiumInstalled = existsSync(CHROMIUM);

/** Each test fails (never skips) when the browser is missing. */
function requireChromium(): void {
  expect(chromiumInstalled, `Chromium is not installed at ${CHROMIUM}: run \`apt-get install chromium\` (the GraphiQL browser test needs it)`).toBe(true);
}

beforeAll(async () => {
  if (!chromiumInstalled) return; // each test reports it
  // FX_REFRESH_SECONDS=1: the sandbox republishes its USD/IDR rate every second, so fxRatesChanged has events to show.
  // Its own GraphiQL cache folder: a test never writes into the repository's node_modules/.cache.
  gateway = await startGateway({ env: { FX_REFRESH_SECONDS: '1', SWITCHBOARD_CACHE_DIR: await makeTempDir('switchboard-graphiql-cache-') } });
  screenshotDir = process.env.E2E_SCREENSHOT_DIR ?? (await makeTempDir('switchboard-graphiql-'));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Nothing may leave loopback: record every request and abort any that would.
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (staysOnLoopback(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => requested.push(request.url()));
  page = await context.newPage();
  page.on('websocket', (ws) => {
    const record = { url: ws.url(), sent: [] as string[], received: [] as string[] };
    sockets.push(record);
    ws.on('framesent', (frame) => record.sent.push(String(frame.payload)));
    ws.on('framereceived', (frame) => record.received.push(String(frame.payload)));
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await cleanupGateways();
});

/** The text of a Monaco editor, as rendered (only the visible lines; enough for short documents). */
async function editorText(selector: string): Promise<string> {
  const text = await page.locator(`${selector} .view-lines`).first().innerText();
  return text.replace(/\u00a0/g, ' ');
}

/**
 * Replaces the operation in the query editor by selecting everything and inserting the new text, then waits until
 * GraphiQL has taken the edit in: it names the tab after the operation (`<untitled>` when anonymous). Running before
 * that would send the previous operationName ("Rates" from the default document) with the new query.
 */
async function setQuery(query: string, tabTitle = '<untitled>'): Promise<void> {
  const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // insertText sends the text as one input: no auto-closed brackets or suggestions get in the way.
  await page.keyboard.insertText(query);
  await page.keyboard.press('Escape'); // close any suggestion widget
  await expect.poll(() => editorText('.graphiql-query-editor'), { timeout: 10_000 }).toBe(query);
  await expect.poll(() => page.locator('.graphiql-tab-active').innerText(), { timeout: 10_000 }).toBe(tabTitle);
}

/** The page as Chromium received it the first time: its Content-Encoding and its body's bytes on the wire. */
let firstLoad: { encoding: string | undefined; bytes: number } | undefined;

/** Opens GraphiQL (unless it is already open) and waits for Monaco to render the default document. */
async function openGraphiQL(): Promise<void> {
  if (!page.url().startsWith(gateway.graphqlUrl)) {
    // The browser is the gateway's first visitor: its load waits for the first brotli pass within 1.5 MB
    // (src/server/graphiql-page.ts), 8-20 s of one core, longer on a busy machine; not a timing assertion.
    const response = await page.goto(gateway.graphqlUrl, { timeout: 150_000 });
    expect(response?.status()).toBe(200);
    firstLoad = { encoding: (await response!.allHeaders())['content-encoding'], bytes: (await response!.request().sizes()).responseBodySize };
  }
  await expect.poll(() => page.locator('.graphiql-query-editor .view-lines').count(), { timeout: 30_000 }).toBe(1);
}

async function run(): Promise<void> {
  await page.locator('.graphiql-execute-button').click();
}

describe.skipIf(onPostgresPass)('GraphiQL in a browser', () => {
  it('loads from the gateway alone and runs a query typed into the editor', async () => {
    requireChromium();
    await openGraphiQL();
    expect(await page.title()).toBe('Switchboard');
    // The gateway's very first GraphiQL answer, as the browser got it: brotli, at most 1.5 MB.
    expect(firstLoad?.encoding).toBe('br');
    expect(firstLoad!.bytes).toBeGreaterThan(0);
    expect(firstLoad!.bytes).toBeLessThanOrEqual(1_500_000);
    // The editor is up once Monaco has rendered the default document.
    await expect.poll(() => editorText('.graphiql-query-editor'), { timeout: 30_000 }).toContain('fxRates');

    await setQuery('{ fxRates { pair source } }');
    await run();

    await expect
      .poll(() => editorText('.graphiql-response'), { timeout: 20_000 })
      .toMatch(/"fxRates"[\s\S]*"USD\/THB"/);
    const result = await editorText('.graphiql-response');
    expect(result).toContain('"source": "CONFIG"');
    expect(result).not.toContain('"errors"');
    await page.screenshot({ path: join(screenshotDir, 'graphiql-query.png') });

    expect(pageErrors).toEqual([]);
    expect(blocked).toEqual([]);
    expect(requested.filter((url) => !staysOnLoopback(url))).toEqual([]);
    expect(requested.some((url) => url.startsWith(gateway.graphqlUrl))).toBe(true);
  }, 210_000);

  it('runs a subscription from the editor over the WebSocket on the same port', async () => {
    requireChromium();
    await openGraphiQL();
    await setQuery('subscription { fxRatesChanged { pair } }');
    await run();

    await expect
      .poll(() => editorText('.graphiql-response'), { timeout: 20_000 })
      .toMatch(/"fxRatesChanged"[\s\S]*"USD\/IDR"/);
    await page.screenshot({ path: join(screenshotDir, 'graphiql-subscription.png') });

    const wsUrl = gateway.graphqlUrl.replace(/^http/, 'ws');
    const socket = sockets.find((s) => s.url === wsUrl);
    expect(socket, `a graphql-ws socket to ${wsUrl}; saw ${JSON.stringify(sockets.map((s) => s.url))}`).toBeDefined();
    expect(socket!.sent.some((frame) => frame.includes('"subscribe"') && frame.includes('fxRatesChanged'))).toBe(true);
    expect(socket!.received.some((frame) => frame.includes('"next"') && frame.includes('fxRatesChanged'))).toBe(true);

    // Stop it again from the UI (the execute button turns into a stop button while a subscription runs).
    await run();
    await expect.poll(() => socket!.sent.some((frame) => frame.includes('"complete"')), { timeout: 10_000 }).toBe(true);

    expect(pageErrors).toEqual([]);
    expect(blocked).toEqual([]);
    expect(sockets.map((s) => s.url).filter((url) => !staysOnLoopback(url))).toEqual([]);
    expect(requested.filter((url) => !staysOnLoopback(url))).toEqual([]);
  }, 60_000);
});
