import { Button, Select, Space, TreeSelect } from "antd";
import type { OrgNode } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { orgTreeData } from "../library/org-tree";
import { roleKey, roleNames, type RoleRow } from "./role-rows";

/** One role × org row per role the account holds: the role from a list, the org from my org tree. */
export function RoleRowsInput({ rows, orgs, onChange }: { rows: RoleRow[]; orgs: OrgNode[]; onChange(rows: RoleRow[]): void }) {
  const { t } = useI18n();
  const set = (i: number, row: RoleRow) => onChange(rows.map((r, j) => (j === i ? row : r)));
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      {rows.map((row, i) => (
        <Space.Compact key={i} style={{ width: "100%" }}>
          <Select aria-label={t("accounts.rowRole", { row: i + 1 })} placeholder={t("accounts.role")} style={{ width: 140 }} value={row.role}
            onChange={(role) => set(i, { ...row, role })} options={roleNames.map((r) => ({ value: r, label: t(roleKey(r)) }))} />
          <TreeSelect aria-label={t("accounts.rowOrg", { row: i + 1 })} placeholder={t("accounts.org")} style={{ flex: 1 }} treeDefaultExpandAll
            value={row.orgUnitId} onChange={(orgUnitId: number) => set(i, { ...row, orgUnitId })} treeData={orgTreeData(orgs)} />
          <Button onClick={() => onChange(rows.filter((_, j) => j !== i))}>{t("accounts.removeRole")}</Button>
        </Space.Compact>
      ))}
      <Button type="dashed" onClick={() => onChange([...rows, {}])}>{t("accounts.addRole")}</Button>
    </Space>
  );
}
