import { Alert, Form, Modal } from "antd";
import { useEffect, useState } from "react";
import { studioApi } from "../api/studio-api";
import type { ModuleSummary, OrgNode } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { nameOf } from "./module-name";
import { type DialogProblem, dialogProblem, type Identity, identityComplete, ModuleIdentityFields } from "./ModuleIdentityFields";

/**
 * Copies a module's current draft into a new one: a template under a new module ID at an org I design for; a
 * derived module for another org below its parent, keeping the parent's module ID and its own customisations.
 */
export function DuplicateModuleDialog({ module, orgs, onClose, onDuplicated }: {
  module?: ModuleSummary;
  orgs?: OrgNode[];
  onClose(): void;
  onDuplicated(copy: ModuleSummary): void;
}) {
  const { t } = useI18n();
  const [identity, setIdentity] = useState<Identity>({ moduleKey: "", name: "" });
  const [problem, setProblem] = useState<DialogProblem>();
  const [busy, setBusy] = useState(false);
  const keyFixed = module?.kind === "derived" ? module.key ?? "" : undefined;

  useEffect(() => {
    if (!module) return;
    setIdentity({
      moduleKey: module.kind === "template" && module.key ? `${module.key}-copy` : "",
      name: t("library.copyName", { name: nameOf(module.name) }),
      org: module.kind === "template" ? module.ownerOrgId : undefined,
    });
    setProblem(undefined);
  }, [module, t]);

  const submit = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      onDuplicated(await studioApi.duplicate(module!.id, {
        moduleKey: keyFixed === undefined ? identity.moduleKey.trim() : undefined, name: { "zh-CN": identity.name.trim() }, ownerOrgId: identity.org!,
      }));
    } catch (e) {
      setProblem(dialogProblem(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={!!module} title={`${t("library.duplicate")} · ${module ? nameOf(module.name) : ""}`} onCancel={onClose} cancelText={t("common.cancel")}
      okText={t("library.duplicate")} okButtonProps={{ disabled: !identityComplete(identity, keyFixed), loading: busy }} onOk={submit} destroyOnHidden>
      {problem && !problem.field && <Alert type="error" role="alert" title={problem.text} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <ModuleIdentityFields value={identity} onChange={setIdentity} orgs={orgs} problem={problem} keyFixed={keyFixed} />
      </Form>
    </Modal>
  );
}
