// Test stand-in for CouchDB (issue 20; docs/SYNC.md): CouchDB does not install from the registries
// here, so the e2e tests sync against express-pouchdb with the memory adapter, behind the app's
// own origin as the recommended reverse proxy puts it. One HTTP server on 127.0.0.1:<port> that
//  - serves static files from $DIST (GET/HEAD; "/" and directories -> index.html)
//  - mounts express-pouchdb (memory adapter) under /couch/
//  - seeds admin, users, the rapport-team db, its _security and _design/rapport
// Usage: DIST=./dist node server.mjs [port]   (or PORT=5984). Prints "READY <url>" when seeded.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

// Quirk fix 1: pouchdb-bulkdocs-wrapper@4.2.0 (used by the validation, security
// and auth plugins) returns refused docs FIRST, then the rest: _bulk_docs result
// order != request order (CouchDB keeps request order). Replace it in the require
// cache with an order-preserving version BEFORE express-pouchdb loads (hence
// require() below instead of static imports).
const wrapperPath = require.resolve('pouchdb-bulkdocs-wrapper');
require(wrapperPath);
require.cache[wrapperPath].exports = function createBulkDocsWrapper(handler) {
  return function bulkDocsWrapper(bulkDocs, args) {
    const docs = args.docs;
    const out = new Array(docs.length); // refused entries keep their slot
    return Promise.all(docs.map((doc, i) => {
      // Quirk fix 3: pouchdb-validation does `newDoc._revisions = oldDoc._revisions`
      // on the doc itself, which wrecks new_edits:false writes (replication):
      // a sibling is silently dropped, a new doc loses its ancestry. Restore it.
      const hadRevs = Object.prototype.hasOwnProperty.call(doc, '_revisions');
      const revs = doc._revisions;
      return Promise.resolve()
        .then(() => handler(doc, args))
        .catch((err) => { err.id = doc._id; out[i] = err; })
        .then(() => { if (hadRevs) doc._revisions = revs; else delete doc._revisions; });
    }))
      .then(() => {
        args.docs = docs.filter((d, i) => !out[i]);
        return bulkDocs();
      })
      .then((resps) => {
        // new_edits:false answers only with errors: then order cannot be kept
        if (resps.length !== args.docs.length) return out.filter(Boolean).concat(resps);
        let j = 0;
        for (let i = 0; i < out.length; i++) if (!out[i]) out[i] = resps[j++];
        return out;
      });
  };
};

const PouchDBCore = require('pouchdb-core');
const memoryAdapter = require('pouchdb-adapter-memory');
const httpAdapter = require('pouchdb-adapter-http');
const replication = require('pouchdb-replication');
const mapreduce = require('pouchdb-mapreduce');
const expressPouchDB = require('express-pouchdb');

const PORT = Number(process.argv[2] || process.env.PORT || 5984);
const HOST = '127.0.0.1';
const DIST = path.resolve(process.env.DIST || '.');
const PREFIX = '/couch';
const CORS_ORIGIN = process.env.COUCH_CORS_ORIGIN || '';
const ADMIN = { name: 'admin', password: process.env.COUCH_ADMIN_PW || 'adminpw' };
const USERS = [
  { name: 'ana', password: 'anapw', roles: ['rapport-team'] },
  { name: 'ben', password: 'benpw', roles: ['rapport-team'] },
  { name: 'lead', password: 'leadpw', roles: [] },
  { name: 'mallory', password: 'mallorypw', roles: [] },
];
const DB = 'rapport-team';
const SECURITY = {
  admins: { names: ['lead'], roles: [] },
  members: { names: [], roles: ['rapport-team'] },
};
// The design document the repository ships (couchdb/), exactly as an administrator installs it.
const { designDocument } = await import('../../couchdb/design.mjs');
const DDOC = designDocument();

const PouchDB = PouchDBCore
  .plugin(memoryAdapter).plugin(httpAdapter).plugin(replication).plugin(mapreduce)
  .defaults({ adapter: 'memory' });

// Nothing on disk: config kept in memory; the logger always opens a file
// (fs.createWriteStream(logPath, {flags:'a'})), so send it to /dev/null
// unless COUCH_LOG names a file.
const couchApp = expressPouchDB(PouchDB, {
  mode: 'fullCouchDB',
  inMemoryConfig: true,
  logPath: process.env.COUCH_LOG || '/dev/null',
  overrideMode: { exclude: ['routes/fauxton'] },
});

