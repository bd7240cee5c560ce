import { Button, Input, Modal, Space, Typography } from "antd";
import { useState } from "react";
import type { ResetLinkView } from "../../api/openapi-types";
import { useI18n } from "../i18n/i18n";
import { resetLinkUrl } from "./role-rows";

/** The one-time link for the person to set a password, whole (to hand over), with a copy button and its expiry. */
export function ResetLinkDialog({ name, reset, onClose }: { name: string; reset: ResetLinkView; onClose(): void }) {
  const { t, locale } = useI18n();
  const url = resetLinkUrl(window.location.origin, reset.link);
  const [copied, setCopied] = useState(false);
  return (
    <Modal open title={t("accounts.resetLinkTitle", { name })} onCancel={onClose} footer={null} width={640}>
      <Typography.Paragraph>{t("accounts.resetLinkHelp")}</Typography.Paragraph>
      <Space.Compact style={{ width: "100%" }}>
        <Input readOnly aria-label={t("accounts.resetLink")} value={url} onFocus={(e) => e.target.select()} />
        <Button onClick={() => void navigator.clipboard.writeText(url).then(() => setCopied(true))}>{copied ? t("accounts.copied") : t("accounts.copy")}</Button>
      </Space.Compact>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t("accounts.expiresAt", { time: new Date(reset.expiresAt).toLocaleString(locale) })}
      </Typography.Paragraph>
    </Modal>
  );
}
