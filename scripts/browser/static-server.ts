/**
 * A small static server for the browser tests and the browser example: files from a few
 * directories under URL prefixes, with or without the headers that make a page cross-origin
 * isolated (COOP + COEP: the page then has SharedArrayBuffer). Nothing is compressed on the way:
 * the build's `.wasm.gz` copies are bytes the page decompresses itself.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
};

export interface StaticServerOptions {
  /** URL prefix (`/`, `/wasm/`) to directory; the longest matching prefix wins. */
  roots: Record<string, string>;
  /** Send COOP `same-origin` and COEP `require-corp`, so the page is cross-origin isolated. */
  isolated: boolean;
  port?: number;
  /** Called with each request's path (what a test checks was fetched). */
  onRequest?: (path: string) => void;
  /** Answers a path itself before the files are looked at (a test's tampered file). */
  override?: (path: string) => { status: number; body: Uint8Array; type?: string } | undefined;
}

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const prefixes = Object.keys(options.roots).sort((a, b) => b.length - a.length);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    options.onRequest?.(path);
    const headers: Record<string, string> = { 'cache-control': 'no-store' };
    if (options.isolated) {
      headers['cross-origin-opener-policy'] = 'same-origin';
      headers['cross-origin-embedder-policy'] = 'require-corp';
    }
    const special = options.override?.(path);
    if (special) {
      res.writeHead(special.status, {
        ...headers,
        'content-type': special.type ?? 'application/octet-stream',
      });
      res.end(special.body);
      return;
    }
    const prefix = prefixes.find((p) => path.startsWith(p));
    const root = prefix === undefined ? undefined : options.roots[prefix];
    let file = root === undefined ? undefined : normalize(join(root, path.slice((prefix as string).length)));
    // Nothing outside the served directories.
    if (file === undefined || root === undefined || !file.startsWith(normalize(root))) {
      res.writeHead(404, headers).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const size = statSync(file).size;
      res.writeHead(200, {
        ...headers,
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': String(size),
      });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, headers).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
