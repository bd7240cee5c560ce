import { Alert, Button, Select, Space, TreeSelect, Typography } from "antd";
import { DataTable } from "../data-table/DataTable";
import { useEffect, useState } from "react";
import { studioApi } from "../api/studio-api";
import type { ModuleDetails, ModuleSummary, OrgNode, Service } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { refusalText, type RefusalText } from "../i18n/refusal-text";
import { nameOf } from "../library/module-name";
import { orgTreeData } from "../library/org-tree";
import { ResultsPanel } from "./ResultsPanel";

/** Activate a published module version for an org subtree, and see which orgs run which version. */
export function ServicesPage() {
  const { t } = useI18n();
  const [services, setServices] = useState<Service[]>([]);
  const [modules, setModules] = useState<ModuleSummary[]>([]);
  const [orgs, setOrgs] = useState<OrgNode[]>([]);
  const [moduleId, setModuleId] = useState<string>();
  const [details, setDetails] = useState<ModuleDetails>();
  const [org, setOrg] = useState<string>();
  const [version, setVersion] = useState<string>();
  const [shown, setShown] = useState<Service>();
  const [message, setMessage] = useState<{ type: "success" | "error" } & RefusalText>();
  const failed = (e: unknown) => setMessage({ type: "error", ...refusalText(e, t) });

  const load = () => Promise.all([
    studioApi.services().then(setServices),
    studioApi.modules().then((all) => setModules(all.filter((m) => m.latestVersion))),
    studioApi.orgs().then(setOrgs),
  ]).catch(failed);
  useEffect(() => { void load(); }, []);
  useEffect(() => {
    setDetails(undefined);
    setVersion(undefined);
    if (moduleId) studioApi.module(moduleId).then(setDetails, failed);
  }, [moduleId]);

  return (
    <div className="ff-services">
      {message && <Alert type={message.type} role={message.type === "error" ? "alert" : "status"} title={message.text} description={message.detail} style={{ marginBottom: 8 }} />}
      <Typography.Title level={5}>{t("svc.activate")}</Typography.Title>
      <Space wrap>
        <Select aria-label={t("svc.module")} placeholder={t("svc.module")} style={{ width: 220 }} value={moduleId} onChange={setModuleId}
          showSearch={{ optionFilterProp: "label" }}
          options={modules.map((m) => ({ value: m.id, label: `${nameOf(m.name)} (${m.ownerOrgName})` }))} />
        <Select aria-label={t("svc.version")} placeholder={t("svc.version")} style={{ width: 120 }} allowClear value={version} onChange={setVersion}
          options={(details?.versions ?? []).map((v) => ({ value: v.version }))} />
        <TreeSelect aria-label={t("svc.org")} placeholder={t("svc.org")} style={{ width: 240 }} treeDefaultExpandAll value={org} onChange={setOrg} treeData={orgTreeData(orgs)} />
        <Button type="primary" disabled={!moduleId || !org} onClick={async () => {
          try {
            const service = await studioApi.activate(moduleId!, org!, version);
            setMessage({ type: "success", text: t("svc.activated", { org: service.orgName }) });
            await load();
          } catch (e) {
            failed(e);
          }
        }}>{t("svc.activate")}</Button>
      </Space>
      <Typography.Title level={5} style={{ marginTop: 16 }}>{t("svc.whoRuns")}</Typography.Title>
      <DataTable<Service> rowKey="id" dataSource={[...services].sort((a, b) => a.orgName.localeCompare(b.orgName, "zh-CN"))} pageSize={30} columns={[
        { title: t("svc.org"), dataIndex: "orgName" },
        { title: t("svc.module"), render: (_, s) => nameOf(s.name) },
        { title: t("library.category"), dataIndex: "category" },
        { title: t("svc.version"), dataIndex: "version" },
        { title: "hash", dataIndex: "snapshotHash", render: (h: string) => <code title={h}>{h.slice(0, 18)}…</code> },
        { title: t("res.show"), render: (_, s) => s.submissions === "responses" && <Button size="small" onClick={() => setShown(s)}>{t("res.show")}</Button> },
      ]} />
      {shown && <ResultsPanel key={shown.id} service={shown} />}
    </div>
  );
}
