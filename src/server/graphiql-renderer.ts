import { AsyncLocalStorage } from 'node:async_hooks';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * The GraphiQL HTML, from the installed bundle (docs/performance.md, "Memory"). `@graphql-yoga/render-graphiql`
 * is 9 MB of JavaScript strings: imported in the gateway it holds about 45 MiB of resident memory for good, so it
 * is never imported there. Yoga's `renderGraphiQL` option takes a Promise: the page is rendered in a short-lived
 * child process (the options in on stdin, the HTML out on stdout), which gives that memory back when it exits.
 * src/server/graphiql-page.ts asks for the page once, and only when someone opens GraphiQL (or a caller of
 * prepareGraphiQLPage asks first), then keeps it compressed.
 *
 * Yoga calls this without a way to cancel it, so the caller that asks Yoga for the page
 * (src/server/graphiql-page.ts) runs that request inside `renderCancellation`: when its signal aborts (the
 * gateway stopping), the child is killed.
 */
export function renderGraphiQLPage(options: GraphiQLOptions): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const signal = renderCancellation.getStore();
    const child = execFile(process.execPath, [fileURLToPath(import.meta.url)], { encoding: 'buffer', maxBuffer: MAX_PAGE_BYTES, signal }, (error, stdout, stderr) => {
      if (error) reject(new Error(`GraphiQL page could not be rendered: ${stderr.toString('utf8').trim().slice(0, 2000) || error.message}`));
      // Node's Buffers always sit on an ArrayBuffer (never a SharedArrayBuffer); Fetch's BodyInit wants it said.
      else resolve(new Uint8Array(stdout.buffer as ArrayBuffer, stdout.byteOffset, stdout.byteLength));
    });
    // The options are the page's own JSON (renderGraphiQL serialises them into it), so JSON carries them whole.
    child.stdin!.end(JSON.stringify(options));
  });
}

/** The signal that ends a render in progress, for the request asking Yoga for the page (see renderGraphiQLPage). */
export const renderCancellation = new AsyncLocalStorage<AbortSignal>();

/** Far above the page (8.7 MB for the installed bundle); a bundle past it fails loudly rather than truncated. */
const MAX_PAGE_BYTES = 64 * 1024 * 1024;

/**
 * The bundle inlines Roboto and Fira Code as 35 base64 web fonts (about 560 KB that no compressor shrinks:
 * woff2 is already compressed), a quarter of the page over the wire. Their families are declared with
 * fallbacks (`--font-family: "Roboto", sans-serif`, `--font-family-mono: "Fira Code", monospace`), so
 * without the @font-face rules the page uses the system's sans-serif and monospace fonts (a system that has
 * Roboto or Fira Code installed still uses them). The `codicon` face stays: it draws the editor's icons.
 */
export function withoutWebFonts(html: string): string {
  return html.replace(WEB_FONT_FACE, '');
}

const WEB_FONT_FACE = /@font-face\s*\{\s*font-family:\s*(?:"Roboto"|Roboto|"Fira Code"|Fira Code)\s*;[^}]*\}/g;

// The child: options on stdin, the page (UTF-8) on stdout.
if (import.meta.main) {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const options = JSON.parse(Buffer.concat(chunks).toString('utf8')) as GraphiQLOptions;
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  process.stdout.write(withoutWebFonts(renderGraphiQL(options)));
}
