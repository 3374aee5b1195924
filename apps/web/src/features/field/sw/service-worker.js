/* global BUILD */
// Service worker of the field app (/m). `BUILD` ({version, shell}) is prepended at build time by
// build/pwa-plugin.ts. The app shell (HTML, JS, CSS of the /m entry) is cached at install so the
// app opens with no network; /api requests are never cached here — the app keeps its own data in
// IndexedDB and queues changes in its outbox — except SOP images, which the app saves for offline.
const CACHE = `gd-field-${BUILD.version}`;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // `cache: 'reload'` skips the HTTP cache so the shell matches this build.
    await cache.addAll(BUILD.shell.map((url) => new Request(url, { cache: 'reload', credentials: 'same-origin' })));
    // The nameplate reader's OCR files (worker, wasm core, language model): best effort — a
    // server without them still gets a working app; they are also cached on first use.
    const ocr = await caches.open(OCR_CACHE);
    await Promise.allSettled((BUILD.ocr ?? []).map(async (url) => {
      if (await ocr.match(url)) return;
      const res = await fetch(url, { credentials: 'same-origin' });
      if (res.ok) await ocr.put(url, res);
    }));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith('gd-field-') && key !== CACHE && key !== SOP_CACHE && key !== OCR_CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

// SOP images the app saved for offline reading (see lib/store.ts: cacheSopImages).
const SOP_CACHE = 'gd-field-sop-images';
const isSopImage = (url) => /^\/api\/v1\/sop-images\/[^/]+\/content$/.test(url.pathname);

// Nameplate scanning offline: the OCR files (same for every build, so kept across versions) and
// the last known model list (network first, so it stays current when online).
const OCR_CACHE = 'gd-field-ocr';
const isOcrAsset = (url) => (BUILD.ocr ?? []).includes(url.pathname);
const isModelList = (url) => url.pathname === BUILD.models;

const isShellNavigation = (request, url) => request.mode === 'navigate' && (url.pathname === '/m' || url.pathname.startsWith('/m/'));

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (isSopImage(url)) {
    // Network first (permissions may change), the saved copy when offline.
    event.respondWith(fetch(request).catch(async () => (await (await caches.open(SOP_CACHE)).match(url.pathname)) ?? Response.error()));
    return;
  }
  if (isOcrAsset(url)) {
    event.respondWith((async () => {
      const cache = await caches.open(OCR_CACHE);
      const hit = await cache.match(url.pathname);
      if (hit) return hit;
      const res = await fetch(request);
      if (res.ok) await cache.put(url.pathname, res.clone());
      return res;
    })());
    return;
  }
  if (isModelList(url)) {
    event.respondWith((async () => {
      const cache = await caches.open(OCR_CACHE);
      try {
        const res = await fetch(request);
        if (res.ok) await cache.put(url.pathname, res.clone());
        return res;
      } catch {
        return (await cache.match(url.pathname)) ?? Response.error();
      }
    })());
    return;
  }
  if (url.pathname.startsWith('/api/')) return;
  if (isShellNavigation(request, url)) {
    // Network first (a fresh shell when online), the cached shell when the network fails or hangs.
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      try {
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 4000);
        const fresh = await fetch(request, { signal: controller.signal });
        clearTimeout(timer);
        if (fresh.ok) return fresh;
        return (await cache.match('/m/')) ?? fresh;
      } catch {
        const cached = await cache.match('/m/');
        if (cached) return cached;
        return new Response('<!doctype html><meta charset="utf-8"><p style="font-size:20px;padding:24px">没有网络，且应用尚未缓存。请联网后再打开。</p>', { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
      }
    })());
    return;
  }
  if (BUILD.shell.includes(url.pathname) || url.pathname.startsWith('/assets/')) {
    // Hashed files never change: cache first.
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(url.pathname);
      if (hit) return hit;
      const res = await fetch(request);
      if (res.ok && url.pathname.startsWith('/assets/')) await cache.put(url.pathname, res.clone());
      return res;
    })());
  }
});
