// Tiny static server for the Rapport dist/ folder (no dependencies).
//   node serve.mjs [--dir ./dist] [--port 4300] [--host 127.0.0.1]
// Also importable: `const s = await startServer({dir, port}); await s.stop();` so the smoke suite
// can stop and restart it (offline test). Unknown paths → 404; directories → index.html.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

export function startServer({ dir = './dist', port = 4300, host = '127.0.0.1', log = () => {} } = {}) {
  const root = resolve(dir);
  const sockets = new Set();
  const server = createServer(async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(404).end('not found');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      log(`200 ${path}`);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      log(`404 ${path}`);
    }
  });
  // Track sockets so stop() really closes keep-alive connections (the browser must see the
  // server as gone for the offline test).
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      ok({
        url: `http://${host}:${port}/`,
        stop: () =>
          new Promise((done) => {
            server.close(() => done());
            for (const s of sockets) s.destroy();
          }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = Object.fromEntries(
    process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
  );
  const s = await startServer({ dir: args.dir ?? './dist', port: Number(args.port ?? 4300), host: args.host ?? '127.0.0.1', log: console.log });
  console.log(`serving ${resolve(args.dir ?? './dist')} at ${s.url}`);
  const stop = async () => {
    await s.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
