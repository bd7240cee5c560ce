import { Alert, Button } from "antd";
import type { ApiError } from "../api/client";
import { useI18n } from "../i18n/i18n";

/**
 * Someone else saved this draft after it was opened here: the save was refused (409) and nothing of it was kept.
 * Says who and when, and offers to load their version (the changes made here are then dropped).
 */
export function StaleDraftAlert({ conflict, onReload }: { conflict: ApiError; onReload(): void }) {
  const { t } = useI18n();
  const at = typeof conflict.extensions.savedAt === "string" ? new Date(conflict.extensions.savedAt).toLocaleString() : "";
  return (
    <Alert type="error" role="alert" className="ff-stale-draft" showIcon style={{ marginBottom: 8 }}
      title={t("module.staleDraft", { by: String(conflict.extensions.savedBy), at })}
      description={t("module.staleDraftHint")}
      action={<Button danger onClick={onReload}>{t("module.reloadDraft")}</Button>} />
  );
}
