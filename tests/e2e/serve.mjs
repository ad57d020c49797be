// A minimal static server for the built app, used by the e2e tests (no dependency needed).
// Serves DIR under BASE (default "/") on 127.0.0.1:PORT so sub-path hosting can be tested too.
// GET BASE__deploy imitates deploying a new version: sw.js changes from then on.
//   node serve.mjs --dir ../../dist --port 4173 [--base /tools/rapport/]
import { createServer } from 'node:http';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const root = resolve(args.dir ?? '../../dist');
const port = Number(args.port ?? 4173);
const base = args.base ?? '/';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

const compressible = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg', '.txt']);
const compressed = new Map();
let deployments = 0;

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path === `${base}__deploy`) {
    deployments += 1;
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`deployment ${deployments}`);
    return;
  }
  if (!path.startsWith(base)) {
    res.writeHead(404).end('not found');
    return;
  }
  let file = normalize(join(root, path.slice(base.length)));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    let body = await readFile(file);
    if (deployments > 0 && file.endsWith('sw.js')) body = Buffer.concat([body, Buffer.from(`\n// deployment ${deployments}\n`)]);
    // Compress like any production static host, so measurements (Lighthouse) see real transfer sizes.
    const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', vary: 'accept-encoding' };
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoding = !compressible.has(extname(file)) ? null : /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
    if (encoding) {
      // Compressing the wasm takes a second: do it once per file content.
      const key = `${encoding}:${file}:${body.length}:${deployments}`;
      if (!compressed.has(key)) compressed.set(key, encoding === 'br' ? brotliCompressSync(body) : gzipSync(body));
      body = compressed.get(key);
      headers['content-encoding'] = encoding;
    }
    res.writeHead(200, headers);
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}${base}`));
