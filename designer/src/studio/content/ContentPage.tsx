import { Alert, Button, Checkbox, Drawer, Form, Input, Select, Space, Table, Tag, TreeSelect } from "antd";
import { useCallback, useEffect, useId, useState } from "react";
import type { FeedItemView, PublicationInput, PublicationView } from "../../api/openapi-types";
import { errorText, request } from "../api/client";
import { studioApi } from "../api/studio-api";
import type { OrgNode } from "../api/types";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { orgTreeData } from "../library/org-tree";
import { ImagePick } from "./FilePick";
import { RichTextEditor } from "./RichTextEditor";
import "./content.css";

const kinds = ["notice", "faq", "showcase", "directory"] as const;
const statusColour: Record<string, string> = { draft: "default", published: "green", withdrawn: "orange" };

const content = {
  list: () => request<FeedItemView[]>("GET", "/api/publications"),
  one: (id: number) => request<PublicationView>("GET", `/api/publications/${id}`),
  create: (input: PublicationInput) => request<PublicationView>("POST", "/api/publications", input),
  update: (id: number, input: PublicationInput) => request<PublicationView>("PUT", `/api/publications/${id}`, input),
  publish: (id: number) => request<PublicationView>("POST", `/api/publications/${id}/publish`),
  withdraw: (id: number) => request<PublicationView>("POST", `/api/publications/${id}/withdraw`),
};

type Editing = { id?: number; input: PublicationInput };

/** 资讯 for my unions: every item at or below the orgs where I may author, drafts included; create, edit, publish, withdraw. */
export default function ContentPage() {
  const { t } = useI18n();
  const [items, setItems] = useState<FeedItemView[]>();
  const [orgs, setOrgs] = useState<OrgNode[]>([]);
  const [editing, setEditing] = useState<Editing>();
  const [problem, setProblem] = useState<string>();
  const reload = useCallback(() => content.list().then(setItems, (e) => setProblem(errorText(e))), []);
  useEffect(() => { void reload(); studioApi.orgs().then(setOrgs, () => undefined); }, [reload]);

  const act = (work: Promise<unknown>) => work.then(() => { setProblem(undefined); return reload(); }, (e) => setProblem(errorText(e)));
  const open = async (id: number) => {
    try {
      const it = await content.one(id);
      setEditing({ id, input: { kind: it.kind, title: it.title, orgId: it.orgId, summary: it.summary, body: it.body, phone: it.phone, pinned: it.pinned,
        coverFileId: it.coverFileId, qrFileId: it.qrFileId, attachments: it.attachments.map((a) => a.id), tags: [...it.tags] } });
    } catch (e) { setProblem(errorText(e)); }
  };

  return (
    <div className="ff-content">
      {problem && <Alert type="error" title={problem} closable onClose={() => setProblem(undefined)} style={{ marginBottom: 12 }} />}
      <Button type="primary" onClick={() => setEditing({ input: { kind: "notice", title: "", orgId: orgs[0]?.id ?? 0, body: "" } })} style={{ marginBottom: 12 }}>
        {t("content.new")}
      </Button>
      <Table<FeedItemView> rowKey="id" loading={items === undefined} dataSource={items ?? []} pagination={{ pageSize: 20 }} locale={{ emptyText: t("content.empty") }}
        columns={[
          { title: t("content.title"), dataIndex: "title", render: (title: string, it) => <>{it.pinned && <Tag color="red">{t("content.pinned")}</Tag>}{title}</> },
          { title: t("content.kind"), dataIndex: "kind", render: (kind: string) => t(`content.kind.${kind}` as MessageKey) },
          { title: t("content.org"), dataIndex: "orgName" },
          { title: t("content.status"), dataIndex: "status", render: (status: string) => <Tag color={statusColour[status]}>{t(`content.status.${status}` as MessageKey)}</Tag> },
          {
            title: "", key: "actions", render: (_, it) => (
              <Space>
                <Button size="small" onClick={() => void open(it.id)}>{t("content.edit")}</Button>
                {it.status !== "published"
                  ? <Button size="small" type="primary" onClick={() => void act(content.publish(it.id))}>{t("content.publish")}</Button>
                  : <Button size="small" danger onClick={() => void act(content.withdraw(it.id))}>{t("content.withdraw")}</Button>}
              </Space>),
          },
        ]} />
      <Drawer open={editing !== undefined} width={720} title={editing?.id ? t("content.edit") : t("content.new")} onClose={() => setEditing(undefined)} destroyOnHidden>
        {editing && <Editor key={editing.id ?? "new"} editing={editing} orgs={orgs} onDone={() => { setEditing(undefined); void reload(); }} />}
      </Drawer>
    </div>
  );
}

