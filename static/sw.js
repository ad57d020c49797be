// Rapport's service worker (template: scripts/postbuild.mjs fills in VERSION and ASSETS).
// Precaches the whole app at install, so after one visit it loads and works offline. A new
// version installs beside the old one and waits until the user chooses "Reload to update":
// one version serves every file of a page, never a mix.
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
const CACHE = `rapport-${VERSION}`;
// The app's own files by path. Anything else on this origin (the team database behind the same
// origin, docs/SYNC.md) is left to the network as if no worker were here: sync never meets a
// cached reply, and its requests are the page's own.
const OWN = new Set(ASSETS.map((url) => new URL(url, self.registration.scope).pathname));

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(ASSETS.map((url) => new Request(url, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('rapport-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode !== 'navigate' && !OWN.has(url.pathname)) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit =
        (await cache.match(request, { ignoreSearch: true })) ||
        (request.mode === 'navigate' ? await cache.match('./') : undefined);
      return hit || fetch(request);
    })(),
  );
});