// Quirk fix 4: pouchdb-security keeps the _security object in the local doc
// `_local/_security`, which any member could read and OVERWRITE over HTTP
// (PUT /db/_local/_security -> privilege escalation). Calls coming from HTTP
// always carry options.userCtx; the plugin's own calls never do. Refuse the former.
const wrappers = createRequire(require.resolve('express-pouchdb'))('pouchdb-wrappers');
const SEC_ID = '_local/_security';
const fromHttp = (args) => !!(args.options && args.options.userCtx);
const secError = (status) => Object.assign(new Error(status === 404 ? 'missing' : 'reserved document id'),
  { status, name: status === 404 ? 'not_found' : 'forbidden', error: true });
const guard = (isSec, status) => (orig, args) =>
  (fromHttp(args) && isSec(args) ? Promise.reject(secError(status)) : orig());
couchApp.dbWrapper.registerWrapper((name, db, next) => {
  wrappers.installWrapperMethods(db, {
    get: guard((a) => a.docId === SEC_ID, 404),
    put: guard((a) => a.doc && a.doc._id === SEC_ID, 403),
    post: guard((a) => a.doc && a.doc._id === SEC_ID, 403),
    remove: guard((a) => a.doc && a.doc._id === SEC_ID, 403),
    bulkGet: guard((a) => (a.options.docs || []).some((d) => d && d.id === SEC_ID), 403),
    bulkDocs: require(wrapperPath)((doc, args) =>
      (fromHttp(args) && doc && doc._id === SEC_ID ? Promise.reject(secError(403)) : Promise.resolve())),
  });
  return next();
});

// Quirk fix 5: some routes (_bulk_get, _find, _explain, _index) never pass
// userCtx to PouchDB, so pouchdb-security treats them as admin party: anyone,
// even anonymous, could read the db. And non-members get 401 where CouchDB 3
// sends 403. So, like CouchDB, check reader access for every /<db>/... request
// right after express-pouchdb has opened the db (system dbs _users/_replicator
// keep their own rules).
const epUtils = createRequire(require.resolve('express-pouchdb'))('./utils');
const inSection = (ctx, sec) => !!sec && ((sec.names || []).includes(ctx.name)
  || (sec.roles || []).some((r) => ctx.roles.includes(r)));
function requireReader(req, res, next) {
  const ctx = (req.couchSession && req.couchSession.userCtx) || { name: null, roles: [] };
  if (req.params.db.startsWith('_') || ctx.roles.includes('_admin')) return next();
  req.db.getSecurity().then((sec) => {
    const members = sec.members || {};
    const open = !(members.names || []).length && !(members.roles || []).length;
    if (open || inSection(ctx, sec.admins) || inSection(ctx, members)) return next();
    if (ctx.name === null) {
      return epUtils.sendJSON(res, 401, { error: 'unauthorized', reason: 'You are not authorized to access this db.' });
    }
    return epUtils.sendJSON(res, 403, { error: 'forbidden', reason: 'You are not allowed to access this db.' });
  }, (err) => epUtils.sendError(res, err));
}
{
  const stack = couchApp._router.stack;
  const at = stack.findIndex((l) => l.route && l.route.path === '/:db' && l.route.methods.propfind);
  if (at < 0) throw new Error('express-pouchdb layout changed: no app.all("/:db") layer');
  couchApp.all(['/:db', '/:db/*'], requireReader);
  stack.splice(at + 1, 0, stack.pop());
}

// JWT authentication, as CouchDB 3's `jwt_authentication` handler does it (express-pouchdb has
// none): `Authorization: Bearer <jwt>` signed HS256 with the server's key ([jwt_keys] hmac:_default),
// `sub` is the member, the `_couchdb.roles` claim their roles, `exp`/`nbf` checked when present.
// A bad or expired token is 401, as CouchDB answers. The member needs no _users document, as in
// CouchDB. The key: $COUCH_JWT_SECRET (tests use the default).
const JWT_SECRET = process.env.COUCH_JWT_SECRET || 'rapport-test-jwt-secret';
const { createHmac, timingSafeEqual } = await import('node:crypto');
function jwtSession(header) {
  const token = header.slice('Bearer '.length).trim();
  const [h, p, sig] = token.split('.');
  if (!h || !p || !sig) return null;
  const want = createHmac('sha256', JWT_SECRET).update(`${h}.${p}`).digest();
  const got = Buffer.from(sig, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) return null;
  let head, claims;
  try {
    head = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch { return null; }
  const now = Date.now() / 1000;
  if (head.alg !== 'HS256' || typeof claims.sub !== 'string' || !claims.sub) return null;
  if ((claims.exp !== undefined && now >= claims.exp) || (claims.nbf !== undefined && now < claims.nbf)) return null;
  const roles = Array.isArray(claims['_couchdb.roles']) ? claims['_couchdb.roles'].filter((r) => typeof r === 'string') : [];
  return { ok: true, userCtx: { name: claims.sub, roles }, info: { authenticated: 'jwt', authentication_handlers: ['jwt', 'cookie', 'default'] } };
}
{
  const stack = couchApp._router.stack;
  const at = stack.findIndex((l) => String(l.handle).includes('buildCookieSession(req, res)'));
  if (at < 0) throw new Error('express-pouchdb layout changed: no session layer');
  couchApp.use((req, res, next) => {
    const header = req.headers.authorization || '';
    if (!/^Bearer /i.test(header)) return next();
    const session = jwtSession(header);
    if (!session) return epUtils.sendJSON(res, 401, { error: 'unauthorized', reason: 'The token is invalid or has expired.' });
    req.couchSession = session;
    return next();
  });
  stack.splice(at + 1, 0, stack.pop());
}

const MIME = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.map': 'application/json', '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm', '.png': 'image/png', '.jpg': 'image/jpeg', '.ico': 'image/x-icon',
  '.woff2': 'font/woff2', '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};

function serveStatic(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let rel;
  try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { rel = null; }
  let file = rel && path.join(DIST, path.normalize(rel));
  if (!file || (file !== DIST && !file.startsWith(DIST + path.sep))) {
    res.writeHead(400).end();
    return;
  }
  fs.stat(file, (err, st) => {
    if (!err && st.isDirectory()) { file = path.join(file, 'index.html'); }
    fs.stat(file, (err2, st2) => {
      if (err2 || !st2.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': st2.size,
        'Cache-Control': 'no-store',
      });
      if (req.method === 'HEAD') { res.end(); return; }
      fs.createReadStream(file).pipe(res);
    });
  });
}

