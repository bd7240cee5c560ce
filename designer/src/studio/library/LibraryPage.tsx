import { Alert, Button, Checkbox, Input, Popconfirm, Select, Space, Tag, Tooltip } from "antd";
import { DataTable } from "../data-table/DataTable";
import { useEffect, useMemo, useState } from "react";
import { studioApi } from "../api/studio-api";
import type { ModuleSummary, OrgNode } from "../api/types";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { refusalText, type RefusalText } from "../i18n/refusal-text";
import { CreateModuleDialog } from "./CreateModuleDialog";
import { DeriveModuleDialog } from "./DeriveModuleDialog";
import { DuplicateModuleDialog } from "./DuplicateModuleDialog";
import { nameOf } from "./module-name";

/**
 * Templates and derived modules visible to me, filtered by category, level and kind, searched by name (archived
 * ones on request); create from a template or blank, derive, duplicate, archive and bring back.
 */
export function LibraryPage({ onOpen }: { onOpen(module: ModuleSummary): void }) {
  const { t } = useI18n();
  const [modules, setModules] = useState<ModuleSummary[]>();
  const [orgs, setOrgs] = useState<OrgNode[]>();
  const [problem, setProblem] = useState<RefusalText>();
  const failed = (e: unknown) => setProblem(refusalText(e, t));
  const [search, setSearch] = useState("");
  const [category, setCategory] = useState<string>();
  const [level, setLevel] = useState<string>();
  const [kind, setKind] = useState<string>();
  const [deriving, setDeriving] = useState<ModuleSummary>();
  const [creating, setCreating] = useState(false);
  const [duplicating, setDuplicating] = useState<ModuleSummary>();
  const [showArchived, setShowArchived] = useState(false);
  const [done, setDone] = useState<string>();

  const load = (archived = showArchived) => studioApi.modules(archived).then(setModules, failed);
  useEffect(() => {
    studioApi.orgs().then(setOrgs, (e) => { setOrgs([]); failed(e); });
  }, []);
  useEffect(() => { void load(showArchived); }, [showArchived]);

  /** Reports a finished change and shows the library as it now is. */
  const changed = async (message: string) => {
    setProblem(undefined);
    setDone(message);
    await load();
  };

  const archiving = async (m: ModuleSummary, archive: boolean) => {
    const action = t(archive ? "library.archive" : "library.unarchive");
    try {
      await (archive ? studioApi.archive(m.id) : studioApi.unarchive(m.id));
      await changed(t(archive ? "library.archivedDone" : "library.unarchivedDone", { name: nameOf(m.name) }));
    } catch (e) {
      setDone(undefined);
      const refusal = refusalText(e, t, { Forbidden: "refusal.archiveForbidden" });
      setProblem({ ...refusal, text: t("library.refused", { action, reason: refusal.text }) });
    }
  };

  /** A derivation's parent as the library shows it (name and owner); its ID when it is not visible to me. */
  const parentOf = (m: ModuleSummary) => {
    if (m.parentModuleId == null) return "—";
    const parent = modules?.find((p) => p.id === m.parentModuleId);
    return parent ? `${nameOf(parent.name)} · ${parent.ownerOrgName}` : `#${m.parentModuleId}`;
  };

  const categories = useMemo(() => [...new Set((modules ?? []).map((m) => m.category))], [modules]);
  const shown = (modules ?? []).filter((m) => (!category || m.category === category) && (!level || m.level === level) && (!kind || m.kind === kind)
    && `${nameOf(m.name)} ${m.id} ${m.ownerOrgName}`.toLowerCase().includes(search.toLowerCase()));

  return (
    <div className="ff-library">
      {problem && <Alert type="error" role="alert" title={problem.text} description={problem.detail} style={{ marginBottom: 8 }} />}
      {done && <Alert type="success" role="status" title={done} closable onClose={() => setDone(undefined)} style={{ marginBottom: 8 }} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setCreating(true)}>{t("library.create")}</Button>
        <Input.Search aria-label={t("common.search")} placeholder={t("common.search")} value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 220 }} />
        <Select aria-label={t("library.category")} placeholder={t("library.category")} allowClear style={{ width: 150 }} value={category} onChange={setCategory} options={categories.map((c) => ({ value: c }))} />
        <Select aria-label={t("library.level")} placeholder={t("library.level")} allowClear style={{ width: 120 }} value={level} onChange={setLevel}
          options={["national", "province", "city", "district", "street", "grassroots"].map((l) => ({ value: l, label: t(`level.${l}` as MessageKey) }))} />
        <Select aria-label={t("library.kind")} placeholder={t("library.kind")} allowClear style={{ width: 120 }} value={kind} onChange={setKind}
          options={[{ value: "template", label: t("library.kind.template") }, { value: "derived", label: t("library.kind.derived") }]} />
        <Checkbox checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)}>{t("library.showArchived")}</Checkbox>
      </Space>
      <DataTable<ModuleSummary> rowKey="id" loading={!modules && !problem} dataSource={shown} pageSize={20} columns={[
        { title: t("app.library"), render: (_, m) => <a onClick={() => onOpen(m)} data-module={m.id}>{nameOf(m.name)}</a> },
        { title: t("library.category"), dataIndex: "category" },
        { title: t("library.level"), dataIndex: "level", render: (l: string) => t(`level.${l}` as MessageKey) },
        { title: t("library.kind"), dataIndex: "kind", render: (k: string) => <Tag color={k === "template" ? "blue" : "purple"}>{t(k === "template" ? "library.kind.template" : "library.kind.derived")}</Tag> },
        { title: t("library.parent"), render: (_, m) => parentOf(m) },
        { title: t("library.owner"), dataIndex: "ownerOrgName" },
        { title: t("library.latestVersion"), dataIndex: "latestVersion", render: (v?: string) => v ?? "—" },
        { title: "", render: (_, m) => (
          <Space>
            {m.archived && <Tag color="default">{t("library.archivedTag")}</Tag>}
            {m.draft && <Tag>{t("library.draft")}</Tag>}
            {m.upgradeAvailable && <Tag color="orange">{t("library.upgrade")}</Tag>}
          </Space>
        ) },
        {
          title: "", render: (_, m) => (
            <Space>
              <Button onClick={() => onOpen(m)}>{t("common.open")}</Button>
              <Tooltip title={m.archived ? t("refusal.archived") : undefined}>
                <Button disabled={!m.latestVersion || m.archived} onClick={() => setDeriving(m)}>{t("library.derive")}</Button>
              </Tooltip>
              <Button onClick={() => setDuplicating(m)}>{t("library.duplicate")}</Button>
              {m.archived
                ? <Button onClick={() => archiving(m, false)}>{t("library.unarchive")}</Button>
                : (
                  <Popconfirm title={t("library.archive")} description={t("library.archiveConfirm", { name: nameOf(m.name) })}
                    okText={t("library.archive")} cancelText={t("common.cancel")} onConfirm={() => archiving(m, true)}>
                    <Button danger>{t("library.archive")}</Button>
                  </Popconfirm>
                )}
            </Space>
          ),
        },
      ]} />
      <DeriveModuleDialog module={deriving} orgs={orgs} onClose={() => setDeriving(undefined)}
        onDerived={async (created) => { setDeriving(undefined); await load(); onOpen(created); }} />
      <CreateModuleDialog open={creating} modules={modules ?? []} orgs={orgs} onClose={() => setCreating(false)}
        onCreated={(m) => { setCreating(false); void changed(t("library.created", { name: nameOf(m.name) })); }} />
      <DuplicateModuleDialog module={duplicating} orgs={orgs} onClose={() => setDuplicating(undefined)}
        onDuplicated={(m) => { setDuplicating(undefined); void changed(t("library.duplicated", { name: nameOf(m.name) })); }} />
    </div>
  );
}
