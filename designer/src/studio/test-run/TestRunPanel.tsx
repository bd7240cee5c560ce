import { Alert, Button, Checkbox, Input, Select, Typography } from "antd";
import { DataTable } from "../data-table/DataTable";
import { useState } from "react";
import { ApiError, errorText } from "../api/client";
import type { TestRunResult } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { portsOf } from "../workflow-designer/activity-ports";
import { activityTitle, type WorkflowDefinition } from "../workflow-designer/workflow-definition";

/**
 * A test run on the server: sample data and the outcome each human step should take; the path comes back and the
 * caller highlights it on the canvas. The server checks the sample data as a real case would: missing required
 * fields come back as field errors (listed with their step), unless the designer asks it to fill them with
 * generated sample values, which the result then lists.
 */
export function TestRunPanel({ workflow, run, onResult }: {
  workflow: WorkflowDefinition;
  run(data: unknown, outcomes: Record<string, string>, fillMissing: boolean): Promise<TestRunResult>;
  onResult(result: TestRunResult | undefined): void;
}) {
  const { t } = useI18n();
  const [data, setData] = useState("{}");
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  const [result, setResult] = useState<TestRunResult>();
  const [problem, setProblem] = useState<{ text: string; fields: string[] }>();
  const [fillMissing, setFillMissing] = useState(false);
  const steps = workflow.activities.filter((a) => a.type === "userTask");
  return (
    <div className="ff-test-run" style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 12 }}>
      <div>
        <label>{t("test.data")}
          <Input.TextArea aria-label={t("test.data")} rows={10} value={data} onChange={(e) => setData(e.target.value)} style={{ fontFamily: "monospace", fontSize: 12 }} />
        </label>
        <Typography.Text strong>{t("test.outcomes")}</Typography.Text>
        {steps.map((a) => (
          <div key={a.id} style={{ display: "flex", gap: 6, alignItems: "center", margin: "4px 0" }}>
            <span style={{ width: 180 }}>{activityTitle(a)}</span>
            <Select aria-label={`${t("test.outcomes")} ${a.id}`}  allowClear style={{ width: 200 }} value={outcomes[a.id]}
              options={portsOf(a).map((o) => ({ value: o }))}
              onChange={(o) => setOutcomes((current) => {
                const next = { ...current };
                if (o) next[a.id] = o; else delete next[a.id];
                return next;
              })} />
          </div>
        ))}
        <Button type="primary" style={{ marginTop: 8 }} onClick={async () => {
          let parsed: unknown;
          try { parsed = JSON.parse(data); } catch (e) { setProblem({ text: (e as Error).message, fields: [] }); return; }
          try {
            const r = await run(parsed, outcomes, fillMissing);
            setResult(r);
            setProblem(undefined);
            onResult(r);
          } catch (e) {
            const fields = e instanceof ApiError
              ? e.errors.filter((f) => f.path !== undefined).map((f) => `${f.step ?? ""} ${f.path || "/"}: ${f.message ?? f.rule ?? ""}`.trim())
              : [];
            setProblem({ text: e instanceof ApiError ? `${e.title}${e.detail ? `: ${e.detail}` : ""}` : errorText(e), fields });
            setResult(undefined);
            onResult(undefined);
          }
        }}>{t("test.run")}</Button>
        <div style={{ marginTop: 8 }}>
          <Checkbox checked={fillMissing} onChange={(e) => setFillMissing(e.target.checked)}>{t("test.fillMissing")}</Checkbox>
        </div>
        {problem && (
          <Alert type="error" role="alert" title={problem.text} style={{ marginTop: 8 }}
            description={problem.fields.length > 0 && <ul className="ff-test-errors">{problem.fields.map((f) => <li key={f}>{f}</li>)}</ul>} />
        )}
      </div>
      {result && (
        <div className="ff-test-result">
          <div>{t("test.status")}: <b data-testid="test-status">{result.status}</b></div>
          <div>{t("test.visited")}: <span data-testid="test-visited">{result.visited.join(" → ")}</span></div>
          {result.generated && result.generated.length > 0 && (<>
            <Typography.Text strong>{t("test.generated")}</Typography.Text>
            <ul className="ff-test-generated">{result.generated.map((g) => <li key={`${g.step}${g.path}`}>{g.step} {g.path}: <code>{JSON.stringify(g.value)}</code></li>)}</ul>
          </>)}
          <Typography.Text strong>{t("test.variables")}</Typography.Text>
          <pre style={{ fontSize: 12, maxHeight: 200, overflow: "auto" }}>{JSON.stringify(result.variables, null, 2)}</pre>
          <Typography.Text strong>{t("test.timeline")}</Typography.Text>
          <DataTable rowKey={(_, i) => String(i)} dataSource={result.timeline} columns={[
            { title: "at", dataIndex: "at" }, { title: "event", dataIndex: "event" }, { title: "activity", dataIndex: "activityId" },
          ]} />
        </div>
      )}
    </div>
  );
}
