import { Alert, AutoComplete, Form, Modal, Select } from "antd";
import { useEffect, useState } from "react";
import { studioApi } from "../api/studio-api";
import type { ModuleSummary, OrgNode } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { nameOf } from "./module-name";
import { type DialogProblem, dialogProblem, fieldStatus, type Identity, identityComplete, ModuleIdentityFields } from "./ModuleIdentityFields";

const blank = "blank";

/**
 * A new template draft at an org I design for: started from a published template's content (the source's category
 * unless changed) or from a blank module, under a module ID and name of its own.
 */
export function CreateModuleDialog({ open, modules, orgs, onClose, onCreated }: {
  open: boolean;
  modules: ModuleSummary[];
  orgs?: OrgNode[];
  onClose(): void;
  onCreated(module: ModuleSummary): void;
}) {
  const { t } = useI18n();
  const templates = modules.filter((m) => m.kind === "template" && m.latestVersion);
  const [source, setSource] = useState<typeof blank | number>(blank);
  const [identity, setIdentity] = useState<Identity>({ moduleKey: "", name: "" });
  const [category, setCategory] = useState("");
  const [problem, setProblem] = useState<DialogProblem>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setSource(blank);
    setIdentity({ moduleKey: "", name: "", org: orgs?.[0]?.id });
    setCategory("");
    setProblem(undefined);
  }, [open, orgs]);

  const chooseSource = (value: typeof blank | number) => {
    setSource(value);
    const template = templates.find((m) => m.id === value);
    if (template) setCategory(template.category);
  };

  const submit = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const created = await studioApi.createModule({
        moduleKey: identity.moduleKey.trim(), name: { "zh-CN": identity.name.trim() }, category: category.trim() || undefined, ownerOrgId: identity.org!,
        fromModuleId: source === blank ? undefined : source,
      });
      onCreated(created);
    } catch (e) {
      setProblem(dialogProblem(e));
    } finally {
      setBusy(false);
    }
  };

  const categories = [...new Set(modules.map((m) => m.category))].map((value) => ({ value }));
  return (
    <Modal open={open} title={t("library.createTitle")} onCancel={onClose} cancelText={t("common.cancel")} okText={t("library.create")}
      okButtonProps={{ disabled: !identityComplete(identity) || !category.trim(), loading: busy }} onOk={submit} destroyOnHidden>
      {problem && !problem.field && <Alert type="error" role="alert" title={problem.text} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label={t("library.source")} {...fieldStatus(problem, "fromModuleId")}>
          <Select aria-label={t("library.source")} value={source} onChange={chooseSource}
            options={[{ value: blank, label: t("library.sourceBlank") },
              ...templates.map((m) => ({ value: m.id, label: `${nameOf(m.name)} · ${m.ownerOrgName}` }))]} />
        </Form.Item>
        <ModuleIdentityFields value={identity} onChange={setIdentity} orgs={orgs} problem={problem} />
        <Form.Item label={t("library.category")} {...fieldStatus(problem, "category")}>
          <AutoComplete aria-label={t("library.category")} value={category} onChange={setCategory} options={categories}
            filterOption={(typed, option) => String(option?.value ?? "").toLowerCase().includes(typed.toLowerCase())} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
