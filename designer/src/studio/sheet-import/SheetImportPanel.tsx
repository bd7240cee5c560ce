import { Alert, Button, Space, Typography, Upload } from "antd";
import { useId, useState } from "react";
import type { ImportRowError } from "../../api/openapi-types";
import { studioApi } from "../api/studio-api";
import { DataTable } from "../data-table/DataTable";
import { useI18n } from "../i18n/i18n";
import { refusalText, type RefusalText } from "../i18n/refusal-text";

/** What an import endpoint answers: a dry run's row count and errors, or the real run's count of created rows. */
export interface SheetImportReport { dryRun: boolean; rows: number; created: number; errors: ImportRowError[] }

/**
 * Import an Excel sheet (orgs, merchants, members): upload it, a dry run lists each row's errors (row, column,
 * reason) and writes nothing; the import, offered once a dry run found no error, writes all rows or none.
 */
export function SheetImportPanel({ title, help, importedText, importSheet, onImported }: {
  title: string; help: string; importedText(created: number): string;
  importSheet(fileId: string, dryRun: boolean): Promise<SheetImportReport>; onImported?(): void;
}) {
  const { t } = useI18n();
  const headingId = useId();
  const [fileId, setFileId] = useState<string>();
  const [fileName, setFileName] = useState<string>();
  const [report, setReport] = useState<SheetImportReport>();
  const [problem, setProblem] = useState<RefusalText>();
  const [busy, setBusy] = useState(false);

  const run = async (dryRun: boolean) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const answer = await importSheet(fileId!, dryRun);
      setReport(answer);
      if (!dryRun) { setFileId(undefined); setFileName(undefined); onImported?.(); }
    } catch (e) {
      setProblem(refusalText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={headingId} style={{ marginTop: 24 }}>
      <Typography.Title level={5} id={headingId}>{title}</Typography.Title>
      <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>
      <Space wrap>
        <Upload accept=".xlsx" maxCount={1} showUploadList={false} customRequest={({ file, onSuccess, onError }) => {
          setReport(undefined);
          setProblem(undefined);
          studioApi.uploadFile(file as File).then((f) => { setFileId(f.id); setFileName(f.name); onSuccess?.(f); }, (e) => { setProblem(refusalText(e, t)); onError?.(e as Error); });
        }}>
          <Button>{t("orgs.chooseSheet")}</Button>
        </Upload>
        {fileName && <span>{fileName}</span>}
        <Button disabled={!fileId || busy} onClick={() => void run(true)}>{t("orgs.dryRun")}</Button>
        <Button type="primary" disabled={!fileId || busy || !report?.dryRun || report.errors.length > 0} onClick={() => void run(false)}>{t("orgs.importNow")}</Button>
      </Space>
      {problem && <Alert type="error" role="alert" title={problem.text} description={problem.detail} style={{ marginTop: 8 }} />}
      {report && (
        <div role="status" style={{ marginTop: 8 }}>
          {report.dryRun
            ? <Alert type={report.errors.length ? "warning" : "info"} title={t("orgs.dryRunResult", { rows: report.rows, errors: report.errors.length })} />
            : <Alert type="success" title={importedText(report.created)} />}
          {report.errors.length > 0 && (
            <DataTable label={t("import.errors")} rowKey={(e) => `${e.row}:${e.column}:${e.reason}`} dataSource={report.errors} pageSize={20} columns={[
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
