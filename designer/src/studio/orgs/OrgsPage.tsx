import { Alert, Button, Checkbox, Form, Input, Popconfirm, Select, Space, Tree, TreeSelect, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { studioApi } from "../api/studio-api";
import type { OrgLevel, OrgNode } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { refusalText, type RefusalText } from "../i18n/refusal-text";
import { orgTreeData } from "../library/org-tree";
import { OrgImportPanel } from "./OrgImportPanel";
import { childLevels, countOrgs, findOrg, levelKey } from "./org-levels";

/** The org tree of my subtree: create units below the selected one, rename, move or archive it, and import a sheet. */
export function OrgsPage() {
  const { t } = useI18n();
  const [orgs, setOrgs] = useState<OrgNode[]>([]);
  const [showArchived, setShowArchived] = useState(false);
  const [selected, setSelected] = useState<number>();
  const [message, setMessage] = useState<{ type: "success" | "error" } & RefusalText>();
  const failed = (e: unknown) => setMessage({ type: "error", ...refusalText(e, t) });
  const load = () => studioApi.orgs(showArchived).then(setOrgs, failed);
  useEffect(() => { void load(); }, [showArchived]);
  const unit = useMemo(() => (selected === undefined ? undefined : findOrg(orgs, selected)), [orgs, selected]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setMessage({ type: "success", text: done });
      await load();
    } catch (e) {
      failed(e);
    }
  };

  const treeData = (nodes: OrgNode[]): TreeNode[] =>
    nodes.map((n) => ({ key: n.id, title: `${n.name} · ${t(levelKey(n.level))}${n.archived ? ` (${t("orgs.archived")})` : ""}`, children: treeData(n.children ?? []) }));

  return (
    <div className="ff-orgs">
      {message && <Alert type={message.type} role={message.type === "error" ? "alert" : "status"} title={message.text} description={message.detail}
        closable onClose={() => setMessage(undefined)} style={{ marginBottom: 8 }} />}
      <Space align="start" size="large" wrap>
        <div style={{ minWidth: 320 }}>
          <Typography.Title level={5}>{t("orgs.tree")}</Typography.Title>
          <Checkbox checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)}>{t("orgs.showArchived")}</Checkbox>
          <Tree aria-label={t("orgs.tree")} defaultExpandAll key={countOrgs(orgs)} treeData={treeData(orgs)}
            selectedKeys={selected === undefined ? [] : [selected]} onSelect={(keys) => setSelected(keys[0] as number | undefined)} />
        </div>
        <div style={{ minWidth: 360 }}>
          {unit ? <UnitPanel key={unit.id} unit={unit} orgs={orgs} act={act} /> : <Typography.Paragraph type="secondary">{t("orgs.pick")}</Typography.Paragraph>}
          <OrgImportPanel onImported={() => void load()} />
        </div>
      </Space>
    </div>
  );
}

interface TreeNode { key: number; title: string; children: TreeNode[] }

type Act = (work: () => Promise<unknown>, done: string) => Promise<void>;

/** What can be done to the selected unit: a new unit below it, a new name or parent, archiving. */
function UnitPanel({ unit, orgs, act }: { unit: OrgNode; orgs: OrgNode[]; act: Act }) {
  const { t } = useI18n();
  const levels = childLevels(unit.level);
  const [child, setChild] = useState<{ name: string; level?: OrgLevel }>({ name: "", level: levels[0] });
  const [name, setName] = useState(unit.name);
  const [parentId, setParentId] = useState<number>();

  return (
    <section aria-labelledby="ff-org-unit">
      <Typography.Title level={5} id="ff-org-unit">{unit.name}</Typography.Title>
      {levels.length > 0 && !unit.archived && (
        <Form layout="inline" style={{ marginBottom: 12 }} onFinish={() => act(async () => {
          await studioApi.createOrg({ parentId: unit.id, name: child.name, level: child.level! });
          setChild({ name: "", level: levels[0] });
        }, t("orgs.created", { name: child.name }))}>
          <Form.Item label={t("orgs.newName")}><Input aria-label={t("orgs.newName")} value={child.name} maxLength={100} onChange={(e) => setChild({ ...child, name: e.target.value })} /></Form.Item>
          <Form.Item label={t("orgs.level")}>
            <Select aria-label={t("orgs.level")} style={{ width: 120 }} value={child.level} onChange={(level) => setChild({ ...child, level })}
              options={levels.map((l) => ({ value: l, label: t(levelKey(l)) }))} />
          </Form.Item>
          <Button htmlType="submit" type="primary" disabled={child.name.trim() === ""}>{t("orgs.create")}</Button>
        </Form>
      )}
      {unit.parentId !== null && (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Space.Compact>
            <Input aria-label={t("orgs.rename")} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
            <Button disabled={name.trim() === "" || name === unit.name} onClick={() => void act(() => studioApi.updateOrg(unit.id, { name }), t("orgs.renamed", { name }))}>{t("orgs.rename")}</Button>
          </Space.Compact>
          <Space.Compact>
            <TreeSelect aria-label={t("orgs.moveUnder")} placeholder={t("orgs.moveUnder")} style={{ width: 260 }} treeDefaultExpandAll value={parentId}
              onChange={setParentId} treeData={orgTreeData(orgs)} />
            <Button disabled={parentId === undefined} onClick={() => void act(() => studioApi.updateOrg(unit.id, { parentId }), t("orgs.moved", { name: unit.name }))}>{t("orgs.move")}</Button>
          </Space.Compact>
          {!unit.archived && (
            <Popconfirm title={t("orgs.archiveConfirm", { name: unit.name })} onConfirm={() => act(() => studioApi.archiveOrg(unit.id), t("orgs.archivedDone", { name: unit.name }))}>
              <Button danger>{t("orgs.archive")}</Button>
            </Popconfirm>
          )}
        </Space>
      )}
    </section>
  );
}
