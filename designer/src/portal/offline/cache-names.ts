/** Names the Portal and its service worker share. */
export const pageCache = "formflow-pages";
export const apiCache = "formflow-api";
/** Set by the service worker on an answer kept for offline use: when it was fetched (ISO time). */
export const storedAtHeader = "X-FormFlow-Stored-At";
/** Set by the service worker when a kept answer stands in for the network. */
export const offlineHeader = "X-FormFlow-Offline";
/** The GET answers kept for offline reading: me, the service hall, my cases and one case, my member card and benefits. */
export const keptApiPaths = [
  /^\/api\/me$/, /^\/api\/services$/, /^\/api\/services\/\d+$/, /^\/api\/cases$/, /^\/api\/cases\/\d+$/,
  /^\/api\/members\/me\/(card|entitlements)$/, /^\/api\/me\/points$/,
];
/**
 * Fetched and kept by the service worker as soon as it takes over, so that the Portal opens offline even when the
 * network drops right after the first sign-in (the pages read before it took over were not kept). My cases is the
 * address the my-cases page asks for.
 */
export const keptOnInstall = ["/api/me", "/api/services", "/api/cases?mine=true", "/api/members/me/card", "/api/members/me/entitlements", "/api/me/points"];
