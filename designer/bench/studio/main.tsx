import { ConfigProvider } from "antd";
import { useState } from "react";
import { createRoot } from "react-dom/client";
import type { FormDefinition } from "../../src/forms";
import { FormDesigner } from "../../src/studio/form-designer/FormDesigner";
import { useHistory } from "../../src/studio/history/use-history";
import { I18nProvider } from "../../src/studio/i18n/i18n";
import { WorkflowDesigner } from "../../src/studio/workflow-designer/WorkflowDesigner";
import { setInput } from "../../src/studio/workflow-designer/workflow-edits";
import { bigForm, bigWorkflow } from "./fixtures";

// The benchmark page: one designer with a big definition, no server; run.mjs measures it in headless Chromium.
const params = new URLSearchParams(location.search);

function WorkflowBench() {
  const history = useHistory(bigWorkflow(Number(params.get("workflow"))));
  return (
    <div style={{ height: "100vh" }}>
      <WorkflowDesigner workflow={history.present} onChange={history.commit} history={history}
        setInput={(id, name, value) => { history.commit(setInput(history.present, id, name, value)); return undefined; }} />
    </div>
  );
}

function FormBench() {
  const [form, setForm] = useState<FormDefinition>(() => bigForm(Number(params.get("form"))));
  return <FormDesigner form={form} onChange={setForm} setProperty={() => undefined} />;
}

createRoot(document.getElementById("root")!).render(
  <I18nProvider initial="zh-CN">
    <ConfigProvider>{params.has("workflow") ? <WorkflowBench /> : <FormBench />}</ConfigProvider>
  </I18nProvider>,
);
