import { Alert, Button, Input, Select, Typography } from "antd";
import { DataTable } from "../data-table/DataTable";
import { useState } from "react";
import { errorText } from "../api/client";
import type { TestRunResult } from "../api/types";
import { useI18n } from "../i18n/i18n";
import { portsOf } from "../workflow-designer/activity-catalog";
import type { WorkflowDefinition } from "../workflow-designer/workflow-definition";

/**
 * A test run on the server: sample data and the outcome each human step should take; the path comes back and the
 * caller highlights it on the canvas.
 */
export function TestRunPanel({ workflow, run, onResult }: {
  workflow: WorkflowDefinition;
  run(data: unknown, outcomes: Record<string, string>): Promise<TestRunResult>;
  onResult(result: TestRunResult | undefined): void;
}) {
  const { t } = useI18n();
  const [data, setData] = useState("{}");
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  const [result, setResult] = useState<TestRunResult>();
  const [problem, setProblem] = useState<string>();
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
            <span style={{ width: 180 }}>{(a.inputs?.title as string) ?? a.id}</span>
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
          try { parsed = JSON.parse(data); } catch (e) { setProblem((e as Error).message); return; }
          try {
            const r = await run(parsed, outcomes);
            setResult(r);
            setProblem(undefined);
            onResult(r);
          } catch (e) {
            setProblem(errorText(e));
            onResult(undefined);
          }
        }}>{t("test.run")}</Button>
        {problem && <Alert type="error" role="alert" title={problem} style={{ marginTop: 8 }} />}
      </div>
      {result && (
        <div className="ff-test-result">
          <div>{t("test.status")}: <b data-testid="test-status">{result.status}</b></div>
          <div>{t("test.visited")}: <span data-testid="test-visited">{result.visited.join(" → ")}</span></div>
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