function Editor({ editing, orgs, onDone }: { editing: Editing; orgs: OrgNode[]; onDone: () => void }) {
  const { t } = useI18n();
  const bodyLabel = useId();
  const [input, setInput] = useState<PublicationInput>(editing.input);
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const set = (change: Partial<PublicationInput>) => setInput((i) => ({ ...i, ...change }));
  const save = async () => {
    setSaving(true);
    try {
      if (editing.id) await content.update(editing.id, input); else await content.create(input);
      onDone();
    } catch (e) { setProblem(errorText(e)); } finally { setSaving(false); }
  };
  return (
    <Form layout="vertical" onFinish={() => void save()}>
      {problem && <Alert type="error" title={problem} style={{ marginBottom: 12 }} />}
      <Form.Item label={t("content.kind")} htmlFor="content-kind">
        <Select id="content-kind" value={input.kind} disabled={editing.id !== undefined} onChange={(kind) => set({ kind })}
          options={kinds.map((k) => ({ value: k, label: t(`content.kind.${k}` as MessageKey) }))} />
      </Form.Item>
      <Form.Item label={t("content.org")} htmlFor="content-org">
        <TreeSelect id="content-org" value={input.orgId || undefined} treeData={orgTreeData(orgs)} treeDefaultExpandAll onChange={(orgId) => set({ orgId: Number(orgId) })} />
      </Form.Item>
      <Form.Item label={t("content.title")} htmlFor="content-title" required>
        <Input id="content-title" value={input.title} maxLength={200} onChange={(e) => set({ title: e.target.value })} />
      </Form.Item>
      {/* Not autoSize: antd measures with a style attribute, which the Studio's CSP blocks. */}
      <Form.Item label={t("content.summary")} htmlFor="content-summary">
        <Input.TextArea id="content-summary" value={input.summary ?? ""} maxLength={500} rows={2} onChange={(e) => set({ summary: e.target.value })} />
      </Form.Item>
      {input.kind === "directory" && <>
        <Form.Item label={t("content.phone")} htmlFor="content-phone">
          <Input id="content-phone" value={input.phone ?? ""} maxLength={20} onChange={(e) => set({ phone: e.target.value || null })} />
        </Form.Item>
        <ImagePick label={t("content.qr")} value={input.qrFileId} onChange={(qrFileId) => set({ qrFileId })} />
      </>}
      <ImagePick label={t("content.cover")} value={input.coverFileId} onChange={(coverFileId) => set({ coverFileId })} />
      <Form.Item>
        <Checkbox checked={input.pinned ?? false} onChange={(e) => set({ pinned: e.target.checked })}>{t("content.pinned")}</Checkbox>
      </Form.Item>
      <div id={bodyLabel} className="ant-form-item-label">{t("content.body")}</div>
      <RichTextEditor value={input.body ?? ""} onChange={(body) => set({ body })} labelledBy={bodyLabel} />
      <Space style={{ marginTop: 16 }}>
        <Button type="primary" htmlType="submit" loading={saving}>{t("content.save")}</Button>
        <Button onClick={onDone}>{t("content.cancel")}</Button>
      </Space>
    </Form>
  );
}
