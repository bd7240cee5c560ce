import { Alert, Button, Space, Typography, Upload } from "antd";
import { useState } from "react";
import type { OrgImportView } from "../../api/openapi-types";
import { studioApi } from "../api/studio-api";
import { DataTable } from "../data-table/DataTable";
import { useI18n } from "../i18n/i18n";
import { refusalText, type RefusalText } from "../i18n/refusal-text";

/** Import a sheet of units (名称, 级别, 上级): a dry run lists each row's errors first; the import writes all rows or none. */
export function OrgImportPanel({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const [fileId, setFileId] = useState<string>();
  const [report, setReport] = useState<OrgImportView>();
  const [problem, setProblem] = useState<RefusalText>();
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const answer = await studioApi.importOrgs(fileId!, dryRun);
      setReport(answer);
      if (!dryRun) { setFileId(undefined); onImported(); }
    } catch (e) {
      setProblem(refusalText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="ff-org-import" style={{ marginTop: 24 }}>
      <Typography.Title level={5} id="ff-org-import">{t("orgs.import")}</Typography.Title>
      <Typography.Paragraph type="secondary">{t("orgs.importHelp")}</Typography.Paragraph>
      <Space wrap>
        <Upload accept=".xlsx" maxCount={1} showUploadList={false} customRequest={({ file, onSuccess, onError }) => {
          setReport(undefined);
          studioApi.uploadFile(file as File).then((f) => { setFileId(f.id); onSuccess?.(f); }, (e) => { setProblem(refusalText(e, t)); onError?.(e as Error); });
        }}>
          <Button>{t("orgs.chooseSheet")}</Button>
        </Upload>
        <Button disabled={!fileId || busy} onClick={() => void run(true)}>{t("orgs.dryRun")}</Button>
        <Button type="primary" disabled={!fileId || busy || !report?.dryRun || report.errors.length > 0} onClick={() => void run(false)}>{t("orgs.importNow")}</Button>
      </Space>
      {problem && <Alert type="error" role="alert" title={problem.text} description={problem.detail} style={{ marginTop: 8 }} />}
      {report && (
        <div role="status" style={{ marginTop: 8 }}>
          {report.dryRun
            ? <Alert type={report.errors.length ? "warning" : "info"} title={t("orgs.dryRunResult", { rows: report.rows, errors: report.errors.length })} />
            : <Alert type="success" title={t("orgs.imported", { created: report.created })} />}
          {report.errors.length > 0 && (
            <DataTable rowKey={(e) => `${e.row}:${e.column}:${e.reason}`} dataSource={report.errors} pageSize={20} columns={[
              { title: t("orgs.row"), dataIndex: "row" },
              { title: t("orgs.column"), dataIndex: "column" },
              { title: t("orgs.reason"), dataIndex: "reason" },
            ]} />
          )}
        </div>
      )}
    </section>
  );
}
