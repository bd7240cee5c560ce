import { ApiError } from "../api/client";
import type { Translate } from "../i18n/i18n";
import { refusalText, type RefusalText } from "../i18n/refusal-text";
import { fieldLabel } from "./role-rows";

/** A refusal of an account action, led by the field the server named (`roles/0/orgUnitId` → the first row's org). */
export function accountRefusal(error: unknown, t: Translate): RefusalText {
  const refusal = refusalText(error, t);
  const field = error instanceof ApiError ? error.field : undefined;
  if (!field) return refusal;
  const label = fieldLabel(field);
  return { ...refusal, text: `${"raw" in label ? label.raw : t(label.key, label.values)}: ${refusal.text}` };
}