const server = http.createServer((req, res) => {
  if (req.url === PREFIX || req.url.startsWith(PREFIX + '/') || req.url.startsWith(PREFIX + '?')) {
    // CouchDB's CORS ([chttpd] enable_cors, [cors] origins/credentials), for the setup with the
    // database on an origin of its own fixed at build time (docs/SYNC.md): $COUCH_CORS_ORIGIN.
    if (CORS_ORIGIN && req.headers.origin === CORS_ORIGIN) {
      res.setHeader('Access-Control-Allow-Origin', CORS_ORIGIN);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, DELETE',
          'Access-Control-Allow-Headers': 'accept, authorization, content-type, origin, referer',
          'Access-Control-Max-Age': '600',
        }).end();
        return;
      }
    }
    // like a reverse proxy: strip the prefix and hand the raw rest to CouchDB
    req.url = req.url.slice(PREFIX.length) || '/';
    if (req.url[0] === '?') req.url = '/' + req.url;
    // Quirk fix 2: express-pouchdb builds absolute Location headers without the prefix.
    const setHeader = res.setHeader;
    res.setHeader = function (name, value) {
      if (String(name).toLowerCase() === 'location' && typeof value === 'string') {
        value = value.replace(/^(https?:\/\/[^/]+)(?!\/couch\/)\//, `$1${PREFIX}/`);
      }
      return setHeader.call(this, name, value);
    };
    couchApp(req, res);
    return;
  }
  serveStatic(req, res);
});

async function seed(base) {
  const auth = 'Basic ' + Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64');
  const call = async (method, p, body) => {
    const r = await fetch(base + p, {
      method,
      headers: { Authorization: auth, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const txt = await r.text();
    if (r.status >= 300) throw new Error(`${method} ${p} -> ${r.status} ${txt}`);
    return JSON.parse(txt);
  };
  for (const u of USERS) {
    await call('PUT', `/_users/org.couchdb.user:${u.name}`,
      { _id: `org.couchdb.user:${u.name}`, type: 'user', name: u.name, password: u.password, roles: u.roles });
  }
  await call('PUT', `/${DB}`);
  await call('PUT', `/${DB}/_security`, SECURITY);
  await call('PUT', `/${DB}/${DDOC._id}`, DDOC);
}

async function main() {
  const t0 = Date.now();
  // Turn admin party off: one server admin (hashed in memory by express-pouchdb).
  await new Promise((resolve, reject) =>
    couchApp.couchConfig.set('admins', ADMIN.name, ADMIN.password, (e) => (e ? reject(e) : resolve())));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(PORT, HOST, resolve);
  });
  const base = `http://${HOST}:${server.address().port}${PREFIX}`;
  await seed(base);
  console.log(`READY http://${HOST}:${server.address().port}/ couch=${base}/ dist=${DIST} in ${Date.now() - t0}ms`);
}

function shutdown(sig) {
  // Everything lives in memory: nothing to flush. Stop listening, drop open
  // sockets (continuous/longpoll feeds, keep-alive) and exit 0.
  console.log(`stopping on ${sig}`);
  server.close();
  server.closeAllConnections();
  setImmediate(() => process.exit(0));
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

main().catch((e) => { console.error('startup failed:', e); process.exit(1); });
