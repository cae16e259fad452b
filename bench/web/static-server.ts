// A small static file server for the web bench: serves one built directory on 127.0.0.1 with the
// content types a browser needs for modules and workers (and index.html for "/"), and with the
// validators every static host sends (an ETag; a request that names it gets 304 Not Modified), so
// a reload revalidates the browser's copies as it would on a real host instead of fetching anew.
// `latencyMs` holds each answer back that long, as a host a network round trip away would.
// Files under assets/ carry a hash of their content in their names, so they are served as a
// deployment should serve them (README, "Deploying"): cached for good, never asked about again.

import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  /** Origin without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

export async function serveDirectory(root: string, opts: { latencyMs?: number } = {}): Promise<StaticServer> {
  const latency = opts.latencyMs ?? 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const rel = normalize(path.endsWith('/') ? `${path}index.html` : path);
      const file = join(root, rel);
      if (!file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
        const hashed = rel.startsWith(`${sep}assets${sep}`);
        const headers = {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
          etag,
        };
        if (req.headers['if-none-match'] === etag) res.writeHead(304, headers).end();
        else res.writeHead(200, headers).end(body);
      } catch {
        res.writeHead(404).end('not found');
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('static server has no TCP address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
