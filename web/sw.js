// Seller Health's service worker: keeps every file of this build so the page reloads and
// computes with the network off. Cache-first for this site's own GET requests; nothing else is
// touched (the page's CSP allows no other origin anyway). Each build has its own cache, named
// after the content hash of its files; a new build installs beside the old one and waits until
// the seller reloads (the page offers it), so one page never mixes files of two builds.
'use strict';

// Written by src/cmake/service_worker.py at build time: the build's content hash and files.
// "dev" (this template, served unbuilt) caches nothing.
const BUILD = {"version": "dev", "files": []};
const PREFIX = 'seller-health-';
const CACHE = PREFIX + BUILD.version;

self.addEventListener('install', (event) => {
  if (BUILD.version === 'dev') return;
  // cache: 'reload' skips the HTTP cache so the stored bytes are this build's.
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(['./', ...BUILD.files].map((url) => new Request(url, {cache: 'reload'})))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys())
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    // The first install takes the open page at once (it loaded the same files from the network).
    await self.clients.claim();
  })());
});

// The page asks for this when the seller accepts a new version.
self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (BUILD.version === 'dev' || request.method !== 'GET') return;
  if (new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // The share link's #fragment is never part of a request; a ?query is ignored.
    const hit = await cache.match(request, {ignoreSearch: true}) ||
                (request.mode === 'navigate' ? await cache.match('./') : undefined);
    return hit || fetch(request);
  })());
});
