import { Alert, Button } from "antd";
import { useState } from "react";
import { studioApi } from "../api/studio-api";
import { useI18n } from "../i18n/i18n";
import { refusalText, type RefusalText } from "../i18n/refusal-text";

/**
 * An archived module says so on its page: it is no longer derived or newly activated (running services go on).
 * Bringing it back is offered here; the server decides who may, and a refusal is shown as it said why.
 */
export function ArchivedNotice({ moduleId, onUnarchived }: { moduleId: string | number; onUnarchived(): void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<RefusalText>();
  const unarchive = async () => {
    setBusy(true);
    try {
      await studioApi.unarchive(moduleId);
      setRefused(undefined);
      onUnarchived();
    } catch (e) {
      setRefused(refusalText(e, t, { Forbidden: "refusal.archiveForbidden" }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert type="warning" role="note" showIcon className="ff-archived" style={{ marginBottom: 8 }}
      title={t("module.archivedNote")}
      description={refused && <div role="alert">{t("library.refused", { action: t("library.unarchive"), reason: refused.text })}{refused.detail && <div>{refused.detail}</div>}</div>}
      action={<Button onClick={() => void unarchive()} loading={busy}>{t("library.unarchive")}</Button>} />
  );
}
