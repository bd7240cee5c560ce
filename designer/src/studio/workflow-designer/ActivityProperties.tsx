import { Alert, Form, Input, InputNumber, Select, Typography } from "antd";
import { DataTable } from "../data-table/DataTable";
import { useState, type ReactNode } from "react";
import type { Setting } from "../api/types";
import type { Refusal } from "../customisation/lock-check";
import { useI18n } from "../i18n/i18n";
import type { MessageKey } from "../i18n/messages";
import { expressionsOf, portsOf, workflowScopeNames } from "./activity-ports";
import { activitySpec, type InputSpec } from "./activity-registry";
import { checkExpression } from "../expression-input/ExpressionInput";
import { InputEditor } from "./InputEditor";
import { LockedProperty, type PropertyLockOf } from "../customisation/LockedProperty";
import { activityTitle, outcomeOf, type ActivityDefinition, type WorkflowDefinition } from "./workflow-definition";

export interface WorkflowProblem { activityId?: string | null; property?: string | null; message: string }

export interface ActivityPropertiesProps {
  workflow: WorkflowDefinition;
  activity: ActivityDefinition;
  problems: WorkflowProblem[];
  /** Sets an input (undefined removes it); returns the lock that refused it. */
  setInput(name: string, value: unknown, merge?: string): Refusal | undefined;
  /** A setting that writes this input (module settings' appliesTo), edited instead of the input. */
  boundSetting(input: string): { key: string; setting: Setting } | undefined;
  setSetting(key: string, value: unknown): Refusal | undefined;
  connect(outcome: string, target: string | undefined): void;
  rename(next: string): void;
  structureLocked: boolean;
  /** Locked above as a whole: every input is shown greyed. */
  locked?: boolean;
  /** The lock above that holds one input (`/inputs/title`): that input alone is greyed, with the reason. */
  propertyLock?: PropertyLockOf;
  formFields: { key: string; label: string }[];
}

const permissions = ["hidden", "read", "edit", "required"] as const;

/** Local problems of an activity: required inputs missing and expressions outside the subset. */
export function localProblems(activity: ActivityDefinition): WorkflowProblem[] {
  const spec = activitySpec(activity.type);
  const found: WorkflowProblem[] = [];
  if (!spec) return [{ activityId: activity.id, message: `unknown activity type '${activity.type}'` }];
  for (const input of spec.inputs) {
    if (input.required && (activity.inputs?.[input.name] === undefined || activity.inputs?.[input.name] === "")) {
      found.push({ activityId: activity.id, property: input.name, message: `'${input.name}' is required` });
    }
  }
  for (const { input, source } of expressionsOf(activity)) {
    for (const message of checkExpression(source, workflowScopeNames)) found.push({ activityId: activity.id, property: input.split("/")[0], message });
  }
  return found;
}

