import type { GraphiQLOptions } from 'graphql-yoga';

/**
 * The GraphiQL HTML, from the installed bundle (docs/performance.md, "Memory"). `@graphql-yoga/render-graphiql`
 * is 9 MB of JavaScript strings: imported at start-up it held about 45 MiB of resident memory in every gateway,
 * whether or not anyone ever opened GraphiQL. It is imported here on the first page request instead (Yoga's
 * `renderGraphiQL` option takes a Promise); src/server/graphiql-page.ts renders and compresses the page once.
 */
export async function renderGraphiQLPage(options: GraphiQLOptions): Promise<string> {
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  return withoutWebFonts(renderGraphiQL(options));
}

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
