import { useEffect, useState } from "react";

export type Route = { page: "library" } | { page: "module"; id: string } | { page: "services" } | { page: "dashboard" } | { page: "content" } | { page: "orgs" } | { page: "accounts" } | { page: "deliveries" }
  | { page: "merchants" } | { page: "members" } | { page: "audit" } | { page: "banks" } | { page: "reports" } | { page: "monitor" };

export function parseRoute(hash: string): Route {
  const [, page, id] = hash.replace(/^#/, "").split("/");
  if (page === "module" && id) return { page: "module", id: decodeURIComponent(id) };
  if (page === "services" || page === "dashboard" || page === "content" || page === "orgs" || page === "accounts" || page === "deliveries"
    || page === "merchants" || page === "members" || page === "audit" || page === "banks" || page === "reports" || page === "monitor") return { page };
  return { page: "library" };
}

export function routeHash(route: Route): string {
  return route.page === "module" ? `#/module/${encodeURIComponent(route.id)}` : `#/${route.page}`;
}

/** The page in the URL fragment, so a reload or a shared link opens the same module. */
export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return [route, (next) => { window.location.hash = routeHash(next); }];
}
