import { Alert, Button, Input, Popconfirm, Space, Tag } from "antd";
import { useEffect, useState } from "react";
import type { AccountAdminView, ResetLinkView } from "../../api/openapi-types";
import { studioApi } from "../api/studio-api";
import type { OrgNode } from "../api/types";
import type { Column } from "../data-table/DataTable";
import { DataTable } from "../data-table/DataTable";
import { useI18n } from "../i18n/i18n";
import type { RefusalText } from "../i18n/refusal-text";
import { AccountDialog } from "./AccountDialog";
import { accountRefusal } from "./account-refusal";
import { ResetLinkDialog } from "./ResetLinkDialog";
import { roleKey } from "./role-rows";

type Dialog = { kind: "create" } | { kind: "roles"; account: AccountAdminView } | { kind: "reset"; account: AccountAdminView; reset: ResetLinkView };

/** The accounts holding a role in my admin subtrees: search, page on, create, change roles, disable or enable, reset links. */
export function AccountsPage() {
  const { t } = useI18n();
  const [query, setQuery] = useState("");
  const [items, setItems] = useState<AccountAdminView[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [orgs, setOrgs] = useState<OrgNode[]>([]);
  const [dialog, setDialog] = useState<Dialog>();
  const [message, setMessage] = useState<{ type: "success" | "error" } & RefusalText>();
  const failed = (e: unknown) => setMessage({ type: "error", ...accountRefusal(e, t) });

  const load = async (q: string, cursor?: string | null) => {
    setLoading(true);
    try {
      const page = await studioApi.accounts(q, cursor);
      setItems((shown) => (cursor ? [...shown, ...page.items] : page.items));
      setNext(page.next);
    } catch (e) {
      failed(e);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => { void load(""); studioApi.orgs().then(setOrgs, failed); }, []);

  const replace = (saved: AccountAdminView) => setItems((shown) => shown.map((a) => (a.id === saved.id ? saved : a)));
  const act = async (work: () => Promise<void>) => {
    setMessage(undefined);
    try { await work(); } catch (e) { failed(e); }
  };

  const columns: Column<AccountAdminView>[] = [
    { title: t("accounts.userName"), dataIndex: "userName" },
    { title: t("accounts.displayName"), dataIndex: "displayName" },
    {
      title: t("accounts.roles"),
      render: (_, a) => (
        <Space size={[4, 4]} wrap>
          {a.roles.map((r) => <Tag key={`${r.role}@${r.orgUnitId}`}>{t(roleKey(r.role))} · {r.orgName}</Tag>)}
          {a.rolesElsewhere > 0 && <span>{t("accounts.rolesElsewhere", { count: a.rolesElsewhere })}</span>}
        </Space>
      ),
    },
    { title: t("accounts.status"), render: (_, a) => (a.disabled ? <Tag>{t("accounts.disabled")}</Tag> : t("accounts.active")) },
    {
      title: t("accounts.actions"),
      render: (_, a) => (
        <Space size="small" wrap>
          <Button size="small" onClick={() => setDialog({ kind: "roles", account: a })}>{t("accounts.editRoles")}</Button>
          {a.disabled
            ? <Button size="small" onClick={() => void act(async () => { replace(await studioApi.setAccountDisabled(a.id, false)); setMessage({ type: "success", text: t("accounts.enabledDone", { name: a.displayName }) }); })}>{t("accounts.enable")}</Button>
            : (
              <Popconfirm title={t("accounts.disableConfirm", { name: a.displayName })} okText={t("accounts.disable")} cancelText={t("common.cancel")}
                onConfirm={() => act(async () => { replace(await studioApi.setAccountDisabled(a.id, true)); setMessage({ type: "success", text: t("accounts.disabledDone", { name: a.displayName }) }); })}>
                <Button size="small" danger>{t("accounts.disable")}</Button>
              </Popconfirm>
            )}
          <Button size="small" onClick={() => void act(async () => setDialog({ kind: "reset", account: a, reset: await studioApi.passwordResetLink(a.id) }))}>{t("accounts.resetLink")}</Button>
        </Space>
      ),
    },
  ];

  return (
    <div className="ff-accounts">
      {message && <Alert type={message.type} role={message.type === "error" ? "alert" : "status"} title={message.text} description={message.detail}
        closable onClose={() => setMessage(undefined)} style={{ marginBottom: 8 }} />}
      <Space style={{ marginBottom: 12 }} wrap>
        <Input.Search aria-label={t("accounts.search")} placeholder={t("accounts.search")} allowClear value={query} style={{ width: 280 }}
          onChange={(e) => setQuery(e.target.value)} onSearch={(q) => void load(q.trim())} />
        <Button type="primary" onClick={() => setDialog({ kind: "create" })}>{t("accounts.new")}</Button>
      </Space>
      <DataTable label={t("app.accounts")} columns={columns} dataSource={items} rowKey="id" loading={loading} />
      {next && <Button style={{ marginTop: 8 }} disabled={loading} onClick={() => void load(query.trim(), next)}>{t("accounts.loadMore")}</Button>}
      {(dialog?.kind === "create" || dialog?.kind === "roles") && (
        <AccountDialog account={dialog.kind === "roles" ? dialog.account : undefined} orgs={orgs} onClose={() => setDialog(undefined)}
          onSaved={(saved) => {
            setDialog(undefined);
            if (dialog.kind === "roles") replace(saved); else setItems((shown) => [saved, ...shown]);
            setMessage({ type: "success", text: t(dialog.kind === "roles" ? "accounts.rolesSaved" : "accounts.created", { name: saved.displayName }) });
          }} />
      )}
      {dialog?.kind === "reset" && <ResetLinkDialog name={dialog.account.displayName} reset={dialog.reset} onClose={() => setDialog(undefined)} />}
    </div>
  );
}
