import { Alert, Button, Form, Input, Select, Space, Typography } from "antd";
import { useMemo, useState } from "react";
import { localize } from "../../forms";
import type { FieldType } from "../../forms/field-types";
import { errorText } from "../api/client";
import type { OverlayOperation } from "../api/types";
import { fieldTypeLabel, paletteTypes } from "../form-designer/field-catalog";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import type { ModuleEditing } from "../module/module-editing";
import { portsOf } from "../workflow-designer/activity-ports";
import { activitySpec } from "../workflow-designer/activity-registry";
import { addRefusal, type Refusal } from "./lock-check";
import { addFieldOperation, insertableStepTypes, insertStepOperation, newStep } from "./structure-operations";

/** A refusal as the user reads it: the lock's own reason (or what its kind forbids) and the org that set it. */
export function RefusalAlert({ refusal }: { refusal: Refusal }) {
  const { t } = useI18n();
  const reason = refusal.lock && !refusal.lock.reason && refusal.lock.kind !== "bounds" && refusal.lock.kind !== "properties"
    ? t(`lockKind.${refusal.lock.kind}` as MessageKey) : refusal.reason;
  return (
    <Alert type="error" showIcon role="alert" className="ff-refusal" title={t("cust.refused", { reason })} style={{ marginBottom: 8 }}
      description={refusal.lockedBy ? t("cust.lockedBy", { org: refusal.lockedBy.name ?? String(refusal.lockedBy.id), reason }) : undefined} />
  );
}

/**
 * Structure a derived module may add: a field into a section (the server refuses sections locked as a whole), a step
 * at an extension point the parent opened. Each addition is saved and resolved by the server at once.
 */
export function StructureEditor({ editing, myOrgId, apply }: {
  editing: ModuleEditing;
  myOrgId: string | number | undefined;
  /** Saves the overlay with one more operation; resolves to the refusal when there is one. */
  apply(operation: OverlayOperation): Promise<Refusal | undefined>;
}) {
  const { t, locale } = useI18n();
  const { document, index } = editing;
  const sections = useMemo(() => document.forms.flatMap((form) => form.pages.flatMap((page) => page.sections.map((s) => ({
    value: s.id, label: `${localize(form.title, locale) || form.id} / ${localize(page.title, locale) || page.id} / ${localize(s.title, locale) || s.id}`,
  })))), [document.forms, locale]);
  const points = document.extensionPoints ?? [];

  const [chosenSection, setSection] = useState<string>();
  const section = chosenSection ?? sections[0]?.value;
  const [fieldType, setFieldType] = useState<FieldType>("text");
  const [label, setLabel] = useState("");
  const [chosenPoint, setPoint] = useState<string>();
  const point = chosenPoint ?? points[0]?.id;
  const [stepType, setStepType] = useState("userTask");
  const [stepTitle, setStepTitle] = useState("");
  const [exit, setExit] = useState<string>();
  const [outcome, setOutcome] = useState<{ refusal?: Refusal; failure?: string; at: "field" | "step" }>();
  const [busy, setBusy] = useState(false);
  const step = useMemo(() => newStep(document, index, stepType, stepTitle), [document, index, stepType, stepTitle]);
  const ports = portsOf(step);

  const run = async (at: "field" | "step", local: Refusal | undefined, operation: () => OverlayOperation) => {
    if (local) { setOutcome({ refusal: local, at }); return; }
    setBusy(true);
    try {
      const refusal = await apply(operation());
      setOutcome(refusal ? { refusal, at } : undefined);
      if (!refusal && at === "field") setLabel("");
      if (!refusal && at === "step") setStepTitle("");
    } catch (e) {
      setOutcome({ failure: errorText(e), at });
    } finally {
      setBusy(false);
    }
  };
  const shown = (at: "field" | "step") => outcome?.at === at && (outcome.refusal
    ? <RefusalAlert refusal={outcome.refusal} /> : <Alert type="error" role="alert" title={outcome.failure} style={{ marginBottom: 8 }} />);

  return (
    <section className="ff-structure" style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 16 }}>
      <Form layout="vertical" size="small" className="ff-add-field" aria-label={t("cust.addField")}>
        <Typography.Text strong>{t("cust.addField")}</Typography.Text>
        {shown("field")}
        <Form.Item label={t("cust.addToSection")}>
          <Select aria-label={t("cust.addToSection")} value={section} options={sections} onChange={setSection} />
        </Form.Item>
        <Space wrap align="end">
          <Form.Item label={t("cust.fieldType")}>
            <Select aria-label={t("cust.fieldType")} style={{ width: 140 }} value={fieldType} onChange={setFieldType}
              options={paletteTypes.map((type) => ({ value: type, label: fieldTypeLabel(type, locale) }))} />
          </Form.Item>
          <Form.Item label={t("cust.fieldLabel")}>
            <Input aria-label={t("cust.fieldLabel")} value={label} onChange={(e) => setLabel(e.target.value)} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" loading={busy} disabled={!section || label.trim() === ""}
              onClick={() => void run("field", addRefusal(document, index, myOrgId, section!), () => addFieldOperation(document, index, section!, fieldType, label))}>
              {t("cust.addField")}
            </Button>
          </Form.Item>
        </Space>
      </Form>

      <Form layout="vertical" size="small" className="ff-insert-step" aria-label={t("cust.insertStep")}>
        <Typography.Text strong>{t("cust.insertStep")}</Typography.Text>
        {shown("step")}
        {points.length === 0 ? <Typography.Paragraph type="secondary">{t("cust.noExtensionPoints")}</Typography.Paragraph> : (
          <>
            <Form.Item label={t("cust.extensionPoint")}>
              <Select aria-label={t("cust.extensionPoint")} value={point} onChange={setPoint}
                options={points.map((p) => ({ value: p.id, label: `${p.id} · ${p.source}${p.outcome ? `/${p.outcome}` : ""} →${p.description ? ` ${p.description}` : ""}` }))} />
            </Form.Item>
            <Space wrap align="end">
              <Form.Item label={t("cust.stepType")}>
                <Select aria-label={t("cust.stepType")} style={{ width: 150 }} value={stepType} onChange={(v) => { setStepType(v); setExit(undefined); }}
                  options={insertableStepTypes().map((type) => ({ value: type, label: activitySpec(type)!.label[locale] }))} />
              </Form.Item>
              <Form.Item label={t("cust.stepTitle")}>
                <Input aria-label={t("cust.stepTitle")} value={stepTitle} onChange={(e) => setStepTitle(e.target.value)} />
              </Form.Item>
              <Form.Item label={t("cust.exit")}>
                <Select aria-label={t("cust.exit")} style={{ width: 120 }} value={exit ?? ports[0]} onChange={setExit} options={ports.map((p) => ({ value: p }))} />
              </Form.Item>
              <Form.Item>
                <Button type="primary" loading={busy} disabled={!point || ports.length === 0}
                  onClick={() => void run("step", addRefusal(document, index, myOrgId, document.workflow.id), () => insertStepOperation(point!, step, exit ?? ports[0]))}>
                  {t("cust.insertStep")}
                </Button>
              </Form.Item>
            </Space>
          </>
        )}
      </Form>
    </section>
  );
}
