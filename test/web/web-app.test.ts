import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveWebApp, webAppEnabled } from '../../src/server/web-app.ts';

// The static serving of the storefront, on a folder laid out as `vite build` lays out web/dist.
let root: string;
let server: Server;
let base: string;
let sandbox = true;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sb-webapp-'));
  await mkdir(join(root, 'assets'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(join(root, 'assets/index-AbC123.js'), 'console.log(1)');
  await writeFile(join(root, 'assets/index-AbC123.css'), 'body{}');
  await writeFile(join(root, 'favicon.svg'), '<svg/>');
  await writeFile(join(tmpdir(), 'sb-webapp-secret.txt'), 'secret');
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (serveWebApp({ sandbox }, req, res, path, root)) return;
    if (path === '/') {
      res.writeHead(302, { location: '/graphql' });
      return res.end();
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  sandbox = true;
  delete process.env.WEB_APP;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
  await rm(join(tmpdir(), 'sb-webapp-secret.txt'), { force: true });
});

describe('storefront static serving', () => {
  it('serves index.html at / uncached, hashed assets cached for a year, each with its content type', async () => {
    const index = await fetch(`${base}/`, { redirect: 'manual' });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("default-src 'self'");
    const js = await fetch(`${base}/assets/index-AbC123.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${base}/assets/index-AbC123.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await fetch(`${base}/favicon.svg`)).headers.get('content-type')).toBe('image/svg+xml');
    const head = await fetch(`${base}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('serves nothing outside the folder and nothing it does not have', async () => {
    for (const path of ['/../sb-webapp-secret.txt', '/%2e%2e/sb-webapp-secret.txt', '/assets/..%2f..%2fsb-webapp-secret.txt', '/nope.js', '/assets/']) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(404);
  });

  it('outside sandbox, / redirects to /graphql unless WEB_APP=true', async () => {
    sandbox = false;
    const redirected = await fetch(`${base}/`, { redirect: 'manual' });
    expect(redirected.status).toBe(302);
    expect(redirected.headers.get('location')).toBe('/graphql');
    process.env.WEB_APP = 'true';
    expect((await fetch(`${base}/`, { redirect: 'manual' })).status).toBe(200);
    expect(webAppEnabled({ sandbox: true }, { WEB_APP: 'false' })).toBe(false);
    expect(webAppEnabled({ sandbox: false }, {})).toBe(false);
  });

  it('says how to build it when web/dist is missing', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'sb-webapp-empty-'));
    const probe = createServer((req, res) => void (serveWebApp({ sandbox: true }, req, res, '/', empty) || res.end()));
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const response = await fetch(`http://127.0.0.1:${(probe.address() as AddressInfo).port}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:web');
    await new Promise((resolve) => probe.close(resolve));
    await rm(empty, { recursive: true, force: true });
  });
});
