import { loadForm } from "../src/forms";

/**
 * The server's benchmark form (tests/FormFlow.Benchmarks/FormValidationBenchmarks.cs): 40 data fields, 10 rules,
 * with valid data. Used by runtime.bench.ts (the runtime alone) and portal-perf (rendered in Chromium).
 */
function field(key: string, type: string, extra: Record<string, unknown> = {}) {
  return { id: key, key, type, label: { "zh-CN": key }, ...extra };
}
const fortyFields = [
  field("name", "text", { required: true, maxLength: 50 }),
  field("residentId", "residentId", { required: true, validate: [{ id: "adult", expression: "ageFromId(data.residentId) >= 16", message: { "zh-CN": "未满16岁" } }] }),
  field("age", "number", { calculate: "ageFromId(data.residentId)" }),
  field("mobile", "mobile", { required: true }),
  field("email", "email"),
  field("region", "region", { required: true }),
  field("employmentType", "choice", { required: true, options: [{ value: "fullTime", label: { "zh-CN": "全日制" } }, { value: "platform", label: { "zh-CN": "平台" } }] }),
  field("platformName", "text", { visibleIf: "data.employmentType === 'platform'", requiredIf: "data.employmentType === 'platform'" }),
  field("agency", "text", { visibleIf: "data.employmentType === 'dispatched'" }),
  field("income", "money", { min: 0 }),
  field("dues", "money", { calculate: "data.income == null ? null : data.income * 0.005" }),
  field("startDate", "date", { required: true }),
  field("endDate", "date", { visibleIf: "data.startDate != null", validate: [{ id: "order", expression: "data.endDate >= data.startDate", message: { "zh-CN": "日期顺序错误" } }] }),
  field("consent", "boolean", { required: true, validate: [{ id: "agreed", expression: "data.consent === true", message: { "zh-CN": "须同意" } }] }),
  field("note", "textarea", { requiredIf: "data.income > 100000" }),
];
export const fortyData: Record<string, unknown> = {
  name: "张三", residentId: "11010519491231002X", mobile: "13800138000", email: "zs@example.com", region: "110105",
  employmentType: "platform", platformName: "某外卖", income: 6800.5, startDate: "2020-01-01", endDate: "2025-01-01", consent: true, note: "无",
};
for (let i = fortyFields.length; i < 40; i++) {
  const type = ["text", "number", "boolean", "date"][i % 4];
  fortyFields.push(field(`extra${i}`, type));
  fortyData[`extra${i}`] = { text: "文本", number: i, boolean: true, date: "2025-06-01" }[type];
}
export const fortyForm = loadForm({ id: "bench", version: "1", title: { "zh-CN": "基准" }, pages: [{ id: "p1", sections: [{ id: "s1", fields: fortyFields }] }] });
