import type { FieldDefinition, FormDefinition } from "../../src/forms";
import type { ActivityDefinition, ConnectionDefinition, WorkflowDefinition } from "../../src/studio/workflow-designer/workflow-definition";

/** A workflow of `count` activities: start, a chain of mixed steps (review tasks branch to a shared rejection end), end. */
export function bigWorkflow(count: number): WorkflowDefinition {
  const activities: ActivityDefinition[] = [{ id: "start", type: "start", inputs: { trigger: "formSubmission" } }];
  const connections: ConnectionDefinition[] = [];
  const kinds = ["userTask", "decision", "setVariable", "notify", "log"];
  for (let i = 1; i < count - 2; i++) {
    const type = kinds[i % kinds.length];
    const id = `a${i}`;
    const inputs: Record<string, unknown> =
      type === "userTask" ? { title: `审核 ${i}`, assignTo: { role: "reviewer", org: "handling" }, outcomes: ["approve", "reject"], deadlineDays: 5 }
      : type === "decision" ? { condition: { expression: `input.amount > ${i}` } }
      : type === "setVariable" ? { name: `v${i}`, value: { expression: "caseInfo.org" } }
      : type === "notify" ? { channel: "sms", recipient: { expression: "input.mobile" }, template: "notice" }
      : { text: `step ${i}` };
    activities.push({ id, type, inputs });
  }
  activities.push({ id: "end", type: "end" }, { id: "rejected", type: "end" });
  for (let i = 0; i < activities.length - 2; i++) {
    const a = activities[i], next = activities[i + 1];
    if (a.type === "userTask") {
      connections.push({ source: a.id, outcome: "approve", target: next.id }, { source: a.id, outcome: "reject", target: "rejected" });
    } else if (a.type === "decision") {
      connections.push({ source: a.id, outcome: "true", target: next.id }, { source: a.id, outcome: "false", target: "rejected" });
    } else {
      connections.push({ source: a.id, target: next.id });
    }
  }
  activities.forEach((a, i) => { a.layout = { x: (i % 20) * 240, y: Math.floor(i / 20) * 140 }; });
  return { id: "bench", version: 1, name: "bench", activities, connections };
}

/** A form of `count` fields in sections of 20 on 5 pages, every tenth with a visibleIf and every tenth with a calculation. */
export function bigForm(count: number): FormDefinition {
  const types = ["text", "number", "date", "choice", "boolean", "textarea", "email", "mobile"];
  const fields: FieldDefinition[] = Array.from({ length: count }, (_, i) => {
    const type = types[i % types.length];
    const f: FieldDefinition = { id: `f${i}`, key: `f${i}`, type, label: { "zh-CN": `字段 ${i}`, en: `Field ${i}` } };
    if (type === "choice") f.options = [{ value: "a", label: { "zh-CN": "甲" } }, { value: "b", label: { "zh-CN": "乙" } }];
    if (i % 10 === 5) f.visibleIf = `data.f${i - 1} === true || data.f${i - 4} > 0`;
    if (i % 10 === 9 && type === "number") f.calculate = `data.f${i - 8} + 1`;
    return f;
  });
  const pages = Array.from({ length: 5 }, (_, p) => ({
    id: `page${p}`, title: { "zh-CN": `第${p + 1}页` },
    sections: Array.from({ length: 2 }, (_, s) => ({ id: `s${p}-${s}`, title: { "zh-CN": `分组 ${p}-${s}` }, fields: [] as FieldDefinition[] })),
  }));
  fields.forEach((f, i) => pages[Math.floor(i / 40) % 5].sections[Math.floor(i / 20) % 2].fields.push(f));
  return { id: "bench-form", version: "1", title: { "zh-CN": "性能测试表单" }, pages };
}
