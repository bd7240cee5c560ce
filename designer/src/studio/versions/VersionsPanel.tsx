import { Alert, Button, Input, Select, Space, Switch, Typography } from "antd";
import { DataTable } from "../data-table/DataTable";
import { useState } from "react";
import { errorText } from "../api/client";
import { studioApi } from "../api/studio-api";
import type { Impact, MigrationPlan, ModuleDetails, ModuleDocument, PublishResult } from "../api/types";
import { ImpactTable } from "./ImpactTable";
import { useI18n } from "../i18n/i18n";
import { jsonDiff, type JsonChange } from "./json-diff";
import { tones } from "../app/tones";

const text = (v: unknown) => (v === undefined ? "" : JSON.stringify(v));

export function DiffList({ changes }: { changes: JsonChange[] }) {
  return (
    <ul className="ff-diff" style={{ fontFamily: "monospace", fontSize: 12, maxHeight: 320, overflow: "auto" }}>
      {changes.map((c, i) => (
        <li key={i}>{c.kind === "added" ? "+" : c.kind === "removed" ? "−" : "~"} {c.path}: <del style={{ color: tones.removed }}>{text(c.before)}</del> <ins style={{ color: tones.added }}>{text(c.after)}</ins></li>
      ))}
    </ul>
  );
}

/**
 * Publishing and history: validate (the server's preview soundness), publish, each version with its running cases,
 * the diff between a version and the current draft, and the dry-run-first case migration.
 */
