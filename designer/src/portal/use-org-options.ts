import { orgsAnswer, takeAhead } from "./ahead";
import type { OrgNode } from "./api-types";
import { useLoad } from "./use-load";

/** The org units I can see, flattened for an `org` field's list (ids as the text the forms engine stores). */
export function useOrgOptions(): { id: string; name: string }[] {
  const orgs = useLoad(() => takeAhead<OrgNode[]>(orgsAnswer), []);
  const flat: { id: string; name: string }[] = [];
  const walk = (nodes: OrgNode[], depth: number) => nodes.forEach(n => {
    flat.push({ id: String(n.id), name: `${"　".repeat(depth)}${n.name}` });
    walk(n.children ?? [], depth + 1);
  });
  walk(orgs.value ?? [], 0);
  return flat;
}