/** The property panel of one activity: its inputs by kind, assignment, outcomes, deadline, field permissions and ports. */
export function ActivityProperties(props: ActivityPropertiesProps) {
  const { activity, workflow, problems, setInput, structureLocked } = props;
  const { t, locale } = useI18n();
  const [refusal, setRefusal] = useState<Refusal>();
  const spec = activitySpec(activity.type);
  const inputs = activity.inputs ?? {};
  const errorsOf = (name: string) => problems.filter((p) => p.property === name).map((p) => p.message);
  const set = (name: string, value: unknown, merge?: string) => setRefusal(setInput(name, value, merge));
  const special = new Set(activity.type === "userTask" ? ["assignTo", "outcomes", "deadlineDays", "remindDaysBefore", "fieldPermissions"] : ["assignTo"].filter(() => activity.type === "offlineHandling"));
  const rows = (spec?.inputs ?? []).filter((i) => !special.has(i.name));
  const held = (name: string, children: ReactNode) => <LockedProperty key={name} name={name} lock={props.propertyLock?.(`/inputs/${name}`)}>{children}</LockedProperty>;
  const targets = workflow.activities.filter((a) => a.id !== activity.id && a.type !== "start").map((a) => ({ value: a.id, label: `${activityTitle(a)} (${a.id})` }));

  return (
    <div className="ff-properties" role="region" aria-label={t("wf.properties")}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>{spec?.label[locale] ?? activity.type}</Typography.Title>
      {refusal && <Alert type="error" showIcon role="alert" className="ff-refusal" title={t("cust.refused", { reason: refusal.reason })}
        description={refusal.lockedBy ? t("cust.lockedBy", { org: refusal.lockedBy.name ?? refusal.lockedBy.id, reason: refusal.reason }) : undefined} />}
      {problems.filter((p) => !p.property).map((p, i) => <Alert key={i} type="warning" title={p.message} style={{ marginBottom: 4 }} />)}
      <Form layout="vertical" disabled={props.locked}>
        <Form.Item label={t("wf.id")}>
          <Input aria-label={t("wf.id")} defaultValue={activity.id} key={activity.id} disabled={structureLocked}
            onBlur={(e) => e.target.value !== activity.id && props.rename(e.target.value)} />
        </Form.Item>
        {(activity.type === "userTask" || activity.type === "offlineHandling") && (
          held("assignTo", <Assignment value={inputs.assignTo as Record<string, string> | undefined} errors={errorsOf("assignTo")} onChange={(v) => set("assignTo", v, "assignTo")} />)
        )}
        {activity.type === "userTask" && (
          <>
            {held("outcomes", (
              <Form.Item label={t("wf.outcomes")} validateStatus={errorsOf("outcomes").length ? "error" : undefined} help={errorsOf("outcomes").join("; ") || undefined}>
                <Select aria-label={t("wf.outcomes")} mode="tags" value={Array.isArray(inputs.outcomes) ? inputs.outcomes as string[] : []}
                  options={["approve", "reject", "returnForInformation", "handleOffline"].map((o) => ({ value: o }))}
                  onChange={(v) => set("outcomes", v)} />
              </Form.Item>
            ))}
            {held("deadlineDays", <Deadline {...props} set={set} errors={errorsOf("deadlineDays")} onRefusal={setRefusal} />)}
            {held("remindDaysBefore", <Form.Item label={t("wf.remindDaysBefore")}>
              <Select aria-label={t("wf.remindDaysBefore")} mode="tags" value={([] as unknown[]).concat(inputs.remindDaysBefore ?? []).map(String)}
                onChange={(v: string[]) => {
                  const days = v.map(Number).filter((n) => Number.isInteger(n) && n > 0);
                  set("remindDaysBefore", days.length === 0 ? undefined : days.length === 1 ? days[0] : days);
                }} />
            </Form.Item>)}
            {held("fieldPermissions", <FieldPermissionTable fields={props.formFields} value={(inputs.fieldPermissions ?? {}) as Record<string, string>}
              onChange={(v) => set("fieldPermissions", Object.keys(v).length ? v : undefined)} />)}
          </>
        )}
        {rows.map((input: InputSpec) => held(input.name, (
          <Form.Item key={input.name} label={`${input.name}${input.required ? " *" : ""}`} tooltip={input.description ?? undefined}>
            <InputEditor spec={input} value={inputs[input.name]} serverErrors={errorsOf(input.name)} onChange={(v) => set(input.name, v, input.name)} />
          </Form.Item>
        )))}
        {portsOf(activity).length > 0 && (
          <Form.Item label={t("wf.outcomes")}>
            {portsOf(activity).map((port) => {
              const current = workflow.connections.find((c) => c.source === activity.id && outcomeOf(c) === port);
              return (
                <div key={port} style={{ display: "flex", gap: 6, alignItems: "center", marginBottom: 4 }}>
                  <span style={{ width: 110, fontSize: 12 }}>{port} →</span>
                  <Select aria-label={`${port} →`}  style={{ flex: 1 }} allowClear disabled={structureLocked} value={current?.target}
                    options={targets} showSearch onChange={(target) => props.connect(port, target)} />
                </div>
              );
            })}
          </Form.Item>
        )}
      </Form>
    </div>
  );
}

