import { Breadcrumb, Button, Space } from "antd";
import type { FigureOrg } from "../../api/openapi-types";
import { useI18n } from "../i18n/i18n";

/** The org path from where I started to the org shown, each step clickable, and 上一级 to the parent the API names. */
export function OrgPath({ path, parent, go }: { path: FigureOrg[]; parent: FigureOrg | null; go: (org: FigureOrg) => void }) {
  const { t } = useI18n();
  return (
    <Space>
      <Button size="small" disabled={!parent} onClick={() => parent && go(parent)}>{t("fig.up")}</Button>
      <Breadcrumb className="ff-org-path" items={path.map((org, i) => i === path.length - 1
        ? { key: org.id, title: <span aria-current="page">{org.name}</span> }
        : { key: org.id, title: <a href={`#org-${org.id}`} onClick={(e) => { e.preventDefault(); go(org); }}>{org.name}</a> })} />
    </Space>
  );
}
