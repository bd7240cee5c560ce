import type { PublicOrg } from "../api/openapi-types";

/** A mainland mobile number as the server takes it: 11 digits starting 13–19. */
export const isMobile = (text: string) => /^1[3-9]\d{9}$/.test(text);

/** Seconds a number waits between codes (the server refuses sooner with 429). */
export const resendSeconds = 60;

/** Whole seconds until another code may be asked for, from when the last was sent; 0 when it may. */
export function secondsLeft(sentAt: number | null, now: number, wait = resendSeconds): number {
  if (sentAt === null) return 0;
  return Math.max(0, Math.ceil(wait - (now - sentAt) / 1000));
}

/**
 * The unions to choose from, each labelled with its chain from the top ("某市总工会 / 东城区总工会 / …") so that
 * two units of the same name are told apart, in tree order (a parent before its children, siblings by name).
 */
export function unionOptions(orgs: PublicOrg[]): { value: number; label: string }[] {
  const byId = new Map(orgs.map(o => [o.id, o]));
  const children = new Map<number | null, PublicOrg[]>();
  for (const o of orgs) {
    const parent = o.parentId !== null && o.parentId !== undefined && byId.has(o.parentId) ? o.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), o]);
  }
  const out: { value: number; label: string }[] = [];
  const walk = (parent: number | null, chain: string[]) => {
    for (const o of [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, "zh-CN"))) {
      const names = [...chain, o.name];
      out.push({ value: o.id, label: names.join(" / ") });
      walk(o.id, names);
    }
  };
  walk(null, []);
  return out;
}
