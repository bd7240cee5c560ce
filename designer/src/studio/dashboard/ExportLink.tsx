import { DownloadOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useI18n } from "../i18n/i18n";

/** The 导出 Excel button of one table or chart: an anchor to the view's xlsx (the session cookie goes along). */
export function ExportLink({ href, what }: { href: string; what: string }) {
  const { t } = useI18n();
  return <Button size="small" icon={<DownloadOutlined />} href={href} download aria-label={`${t("dash.exportXlsx")}: ${what}`}>{t("dash.exportXlsx")}</Button>;
}