export function VersionsPanel({ details, draft, onPublished, beforePublish, setVersion }: {
  details: ModuleDetails; draft: ModuleDocument; onPublished(): void; beforePublish(): Promise<void>;
  /** Templates only: the version the draft publishes as. */
  setVersion?(version: string): void;
}) {
  const { t } = useI18n();
  const [message, setMessage] = useState<{ type: "success" | "error" | "info"; text: string }>();
  const [diff, setDiff] = useState<{ version: string; changes: JsonChange[] }>();
  const versions = details.versions ?? [];
  const published = new Set(versions.map((v) => v.version));
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  const [plan, setPlan] = useState<MigrationPlan>();
  const [autoUpgrade, setAutoUpgrade] = useState(details.autoUpgrade ?? true);
  const [cascade, setCascade] = useState<PublishResult>();
  const [impact, setImpact] = useState<Impact>();
  const attempt = async (action: () => Promise<void>) => {
    try { await action(); } catch (e) { setMessage({ type: "error", text: errorText(e) }); }
  };

  return (
    <div className="ff-versions">
      {message && <Alert type={message.type} role={message.type === "error" ? "alert" : "status"} title={message.text} style={{ marginBottom: 8 }} closable onClose={() => setMessage(undefined)} />}
      <Space style={{ marginBottom: 12 }}>
        {setVersion && (
          <Input aria-label={t("ver.next")} addonBefore={t("ver.next")} style={{ width: 200 }} value={draft.version ?? ""}
            status={published.has(draft.version ?? "") ? "error" : undefined} onChange={(e) => setVersion(e.target.value)} />
        )}
        <Button onClick={() => attempt(async () => {
          await beforePublish();
          const preview = await studioApi.preview(details.id);
          setMessage(preview.soundness.length === 0 ? { type: "success", text: t("ver.valid") } : { type: "error", text: preview.soundness.map((s) => s.message).join("；") });
        })}>{t("ver.validate")}</Button>
        <Button className="ff-impact-run" onClick={() => attempt(async () => {
          await beforePublish();
          setImpact(await studioApi.impact(details.id));
        })}>{t("impact.run")}</Button>
        <Button type="primary" className="ff-publish" onClick={() => attempt(async () => {
          await beforePublish();
          const published = await studioApi.publish(details.id);
          setMessage({ type: "success", text: t("module.published", { version: published.version }) });
          setCascade(published);
          setImpact(undefined);
          onPublished();
        })}>{t("module.publish")}</Button>
      </Space>
      {impact && <ImpactTable impact={impact} />}
      {cascade?.upgraded && cascade.upgraded.length > 0 && (
        <Alert type="success" className="ff-cascade-upgraded" style={{ marginBottom: 8 }}
          title={t("ver.cascadeUpgraded", { list: cascade.upgraded.map((u) => `${u.orgName} ${u.version}`).join("、") })} />
      )}
      {cascade?.cascade === "retrying" && (
        <Alert type="info" className="ff-cascade-retrying" style={{ marginBottom: 8 }} title={t("ver.cascadeRetrying")} />
      )}
      {cascade?.waiting && cascade.waiting.length > 0 && (
        <Alert type="warning" className="ff-cascade-waiting" style={{ marginBottom: 8 }}
          title={t("ver.cascadeWaiting", { list: cascade.waiting.map((w) => w.orgName).join("、") })}
          description={<ul>{cascade.waiting.map((w) => <li key={w.moduleId}>{w.orgName}: {w.reason}{w.conflicts.length > 0 ? ` (${w.conflicts.join("; ")})` : ""}</li>)}</ul>} />
      )}
      {details.kind === "derived" && (
        <div style={{ marginBottom: 12 }}>
          <Switch aria-label={t("ver.autoUpgrade")} checked={autoUpgrade} onChange={(on) => attempt(async () => {
            setAutoUpgrade((await studioApi.setAutoUpgrade(details.id, on)).autoUpgrade ?? on);
          })} /> {t("ver.autoUpgrade")}
        </div>
      )}

      <Typography.Title level={5}>{t("ver.history")}</Typography.Title>
      <DataTable rowKey="version" dataSource={versions} columns={[
        { title: t("ver.version"), dataIndex: "version" },
        { title: t("ver.publishedAt"), dataIndex: "publishedAt", render: (v: string) => new Date(v).toLocaleString() },
        { title: t("ver.publishedBy"), dataIndex: "publishedBy" },
        { title: t("ver.runningCases"), dataIndex: "runningCases" },
        { title: "hash", dataIndex: "hash", render: (h: string) => <code title={h}>{h.slice(0, 18)}…</code> },
        {
          title: "", render: (_, v) => <Button  onClick={() => attempt(async () => {
            const old = await studioApi.versionDocument(details.id, v.version);
            setDiff({ version: v.version, changes: jsonDiff(old, draft) });
          })}>{t("ver.diff")}</Button>,
        },
      ]} />
      {diff && (<><Typography.Text strong>{diff.version} → draft ({diff.changes.length})</Typography.Text><DiffList changes={diff.changes} /></>)}

      <Typography.Title level={5} style={{ marginTop: 16 }}>{t("ver.migration")}</Typography.Title>
      <Space wrap>
        <Select aria-label={t("ver.from")} placeholder={t("ver.from")} style={{ width: 140 }} value={from} onChange={setFrom} options={versions.map((v) => ({ value: v.version }))} />
        <Select aria-label={t("ver.to")} placeholder={t("ver.to")} style={{ width: 140 }} value={to} onChange={setTo} options={versions.map((v) => ({ value: v.version }))} />
        <Button disabled={!from || !to || from === to} onClick={() => attempt(async () => setPlan(await studioApi.migrationDryRun(details.id, from!, to!)))}>{t("ver.dryRun")}</Button>
        <Button danger disabled={!plan || plan.movable.length === 0} onClick={() => attempt(async () => {
          const applied = await studioApi.migrationApply(details.id, from!, to!);
          setPlan(applied);
          setMessage({ type: "success", text: `${t("ver.movable")}: ${applied.movable.length}` });
          onPublished();
        })}>{t("ver.apply")}</Button>
      </Space>
      {plan && (
        <div style={{ marginTop: 8 }}>
          <div>{t("ver.movable")}: {plan.movable.map((c) => c.caseId).join(", ") || "—"}</div>
          <div>{t("ver.blocked")}: {plan.blocked.map((c) => `${c.caseId} (${c.reasons.join("; ")})`).join(", ") || "—"}</div>
        </div>
      )}
    </div>
  );
}
