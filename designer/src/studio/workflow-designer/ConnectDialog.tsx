import { Form, Modal, Radio, Select } from "antd";
import { useState } from "react";
import { useI18n } from "../i18n/i18n";
import { portsOf } from "./activity-ports";
import { activityTitle, outcomeOf, type ActivityDefinition, type WorkflowDefinition } from "./workflow-definition";

/**
 * "Connect to…" for the keyboard: one of the step's outcomes (radio buttons, arrow keys) and a target step (a searchable
 * select). The first outcome not yet connected is preselected.
 */
export function ConnectDialog({ workflow, source, onConnect, onClose }: {
  workflow: WorkflowDefinition;
  source: ActivityDefinition;
  onConnect(outcome: string, target: string): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const ports = portsOf(source);
  const open = ports.find((p) => !workflow.connections.some((c) => c.source === source.id && outcomeOf(c) === p));
  const [outcome, setOutcome] = useState(open ?? ports[0]);
  const [target, setTarget] = useState<string>();
  const targets = workflow.activities.filter((a) => a.id !== source.id && a.type !== "start")
    .map((a) => ({ value: a.id, label: `${activityTitle(a)} (${a.id})` }));
  return (
    <Modal open title={t("wf.connectTitle", { title: activityTitle(source) })} onCancel={onClose} okButtonProps={{ disabled: !outcome || !target }}
      onOk={() => outcome && target && onConnect(outcome, target)} destroyOnHidden>
      <Form layout="vertical">
        <Form.Item label={t("wf.connectOutcome")}>
          <Radio.Group aria-label={t("wf.connectOutcome")} value={outcome} onChange={(e) => setOutcome(e.target.value as string)}
            options={ports.map((p) => ({ value: p, label: p }))} />
        </Form.Item>
        <Form.Item label={t("wf.connectTarget")}>
          <Select aria-label={t("wf.connectTarget")} showSearch optionFilterProp="label" value={target} onChange={setTarget} options={targets} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
