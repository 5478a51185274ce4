/**
 * The HTTP ceiling (docs/performance.md): plain node:http answering every request with the same
 * bytes the gateway answers the catalog query with, read once from a file. Nothing is parsed.
 *
 * Usage: node bench/baseline/ceiling-server.ts <body-file> <content-type> [port]
 * Prints "ready: http://127.0.0.1:<port>" once listening.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const [bodyPath, contentType = 'application/json', portText = '0'] = process.argv.slice(2);
if (!bodyPath) throw new Error('usage: ceiling-server.ts <body-file> <content-type> [port]');
const body = readFileSync(bodyPath);
const headers = { 'content-type': contentType, 'content-length': String(body.length) };

const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
  // A request body is left to node:http, which discards what the handler does not read.
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(Number(portText), '127.0.0.1', () => {
  process.stdout.write(`ready: http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections());
