// @ts-check
/**
 * opsnote's service worker (written to `/sw.js` when `offline: true`; see src/offline/service-worker.ts).
 * Pages (and every other same-site file outside /assets/) are stale-while-revalidate: a visited page
 * opens at once, offline too, and the copy is refreshed in the background. The search index is
 * network-first: its entry file names the index's other files, which a new build replaces. Files under /assets/ are
 * cache-first: their URLs carry no hash, so the caches are named after a hash of the built assets and a
 * new build with other assets starts new caches (the old ones are deleted when the new worker activates).
 * A page never visited opens the offline page instead of the browser's error.
 */
const OPSNOTE = /* settings */ ({ version: "dev", scope: "/", offlinePage: "/offline/", precache: /** @type {string[]} */ ([]) });

const sw = /** @type {any} */ (self);
const PREFIX = "opsnote-";
const ASSETS = `${PREFIX}assets-${OPSNOTE.version}`;
const PAGES = `${PREFIX}pages-${OPSNOTE.version}`;
const ASSETS_PATH = `${OPSNOTE.scope}assets/`;
const SEARCH_PATH = `${OPSNOTE.scope}pagefind/`;

/** @param {Response} response */
const storable = (response) => response.ok && response.type === "basic";

sw.addEventListener("install", (/** @type {any} */ event) => {
  event.waitUntil((async () => {
    const fresh = (/** @type {string} */ url) => new Request(url, { cache: "reload" });
    await (await caches.open(ASSETS)).addAll(OPSNOTE.precache.map(fresh));
    await (await caches.open(PAGES)).add(fresh(OPSNOTE.offlinePage));
    await sw.skipWaiting();
  })());
});

sw.addEventListener("activate", (/** @type {any} */ event) => {
  event.waitUntil((async () => {
    const keep = new Set([ASSETS, PAGES]);
    for (const key of await caches.keys()) if (key.startsWith(PREFIX) && !keep.has(key)) await caches.delete(key);
    // The page that registered the worker was loaded before it existed: keep a copy of it (and of any
    // other open page) now, so the first page read is there offline too.
    const pages = await caches.open(PAGES);
    const windows = await sw.clients.matchAll({ type: "window", includeUncontrolled: true });
    await Promise.all(windows.map(async (/** @type {{ url: string }} */ client) => {
      const url = new URL(client.url);
      url.hash = "";
      if (url.origin !== location.origin || !url.pathname.startsWith(OPSNOTE.scope) || (await pages.match(url.href))) return;
      const response = await fetch(url.href).catch(() => undefined);
      if (response && storable(response)) await pages.put(url.href, response);
    }));
    await sw.clients.claim();
  })());
});

/** @param {Request} request */
async function cacheFirst(request) {
  const cache = await caches.open(ASSETS);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (storable(response)) await cache.put(request, response.clone());
  return response;
}

/** @param {Request} request */
async function networkFirst(request) {
  const cache = await caches.open(PAGES);
  // Pagefind asks for its entry file with a new `?ts=` each time: one kept copy per file, whatever the query.
  const key = new URL(request.url);
  key.search = "";
  try {
    const response = await fetch(request);
    if (storable(response)) await cache.put(key.href, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(key.href);
    if (cached) return cached;
    throw error;
  }
}

/** @param {any} event @param {Request} request */
async function staleWhileRevalidate(event, request) {
  const cache = await caches.open(PAGES);
  const cached = await cache.match(request);
  const network = fetch(request).then(async (response) => {
    if (storable(response)) await cache.put(request, response.clone());
    return response;
  });
  if (cached) {
    event.waitUntil(network.catch(() => undefined));
    return cached;
  }
  try {
    return await network;
  } catch (error) {
    const fallback = request.mode === "navigate" ? await cache.match(OPSNOTE.offlinePage) : undefined;
    if (fallback) return fallback;
    throw error;
  }
}

sw.addEventListener("fetch", (/** @type {any} */ event) => {
  /** @type {Request} */
  const request = event.request;
  if (request.method !== "GET" || request.headers.has("range")) return;
  const url = new URL(request.url);
  if (url.origin !== location.origin || !url.pathname.startsWith(OPSNOTE.scope)) return;
  event.respondWith(
    url.pathname.startsWith(ASSETS_PATH) ? cacheFirst(request)
    : url.pathname.startsWith(SEARCH_PATH) ? networkFirst(request)
    : staleWhileRevalidate(event, request),
  );
});
