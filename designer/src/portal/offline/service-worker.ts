/// <reference lib="webworker" />
import { cleanupOutdatedCaches, precacheAndRoute } from "workbox-precaching";
import { registerRoute } from "workbox-routing";
import { CacheFirst, NetworkFirst } from "workbox-strategies";
import { ExpirationPlugin } from "workbox-expiration";
import { apiCache, keptApiPaths, keptOnInstall, offlineHeader, pageCache, storedAtHeader } from "./cache-names";

/**
 * The Portal's service worker. The app shell (the Portal's scripts and styles, listed at build time) is precached, so
 * the Portal opens without a network. The page and the API answers a worker reads offline are fetched from the network
 * first and kept; when the network fails, the last kept copy answers, marked with the time it was fetched, so the
 * Portal can say what it shows is not current. Nothing of the Studio is touched.
 */
declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null }> };

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

/** Stamps a response when kept, and marks it offline when it answers in place of the network. */
const stamped = {
  cacheWillUpdate: async ({ response }: { response: Response }) => response.ok ? withHeader(response, storedAtHeader, new Date().toISOString()) : null,
  cachedResponseWillBeUsed: async ({ cachedResponse }: { cachedResponse?: Response }) =>
    cachedResponse ? withHeader(cachedResponse, offlineHeader, "1") : cachedResponse,
};

async function withHeader(response: Response, name: string, value: string): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.set(name, value);
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

// Every Portal page is the same HTML: kept under one key, fresh from the network while there is one (its nonce with it).
registerRoute(
  ({ request, url }) => request.mode === "navigate" && !url.pathname.startsWith("/studio") && !url.pathname.startsWith("/api/"),
  new NetworkFirst({ cacheName: pageCache, networkTimeoutSeconds: 8, plugins: [{ cacheKeyWillBeUsed: async () => "/" }, stamped] }),
);

// What a worker reads again offline: who I am, the service hall, my cases, my card. Other API calls are never kept.
registerRoute(
  ({ request, url, sameOrigin }) => sameOrigin && request.method === "GET" && keptApiPaths.some(p => p.test(url.pathname)),
  new NetworkFirst({ cacheName: apiCache, plugins: [stamped, new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 14 * 24 * 3600 })] }),
);

// Hashed bundles never change: lazy chunks not in the shell (the QR scanner) are kept once used.
registerRoute(
  ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/assets/"),
  new CacheFirst({ cacheName: "formflow-assets", plugins: [new ExpirationPlugin({ maxEntries: 60 })] }),
);

// Take over the open Portal at once, and keep its page and the signed-in worker's first answers (see keptOnInstall).
self.addEventListener("install", () => { void self.skipWaiting(); });
// Navigation preload: the browser asks the network for the page while this worker starts, not after (the page route
// above takes that answer), so a repeat visit does not wait for the worker before its first request.
self.addEventListener("activate", event => {
  event.waitUntil(Promise.all([self.registration.navigationPreload?.enable(), self.clients.claim()]).then(() => Promise.all([
    keep(pageCache, "/", "/"),
    ...keptOnInstall.map(url => keep(apiCache, url, url)),
  ])));
});

async function keep(cacheName: string, url: string, key: string): Promise<void> {
  try {
    const response = await fetch(url, { credentials: "same-origin", headers: url.startsWith("/api/") ? { Accept: "application/json" } : {} });
    if (!response.ok) return;
    await (await caches.open(cacheName)).put(key, await withHeader(response, storedAtHeader, new Date().toISOString()));
  } catch { /* offline already: nothing to keep */ }
}
