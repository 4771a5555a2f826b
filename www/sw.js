// isnad's service worker: the page keeps working with the network off after one visit.
//
// Network first, cache as fallback: a rebuilt page is picked up at once when the server is
// there (no stale version to expire), and the last copy is used when it is not. Only GET
// requests to this origin are handled; the page makes no other kind.

const CACHE = 'isnad-v1';

/**
 * Everything the page needs to start and analyze, every module of app.js included (a module
 * missing here would break the page offline; tests/e2e/modules.test.mjs checks the list against
 * www/); the seed articles are added from their list.
 */
const CORE = [
  './',
  'index.html',
  'app.js',
  'app/i18n.js',
  'app/dom.js',
  'app/files.js',
  'app/engine.js',
  'app/input.js',
  'app/reading.js',
  'app/panels.js',
  'app/chains.js',
  'app/export.js',
  'worker.js',
  'style.css',
  'manifest.webmanifest',
  'icon.svg',
  'pkg/isnad_no_modules.js',
  'pkg/isnad_bg.wasm',
  'seeds/index.json',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(CORE);
      try {
        const seeds = await (await fetch('seeds/index.json')).json();
        await cache.addAll(seeds.map((s) => `seeds/${encodeURIComponent(s.file)}`));
      } catch {
        // The examples are a convenience: the page still works offline without them.
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const res = await fetch(req);
        if (res.ok) await cache.put(req, res.clone());
        return res;
      } catch (err) {
        const hit = (await cache.match(req, { ignoreSearch: true })) ?? (req.mode === 'navigate' ? await cache.match('index.html') : undefined);
        if (hit) return hit;
        throw err;
      }
    })(),
  );
});
