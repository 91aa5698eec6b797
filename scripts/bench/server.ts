/**
 * A small static server for the bench: files gzip-compressed (as a production host would send them),
 * on 127.0.0.1 only. `mounts` maps a URL prefix to a folder; the longest matching prefix wins.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};
const COMPRESSIBLE = /\.(html|m?js|css|json|geojson|svg|txt|md)$/;

export interface Served {
  url: string;
  close(): Promise<void>;
  /** Bytes sent (compressed) since the last reset. */
  bytes: { sent: number };
  /** Every response since the last reset: path, body bytes as sent, and when it was sent (Date.now()). */
  log: { path: string; bytes: number; at: number }[];
}

export async function serve(mounts: Record<string, string>): Promise<Served> {
  const cache = new Map<string, Buffer>();
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const bytes = { sent: 0 };
  const log: Served['log'] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const prefix = prefixes.find((p) => path.startsWith(p));
    if (!prefix) return void res.writeHead(404).end();
    const root = resolve(mounts[prefix]);
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const gzip = COMPRESSIBLE.test(file) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
    let body = cache.get(file + gzip);
    if (!body) {
      body = readFileSync(file);
      if (gzip) body = gzipSync(body, { level: 9 });
      cache.set(file + gzip, body);
    }
    bytes.sent += body.length;
    log.push({ path, bytes: body.length, at: Date.now() });
    res.writeHead(200, {
      'content-type': type,
      'content-length': body.length,
      'cache-control': 'no-cache',
      ...(gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('bench server: no port');
  return {
    url: `http://127.0.0.1:${addr.port}`,
    bytes,
    log,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
