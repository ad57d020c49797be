// The Content Security Policy the build writes into index.html (scripts/postbuild.mjs): only this
// origin, wasm compilation allowed, no inline script or style, no plugins. One exception, fixed
// when the app is built: the team database's origin when CouchDB does not sit behind the app's
// own origin (docs/SYNC.md, "Alternative"), given as RAPPORT_SYNC_ORIGIN. An origin typed in at
// run time is never allowed: the policy would have to allow every origin.

/** `origin` if it is an origin (scheme, host, optional port; nothing else), else an Error. */
export function checkSyncOrigin(origin) {
  let url;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(`RAPPORT_SYNC_ORIGIN is not an address: ${origin}`);
  }
  if (!['https:', 'http:'].includes(url.protocol) || url.origin !== origin || url.username || url.password) {
    throw new Error(`RAPPORT_SYNC_ORIGIN must be an origin such as https://couch.example.com (no path, no slash at the end): ${origin}`);
  }
  if (url.protocol === 'http:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    throw new Error(`RAPPORT_SYNC_ORIGIN must use https (plain http only for this machine): ${origin}`);
  }
  return origin;
}

/** The policy, with the team database's origin when one is fixed at build time. */
export function csp(syncOrigin = '') {
  const connect = syncOrigin ? `connect-src 'self' ${checkSyncOrigin(syncOrigin)}` : "connect-src 'self'";
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data:",
    connect,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
