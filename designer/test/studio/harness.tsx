import { useState } from "react";
import { withProperty } from "../../src/studio/customisation/element-index";
import type { ModuleDocument } from "../../src/studio/api/types";
import { useHistory } from "../../src/studio/history/use-history";
import { I18nProvider } from "../../src/studio/i18n/i18n";
import { WorkflowDesigner, type WorkflowDesignerProps } from "../../src/studio/workflow-designer/WorkflowDesigner";
import type { WorkflowDefinition } from "../../src/studio/workflow-designer/workflow-definition";

/** A template-mode workflow designer over a real history, reporting each committed state to the test. */
export function WorkflowHarness({ initial, onState, ...rest }: { initial: WorkflowDefinition; onState?(w: WorkflowDefinition): void } & Partial<WorkflowDesignerProps>) {
  const history = useHistory(initial);
  onState?.(history.present);
  const doc = { settings: {}, forms: [], workflow: history.present, extensionPoints: [], locks: [], id: "m", name: {} } as unknown as ModuleDocument;
  return (
    <I18nProvider initial="en">
      <WorkflowDesigner
        workflow={history.present}
        onChange={history.commit}
        history={history}
        setInput={(id, name, value, merge) => { history.commit(withProperty(doc, id, `/inputs/${name}`, value).workflow, merge); return undefined; }}
        {...rest}
      />
    </I18nProvider>
  );
}

export function useLatest<T>() {
  const [box] = useState<{ current?: T }>({});
  return box;
}

export const sampleWorkflow: WorkflowDefinition = {
  id: "wf",
  activities: [
    { id: "start", type: "start", layout: { x: 0, y: 0 } },
    { id: "review", type: "userTask", inputs: { title: "审核", assignTo: { role: "reviewer", org: "handling" }, outcomes: ["approve", "reject"] }, layout: { x: 250, y: 0 } },
    { id: "end", type: "end", layout: { x: 500, y: 0 } },
  ],
  connections: [{ source: "start", target: "review" }, { source: "review", outcome: "approve", target: "end" }],
};
