// Stridewise's service worker: the app opens with the network off after the first visit.
//
// - install: fetches every file of the page (the list and the version are written in by
//   tools/make_dist.mjs; this file in web/ is only the template) with its integrity hash and,
//   only once all of them arrived intact, stores them in one cache named after the version.
//   A failed or partial download fails the install; the running version stays.
// - The new worker then waits: the page it would replace keeps running its own version, from its
//   own cache, until the runner taps Reload (boot.js posts 'skipWaiting') or every Stridewise
//   tab is closed. So a page never mixes files of two builds.
// - activate: deletes the caches of older versions and takes control of open pages.
// - fetch: the app's own files are answered from this version's cache (never another version's),
//   falling back to the network; anything else goes to the network untouched.
'use strict';

const VERSION = 'STRIDEWISE_VERSION';
const FILES = /* STRIDEWISE_FILES */ [];
const PREFIX = 'stridewise-';
const CACHE = PREFIX + VERSION;
const SCOPE = self.registration.scope;
const INDEX = new URL('index.html', SCOPE).href;
const CACHED = new Set(FILES.map(([path]) => new URL(path, SCOPE).href));
// Files marked 'on-demand' (the import and backup workers and their WebAssembly) are not fetched
// at install: their first use fetches them (with their integrity hash) into this version's cache.
const ON_DEMAND = new Map(FILES.filter((f) => f[2] === 'on-demand').map(([path, integrity]) => [new URL(path, SCOPE).href, integrity]));
const SHARE_TARGET = new URL('share-target', SCOPE).href;
const SHARED_CACHE = 'stridewise-shared';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    // cache: 'no-cache' revalidates with the server (a 304 costs nothing) so an HTTP cache never
    // hands over an older build's file; the integrity hash rejects any file not of this build.
    const responses = await Promise.all(FILES.filter((f) => f[2] !== 'on-demand').map(async ([path, integrity]) => {
      const url = new URL(path, SCOPE).href;
      const response = await fetch(new Request(url, { cache: 'no-cache', credentials: 'same-origin', integrity }));
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return [url, response];
    }));
    const cache = await caches.open(CACHE);
    try {
      await Promise.all(responses.map(([url, response]) => cache.put(url, response)));
    } catch (error) {
      await caches.delete(CACHE);  // no half-filled cache under this version's name
      throw error;
    }
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE && name !== SHARED_CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
});

// Files shared to the installed app (manifest share_target: POST multipart to ./share-target) are
// kept in a cache of their own, one entry per file, and the app opens with ?share-target, where
// web/lib/import.js takes them in through the same path as picked files.
async function receiveShared(request) {
  const form = await request.formData();
  const cache = await caches.open(SHARED_CACHE);
  let index = 0;
  for (const value of form.getAll('files')) {
    if (typeof value === 'string') continue;
    const headers = { 'Content-Type': value.type || 'application/octet-stream', 'X-File-Name': encodeURIComponent(value.name) };
    await cache.put(new URL(`shared/${Date.now()}-${index++}`, SCOPE).href, new Response(value, { headers }));
  }
  return Response.redirect(new URL('./?share-target', SCOPE).href, 303);
}

async function onDemand(key) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(key);
  if (cached) return cached;
  const response = await fetch(new Request(key, { cache: 'no-cache', credentials: 'same-origin', integrity: ON_DEMAND.get(key) }));
  if (response.ok) await cache.put(key, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method === 'POST' && request.url.split('?')[0] === SHARE_TARGET) {
    event.respondWith(receiveShared(request));
    return;
  }
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  let key = url.href;
  if (key === SCOPE) key = INDEX;  // the start URL "./"
  if (!CACHED.has(key)) return;  // not one of the app's files: the browser fetches it as usual
  if (ON_DEMAND.has(key)) {
    event.respondWith(onDemand(key));
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(key)) || fetch(request);
  })());
});
