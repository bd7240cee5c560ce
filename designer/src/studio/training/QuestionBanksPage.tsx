import { Alert, Button, Form, Input, Select, Space, Typography, Upload } from "antd";
import { useEffect, useState } from "react";
import type { BankView, ImportView, OrgNode, QuestionEditView } from "../../api/openapi-types";
import { request, upload } from "../api/client";
import { DataTable } from "../data-table/DataTable";
import { useI18n } from "../i18n/i18n";
import { refusalText, type RefusalText } from "../i18n/refusal-text";

const flatten = (nodes: OrgNode[]): OrgNode[] => nodes.flatMap((n) => [n, ...flatten((n.children ?? []) as OrgNode[])]);
const answerText = (answer: unknown) => (answer == null ? "—" : Array.isArray(answer) ? answer.join("") : String(answer));

/**
 * Question banks (题库): those of my org and below to edit, those above to read; a bank's questions with their keys
 * (only in my own banks: a bank above mine shows its questions without keys) and the worker credited for each
 * question that came from question collection (职工出题); creating a bank; importing questions from Excel with a dry run that lists each bad row, and exporting them.
 */
export default function QuestionBanksPage() {
  const { t } = useI18n();
  const [banks, setBanks] = useState<BankView[]>([]);
  const [orgs, setOrgs] = useState<OrgNode[]>([]);
  const [bankId, setBankId] = useState<number>();
  const [questions, setQuestions] = useState<QuestionEditView[]>([]);
  const [problem, setProblem] = useState<RefusalText>();
  const [fileId, setFileId] = useState<string>();
  const [report, setReport] = useState<ImportView>();
  const [busy, setBusy] = useState(false);
  const bank = banks.find((b) => b.id === bankId);
  const fail = (e: unknown) => setProblem(refusalText(e, t));

  const loadBanks = () => request<BankView[]>("GET", "/api/question-banks").then(setBanks, fail);
  useEffect(() => { void loadBanks(); void request<OrgNode[]>("GET", "/api/orgs").then((o) => setOrgs(flatten(o)), fail); }, []); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    setReport(undefined);
    if (bankId !== undefined) void request<QuestionEditView[]>("GET", `/api/question-banks/${bankId}/questions`).then(setQuestions, fail);
  }, [bankId]); // eslint-disable-line react-hooks/exhaustive-deps

  const create = async (values: { name: string; orgUnitId: number }) => {
    setProblem(undefined);
    try {
      const created = await request<BankView>("POST", "/api/question-banks", values);
      await loadBanks();
      setBankId(created.id);
    } catch (e) { fail(e); }
  };
  const runImport = async (dryRun: boolean) => {
    setBusy(true);
    setProblem(undefined);
    try {
      setReport(await request<ImportView>("POST", `/api/question-banks/${bankId}/import`, { fileId, dryRun }));
      if (!dryRun) {
        setFileId(undefined);
        setQuestions(await request<QuestionEditView[]>("GET", `/api/question-banks/${bankId}/questions`));
        void loadBanks();
      }
    } catch (e) { fail(e); } finally { setBusy(false); }
  };

  return (
    <section aria-labelledby="ff-banks">
      <Typography.Title level={4} id="ff-banks">{t("banks.title")}</Typography.Title>
      {problem && <Alert type="error" role="alert" title={problem.text} description={problem.detail} closable onClose={() => setProblem(undefined)} />}
      <Space wrap align="start">
        <Select aria-label={t("banks.pick")} placeholder={t("banks.pick")} style={{ minWidth: 320 }} value={bankId} onChange={setBankId}
          options={banks.map((b) => ({ value: b.id, label: `${b.name} · ${b.orgName} (${b.questions})${b.editable ? "" : ` · ${t("banks.readOnly")}`}` }))} />
        <Form layout="inline" onFinish={(v) => void create(v as { name: string; orgUnitId: number })}>
          <Form.Item name="name" label={t("banks.name")} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="orgUnitId" label={t("banks.org")} rules={[{ required: true }]}>
            <Select style={{ minWidth: 200 }} options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
          <Button htmlType="submit">{t("banks.create")}</Button>
        </Form>
      </Space>
      {bank && (
        <>
          <Space wrap style={{ marginTop: 16 }}>
            {bank.editable && (
              <>
                <Upload accept=".xlsx" maxCount={1} showUploadList={false} customRequest={({ file, onSuccess, onError }) => {
                  setReport(undefined);
                  upload(file as File).then((f) => { setFileId(f.id); onSuccess?.(f); }, (e) => { fail(e); onError?.(e as Error); });
                }}>
                  <Button>{t("orgs.chooseSheet")}</Button>
                </Upload>
                <Button disabled={!fileId || busy} onClick={() => void runImport(true)}>{t("orgs.dryRun")}</Button>
                <Button type="primary" disabled={!fileId || busy || !report?.dryRun || report.errors.length > 0} onClick={() => void runImport(false)}>{t("orgs.importNow")}</Button>
              </>
            )}
            {bank.editable && <a href={`/api/question-banks/${bank.id}/export`} download>{t("banks.export")}</a>}
          </Space>
          {!bank.editable && <Alert type="info" title={t("banks.keysHidden")} />}
          <Typography.Paragraph type="secondary">{t("banks.importHelp")}</Typography.Paragraph>
          {report && (
            <div role="status">
              {report.dryRun
                ? <Alert type={report.errors.length ? "warning" : "info"} title={t("orgs.dryRunResult", { rows: report.rows, errors: report.errors.length })} />
                : <Alert type="success" title={t("banks.imported", { created: report.created })} />}
              {report.errors.length > 0 && (
                <DataTable rowKey={(e) => `${e.row}:${e.column}:${e.reason}`} dataSource={report.errors} pageSize={20} columns={[
                  { title: t("orgs.row"), dataIndex: "row" }, { title: t("orgs.column"), dataIndex: "column" }, { title: t("orgs.reason"), dataIndex: "reason" },
                ]} />
              )}
            </div>
          )}
          <DataTable label={t("banks.questions")} rowKey="id" dataSource={questions} pageSize={20} columns={[
            { title: t("banks.type"), dataIndex: "type" }, { title: t("banks.topic"), dataIndex: "topic" }, { title: t("banks.difficulty"), dataIndex: "difficulty" },
            { title: t("banks.text"), dataIndex: "text" }, { title: t("banks.answer"), render: (_: unknown, q: QuestionEditView) => answerText(q.answer) },
            { title: t("banks.proposedBy"), render: (_: unknown, q: QuestionEditView) => q.proposedBy ?? "—" },
          ]} />
        </>
      )}
    </section>
  );
}
