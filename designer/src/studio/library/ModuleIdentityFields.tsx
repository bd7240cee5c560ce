import { Form, Input, TreeSelect } from "antd";
import { ApiError, errorText } from "../api/client";
import type { OrgNode } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { orgTreeData } from "./org-tree";

/** What a new module is called and who owns it, as the create and duplicate dialogs ask for it. */
export interface Identity { moduleKey: string; name: string; org?: number }

/** A refusal shown in a dialog: on the field the server named, else above the fields. */
export interface DialogProblem { field?: string; text: string }

export function dialogProblem(error: unknown): DialogProblem {
  return { field: error instanceof ApiError ? error.field : undefined, text: errorText(error) };
}

/** Form.Item props marking the field the server refused. */
export const fieldStatus = (problem: DialogProblem | undefined, field: string) =>
  problem?.field === field ? { validateStatus: "error" as const, help: problem.text } : {};

export const identityComplete = (identity: Identity, keyFixed?: string) =>
  !!(keyFixed || identity.moduleKey.trim()) && !!identity.name.trim() && identity.org !== undefined;

/**
 * Module ID (fixed and explained when a derived module's copy keeps its parent's), name, owner org. Deriving names
 * its org field `orgUnitId` and explains that the ID and name may stay empty (`keyHint`).
 */
export function ModuleIdentityFields({ value, onChange, orgs, problem, keyFixed, orgField = "ownerOrgId", orgLabel, keyHint }: {
  value: Identity;
  onChange(next: Identity): void;
  orgs?: OrgNode[];
  problem?: DialogProblem;
  keyFixed?: string;
  orgField?: string;
  orgLabel?: string;
  keyHint?: string;
}) {
  const { t } = useI18n();
  const status = (field: string) => fieldStatus(problem, field);
  const owner = orgLabel ?? t("library.owner");
  return (
    <>
      <Form.Item label={t("library.moduleId")} extra={keyFixed ? t("library.keepsKey") : keyHint ?? t("library.moduleIdHint")} {...status("moduleKey")}>
        <Input aria-label={t("library.moduleId")} value={keyFixed ?? value.moduleKey} disabled={!!keyFixed}
          onChange={(e) => onChange({ ...value, moduleKey: e.target.value })} />
      </Form.Item>
      <Form.Item label={t("library.name")} {...status("name")}>
        <Input aria-label={t("library.name")} value={value.name} onChange={(e) => onChange({ ...value, name: e.target.value })} />
      </Form.Item>
      <Form.Item label={owner} {...status(orgField)}>
        <TreeSelect aria-label={owner} placeholder={owner} treeDefaultExpandAll loading={!orgs} disabled={!orgs}
          value={value.org} onChange={(org) => onChange({ ...value, org })} treeData={orgTreeData(orgs ?? [])} />
      </Form.Item>
    </>
  );
}
