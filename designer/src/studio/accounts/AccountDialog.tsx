import { Alert, Form, Input, Modal } from "antd";
import { useState } from "react";
import type { AccountAdminView } from "../../api/openapi-types";
import { studioApi } from "../api/studio-api";
import type { OrgNode } from "../api/types";
import { useI18n } from "../i18n/i18n";
import type { RefusalText } from "../i18n/refusal-text";
import { accountRefusal } from "./account-refusal";
import { grantsOf, roleRowsProblem, rowsOf, type RoleRow } from "./role-rows";
import { RoleRowsInput } from "./RoleRowsInput";

/** A new account (user name, display name, optional password, roles), or, given `account`, new roles for it. */
export function AccountDialog({ account, orgs, onClose, onSaved }: {
  account?: AccountAdminView; orgs: OrgNode[]; onClose(): void; onSaved(saved: AccountAdminView): void;
}) {
  const { t } = useI18n();
  const [userName, setUserName] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [rows, setRows] = useState<RoleRow[]>(account ? rowsOf(account.roles) : [{}]);
  const [problem, setProblem] = useState<RefusalText>();
  const [busy, setBusy] = useState(false);
  const rowProblem = roleRowsProblem(rows);
  const incomplete = rowProblem !== undefined || (!account && (userName.trim() === "" || displayName.trim() === ""));

  const submit = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      onSaved(account
        ? await studioApi.setAccountRoles(account.id, grantsOf(rows))
        : await studioApi.createAccount({ userName: userName.trim(), displayName: displayName.trim(), password: password || undefined, roles: grantsOf(rows) }));
    } catch (e) {
      setProblem(accountRefusal(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={account ? t("accounts.editRolesOf", { name: account.displayName }) : t("accounts.new")} okText={account ? t("accounts.save") : t("accounts.create")}
      cancelText={t("common.cancel")} onCancel={onClose} onOk={() => void submit()} okButtonProps={{ disabled: incomplete, loading: busy }} width={640}>
      <Form layout="vertical">
        {!account && (
          <>
            <Form.Item label={t("accounts.userName")} htmlFor="ff-account-user" required>
              <Input id="ff-account-user" value={userName} maxLength={100} autoComplete="off" onChange={(e) => setUserName(e.target.value)} />
            </Form.Item>
            <Form.Item label={t("accounts.displayName")} htmlFor="ff-account-name" required>
              <Input id="ff-account-name" value={displayName} maxLength={100} onChange={(e) => setDisplayName(e.target.value)} />
            </Form.Item>
            <Form.Item label={t("accounts.password")} htmlFor="ff-account-password" extra={t("accounts.passwordHelp")}>
              <Input.Password id="ff-account-password" value={password} autoComplete="new-password" onChange={(e) => setPassword(e.target.value)} />
            </Form.Item>
          </>
        )}
        <Form.Item label={t("accounts.roles")} required
          extra={rowProblem && "row" in rowProblem ? t(rowProblem.key, { row: rowProblem.row }) : rowProblem ? t(rowProblem.key) : undefined}>
          <RoleRowsInput rows={rows} orgs={orgs} onChange={setRows} />
        </Form.Item>
      </Form>
      {problem && <Alert type="error" role="alert" title={problem.text} description={problem.detail} />}
    </Modal>
  );
}