function Assignment({ value, errors, onChange }: { value: Record<string, string> | undefined; errors: string[]; onChange(v: Record<string, string>): void }) {
  const { t } = useI18n();
  const v = value ?? { role: "", org: "handling" };
  const update = (patch: Record<string, string | undefined>) => {
    const next = { ...v, ...patch } as Record<string, string | undefined>;
    for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === "") delete next[k];
    onChange(next as Record<string, string>);
  };
  return (
    <fieldset style={{ border: "1px solid #f0f0f0", padding: 6, marginBottom: 8 }}>
      <Form.Item label={t("wf.assignRole")} validateStatus={errors.length ? "error" : undefined} help={errors.join("; ") || undefined}>
        <Input aria-label={t("wf.assignRole")} value={v.role ?? ""} onChange={(e) => update({ role: e.target.value })} />
      </Form.Item>
      <Form.Item label={t("wf.assignOrg")}>
        <Select aria-label={t("wf.assignOrg")} value={v.org ?? "handling"} onChange={(org) => update({ org, orgId: org === "named" ? v.orgId : undefined })}
          options={(["handling", "applicant", "named"] as const).map((o) => ({ value: o, label: t(`org.${o}` as MessageKey) }))} />
      </Form.Item>
      <Form.Item label={t("wf.assignLevel")}>
        <Select aria-label={t("wf.assignLevel")} allowClear value={v.level} onChange={(level) => update({ level })}
          options={["province", "city", "district", "street", "grassroots"].map((l) => ({ value: l, label: t(`level.${l}` as MessageKey) }))} />
      </Form.Item>
      {v.org === "named" && (
        <Form.Item label={t("wf.assignOrgId")}>
          <Input aria-label={t("wf.assignOrgId")} value={v.orgId ?? ""} onChange={(e) => update({ orgId: e.target.value })} />
        </Form.Item>
      )}
    </fieldset>
  );
}

function Deadline(props: ActivityPropertiesProps & { set(name: string, v: unknown): void; errors: string[]; onRefusal(r: Refusal | undefined): void }) {
  const { t } = useI18n();
  const bound = props.boundSetting("deadlineDays");
  const value = bound ? bound.setting.value : props.activity.inputs?.deadlineDays;
  return (
    <Form.Item label={t("wf.deadlineDays")} validateStatus={props.errors.length ? "error" : undefined}
      help={[bound ? t("wf.boundToSetting", { setting: bound.key }) + (bound.setting.min !== undefined ? ` (${bound.setting.min}–${bound.setting.max})` : "") : "", ...props.errors].filter(Boolean).join("; ") || undefined}>
      <InputNumber aria-label={t("wf.deadlineDays")} min={0} precision={0} style={{ width: "100%" }} value={typeof value === "number" ? value : null}
        onChange={(n) => (bound ? props.onRefusal(props.setSetting(bound.key, n ?? undefined)) : props.set("deadlineDays", n ?? undefined))} />
    </Form.Item>
  );
}

function FieldPermissionTable({ fields, value, onChange }: { fields: { key: string; label: string }[]; value: Record<string, string>; onChange(v: Record<string, string>): void }) {
  const { t } = useI18n();
  return (
    <Form.Item label={t("wf.fieldPermissions")}>
      <DataTable rowKey="key" dataSource={fields}
        columns={[
          { title: t("form.label"), dataIndex: "label", render: (label: string, f) => `${label} (${f.key})` },
          {
            title: "", dataIndex: "key", width: 110, render: (key: string) => (
              <Select aria-label={`${t("wf.fieldPermissions")} ${key}`}  allowClear style={{ width: 100 }} value={value[key]}
                options={permissions.map((p) => ({ value: p, label: t(`perm.${p}` as MessageKey) }))}
                onChange={(p) => {
                  const next = { ...value };
                  if (p) next[key] = p; else delete next[key];
                  onChange(next);
                }} />
            ),
          },
        ]} />
    </Form.Item>
  );
}
