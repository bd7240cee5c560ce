import { Alert, Input, Modal } from "antd";
import { useEffect, useState } from "react";
import { errorText } from "../api/client";
import { useI18n } from "../i18n/i18n";
import type { WorkflowDefinition } from "./workflow-definition";

/** The definition as JSON to read or edit, or (mode "elsa") an Elsa 3 export to import through the server. */
export function WorkflowJsonDialog({ mode, workflow, onClose, onApply, importElsa }: {
  mode: "json" | "elsa" | undefined; workflow: WorkflowDefinition; onClose(): void;
  onApply(next: WorkflowDefinition): void; importElsa(json: unknown): Promise<WorkflowDefinition>;
}) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    setText(mode === "json" ? JSON.stringify(workflow, null, 2) : "");
    setProblem(undefined);
  }, [mode]); // eslint-disable-line react-hooks/exhaustive-deps
  const apply = async () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      setProblem(t("wf.invalidJson", { message: (error as Error).message }));
      return;
    }
    try {
      const next = mode === "elsa" ? await importElsa(parsed) : (parsed as WorkflowDefinition);
      if (!Array.isArray(next.activities) || !Array.isArray(next.connections)) throw new Error("activities / connections missing");
      onApply(next);
      onClose();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <Modal open={mode !== undefined} width={800} title={mode === "elsa" ? t("wf.import") : t("wf.json")} onCancel={onClose}
      onOk={apply} okText={mode === "elsa" ? t("wf.import") : t("wf.applyJson")} cancelText={t("common.cancel")}>
      {problem && <Alert type="error" title={problem} style={{ marginBottom: 8 }} />}
      <Input.TextArea aria-label={mode === "elsa" ? t("wf.importHint") : t("wf.json")} placeholder={mode === "elsa" ? t("wf.importHint") : undefined}
        rows={24} value={text} onChange={(e) => setText(e.target.value)} style={{ fontFamily: "monospace", fontSize: 12 }} />
    </Modal>
  );
}
