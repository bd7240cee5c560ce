import type { OrgLevel, OrgNode } from "../api/types";
import type { MessageKey } from "../i18n/messages";

/** The tiers top to bottom, as the server orders them: a unit sits below a unit of a higher tier. */
export const orgLevels: OrgLevel[] = ["national", "province", "city", "district", "street", "grassroots"];

/** The levels a new unit under a unit of this level may have. */
export function childLevels(level: OrgLevel): OrgLevel[] {
  return orgLevels.slice(orgLevels.indexOf(level) + 1);
}

export function levelKey(level: OrgLevel): MessageKey {
  return `orgs.level.${level}` as MessageKey;
}

export function findOrg(nodes: OrgNode[], id: number): OrgNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const below = findOrg(node.children ?? [], id);
    if (below) return below;
  }
  return undefined;
}

/** How many units the forest holds: the tree opens anew (all expanded) when units were added or removed. */
export function countOrgs(nodes: OrgNode[]): number {
  return nodes.reduce((sum, node) => sum + 1 + countOrgs(node.children ?? []), 0);
}
