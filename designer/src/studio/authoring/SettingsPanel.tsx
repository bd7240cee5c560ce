import { Button, Input, InputNumber, Space, Typography } from "antd";
import type { Setting } from "../api/types";
import { SettingValueInput } from "../customisation/SettingValueInput";
import { DataTable } from "../data-table/DataTable";
import { useI18n } from "../i18n/i18n";
import type { ModuleEditing } from "../module/module-editing";
import { LockPanel } from "./LockPanel";
import { rejoinOf, targetText, withExtensionPoint, withoutExtensionPoint, withoutSetting, withSetting, type ExtensionPoint } from "./module-authoring";

/**
 * A template's settings (named values lower levels may change within bounds) and extension points (where they may
 * insert steps), listed to edit and remove; each setting with its locks. New ones come from a step's properties.
 */
export function SettingsPanel({ editing, myOrgId }: { editing: ModuleEditing; myOrgId: string | number | undefined }) {
  const { t } = useI18n();
  const { document } = editing;
  const rows = Object.entries(document.settings ?? {}).map(([key, s]) => ({ key, ...s }));
  const change = (key: string, s: Setting, patch: Partial<Setting>) =>
    editing.editDocument((d) => withSetting(d, key, { ...s, ...patch }), `setting:${key}:${Object.keys(patch).join()}`);
  const changePoint = (p: ExtensionPoint, patch: Partial<ExtensionPoint>) =>
    editing.editDocument((d) => withExtensionPoint(d, { ...p, ...patch }, p.id), `point:${p.id}`);

  return (
    <div className="ff-settings-panel">
      <Typography.Title level={5}>{t("setting.list")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("setting.listHelp")}</Typography.Paragraph>
      <DataTable rowKey="key" dataSource={rows} pageSize={50} className="ff-settings" columns={[
          { title: t("setting.key"), render: (_, s) => <code>{s.key}</code> },
          {
            title: t("setting.label"), render: (_, s) => (
              <Space direction="vertical" size={2}>
                <Input size="small" addonBefore="zh-CN" aria-label={`${t("setting.labelZh")} ${s.key}`} value={s.label?.["zh-CN"] ?? ""}
                  onChange={(e) => change(s.key, s, { label: { ...s.label, "zh-CN": e.target.value } })} />
                <Input size="small" addonBefore="en" aria-label={`${t("setting.labelEn")} ${s.key}`} value={s.label?.en ?? ""}
                  onChange={(e) => change(s.key, s, { label: { "zh-CN": s.label?.["zh-CN"] ?? "", ...s.label, en: e.target.value } })} />
              </Space>
            ),
          },
          { title: t("setting.default"), render: (_, s) => <SettingValueInput name={s.key} value={s.value} label={`${t("setting.default")} ${s.key}`} onChange={(value) => change(s.key, s, { value })} /> },
          {
            title: `${t("setting.min")}–${t("setting.max")}`, render: (_, s) => typeof s.value !== "number" ? null : (
              <Space size={2}>
                <InputNumber size="small" style={{ width: 70 }} aria-label={`${t("setting.min")} ${s.key}`} value={s.min ?? null} onChange={(n) => change(s.key, s, { min: n ?? undefined })} />
                <InputNumber size="small" style={{ width: 70 }} aria-label={`${t("setting.max")} ${s.key}`} value={s.max ?? null} onChange={(n) => change(s.key, s, { max: n ?? undefined })} />
              </Space>
            ),
          },
          { title: t("setting.appliesTo"), render: (_, s) => (s.appliesTo ?? []).map((a) => <div key={targetText(a)}><code>{targetText(a)}</code></div>) },
          { title: t("lock.title"), render: (_, s) => <LockPanel editing={editing} myOrgId={myOrgId} elementId={s.key} /> },
          { title: "", width: 70, render: (_, s) => <Button size="small" danger aria-label={`${t("common.delete")} ${s.key}`} onClick={() => editing.editDocument((d) => withoutSetting(d, s.key))}>{t("common.delete")}</Button> },
        ]} />

      <Typography.Title level={5} style={{ marginTop: 16 }}>{t("ext.list")}</Typography.Title>
      <DataTable rowKey="id" dataSource={document.extensionPoints ?? []} pageSize={50} columns={[
        { title: t("ext.id"), render: (_, p) => <code>⊕ {p.id}</code> },
        { title: t("ext.where"), render: (_, p) => t("ext.route", { source: p.source, outcome: p.outcome ?? "done", rejoin: rejoinOf(document.workflow, p) ?? "?" }) },
        {
          title: t("ext.description"), render: (_, p) => (
            <Input size="small" aria-label={`${t("ext.description")} ${p.id}`} value={p.description ?? ""} onChange={(e) => changePoint(p, { description: e.target.value })} />
          ),
        },
        { title: t("lock.title"), render: (_, p) => <LockPanel editing={editing} myOrgId={myOrgId} elementId={p.id} /> },
        { title: "", width: 70, render: (_, p) => <Button size="small" danger aria-label={`${t("common.delete")} ${p.id}`} onClick={() => editing.editDocument((d) => withoutExtensionPoint(d, p.id))}>{t("common.delete")}</Button> },
      ]} />
    </div>
  );
}
