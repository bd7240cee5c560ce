import { useSyncExternalStore } from "react";
import { apiCache, offlineHeader, pageCache, storedAtHeader } from "./cache-names";

/**
 * Whether what the Portal shows is current. Offline when the browser says so or a request could not reach the server;
 * `shownAsOf` is the oldest time at which a kept answer now shown was fetched (the service worker stamps it).
 */
export interface Connectivity { offline: boolean; shownAsOf?: string }

let state: Connectivity = { offline: typeof navigator !== "undefined" && navigator.onLine === false };
const listeners = new Set<() => void>();
function set(next: Connectivity) {
  if (next.offline === state.offline && next.shownAsOf === state.shownAsOf) return;
  state = next;
  for (const listener of listeners) listener();
}

/** Called by the API client with every answer: a kept one marks the Portal offline, a fresh one clears that. */
export function noteAnswer(response: Response): void {
  if (response.headers.get(offlineHeader)) {
    const storedAt = response.headers.get(storedAtHeader) ?? undefined;
    set({ offline: true, shownAsOf: state.shownAsOf && storedAt && state.shownAsOf < storedAt ? state.shownAsOf : storedAt ?? state.shownAsOf });
  } else set({ offline: false });
}

/** Called when a request could not reach the server at all. */
export function noteUnreachable(): void { set({ ...state, offline: true }); }

if (typeof window !== "undefined") {
  window.addEventListener("offline", () => set({ ...state, offline: true }));
  window.addEventListener("online", () => set({ offline: false }));
}

export function useConnectivity(): Connectivity {
  return useSyncExternalStore(listener => { listeners.add(listener); return () => listeners.delete(listener); }, () => state);
}

/**
 * Another person's answers must never show on this device: forgets every kept API answer, and the kept page, which
 * holds the hall the server drew for whoever was signed in (first-screen.ts) (sign-out, a new account).
 */
export async function forgetKeptAnswers(): Promise<void> {
  if (typeof caches !== "undefined") await Promise.all([apiCache, pageCache].map(name => caches.delete(name).catch(() => false)));
}

/**
 * Installs the service worker once someone has signed in: the shell is then kept for offline use. Not earlier, so that
 * precaching does not compete with the sign-in page and the first pages on a slow network; not in the dev server.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !("serviceWorker" in navigator)) return;
  void navigator.serviceWorker.register("/service-worker.js", { scope: "/" }).catch(() => undefined);
}
