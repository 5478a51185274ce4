import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The storefront: `npm run build:web` writes web/dist (served by the gateway at / in sandbox mode or with
 * WEB_APP=true); `npm run dev:web` serves it with hot reload and proxies /graphql, HTTP and WebSocket, to a
 * running gateway (GATEWAY_URL, default http://localhost:4000).
 */
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:4000';

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // Hashed names under /assets get a year's cache; index.html is never cached.
    assetsDir: 'assets',
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    proxy: {
      // changeOrigin stays false: the gateway accepts a WebSocket only when Origin matches Host, and the browser's
      // Origin is this dev server, so Host must stay this dev server too.
      '/graphql': { target: gateway, changeOrigin: false, ws: true },
    },
  },
});
