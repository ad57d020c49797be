// Rapport's service worker (template: scripts/postbuild.mjs fills in VERSION and ASSETS).
// Precaches the whole app at install, so after one visit it loads and works offline. A new
// version installs beside the old one and waits until the user chooses "Reload to update":
// one version serves every file of a page, never a mix.
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
const CACHE = `rapport-${VERSION}`;

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
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
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
