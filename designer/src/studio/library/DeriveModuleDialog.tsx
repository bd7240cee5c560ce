import { Alert, Form, Modal } from "antd";
import { useEffect, useState } from "react";
import { studioApi } from "../api/studio-api";
import type { ModuleSummary, OrgNode } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { nameOf } from "./module-name";
import { type DialogProblem, dialogProblem, type Identity, ModuleIdentityFields } from "./ModuleIdentityFields";

/**
 * Derives a module for an org: left empty, the module ID and name are the parent's and the derivation takes the
 * parent's place below; given, it is a service of its own beside the parent's (the city's 创新成果展示 on its 金点子),
 * which the parent's own org may derive too. The server's refusals show on the field it names.
 */
export function DeriveModuleDialog({ module, orgs, onClose, onDerived }: {
  module?: ModuleSummary;
  orgs?: OrgNode[];
  onClose(): void;
  onDerived(derived: ModuleSummary): void;
}) {
  const { t } = useI18n();
  const [identity, setIdentity] = useState<Identity>({ moduleKey: "", name: "" });
  const [problem, setProblem] = useState<DialogProblem>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setIdentity({ moduleKey: "", name: "" });
    setProblem(undefined);
  }, [module]);

  const submit = async () => {
    setBusy(true);
    setProblem(undefined);
    const moduleKey = identity.moduleKey.trim();
    const name = identity.name.trim();
    try {
      onDerived(await studioApi.derive(module!.id, {
        orgUnitId: identity.org!, moduleKey: moduleKey || undefined, name: name ? { "zh-CN": name } : undefined,
      }));
    } catch (e) {
      setProblem(dialogProblem(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={!!module} title={`${t("library.derive")} · ${module ? nameOf(module.name) : ""}`} onCancel={onClose} cancelText={t("common.cancel")}
      okText={t("library.derive")} okButtonProps={{ disabled: identity.org === undefined, loading: busy }} onOk={submit} destroyOnHidden>
      {problem && !problem.field && <Alert type="error" role="alert" title={problem.text} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <ModuleIdentityFields value={identity} onChange={setIdentity} orgs={orgs} problem={problem}
          orgField="orgUnitId" orgLabel={t("library.deriveFor")} keyHint={t("library.deriveKeyHint")} />
      </Form>
    </Modal>
  );
}
