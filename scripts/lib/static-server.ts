/**
 * A tiny static file server on 127.0.0.1 for the demo and the end-to-end
 * tests. It serves one folder, refuses paths outside it, and picks a free
 * port unless told otherwise.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  const base = resolve(root);
  const server: Server = createServer((request, response) => {
    void (async () => {
      try {
        const url = new URL(request.url ?? '/', 'http://127.0.0.1');
        let path = normalize(join(base, decodeURIComponent(url.pathname)));
        if (path !== base && !path.startsWith(base + sep)) {
          response.writeHead(403).end('Forbidden');
          return;
        }
        if ((await stat(path).catch(() => undefined))?.isDirectory())
          path = join(path, 'index.html');
        const body = await readFile(path);
        response.writeHead(200, {
          'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        response.end(body);
      } catch {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      }
    })();
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    origin: `http://127.0.0.1:${actualPort}`,
    close: () =>
      new Promise((done) => {
        // Browsers keep connections alive; without this, close() waits for them.
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
