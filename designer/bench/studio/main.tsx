import { ConfigProvider } from "antd";
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import type { FormDefinition } from "../../src/forms";
import { studioTheme } from "../../src/studio/app/antd-styles";
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

/**
 * With ?opened=later the page first shows an empty shell, as the Studio is before a designer opens, and mounts the
 * designer when run.mjs calls window.__openDesigner(): opening measured apart from loading and compiling the script.
 */
function Bench() {
  const later = params.get("opened") === "later";
  const [open, setOpen] = useState(!later);
  useEffect(() => {
    if (later) (window as unknown as { __openDesigner?: () => void }).__openDesigner = () => setOpen(true);
  }, [later]);
  if (!open) return <div className="bench-shell">Studio</div>;
  return params.has("workflow") ? <WorkflowBench /> : <FormBench />;
}

createRoot(document.getElementById("root")!).render(
  <I18nProvider initial="zh-CN">
    <ConfigProvider theme={studioTheme}><Bench /></ConfigProvider>
  </I18nProvider>,
);
