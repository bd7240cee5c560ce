import { describe, expect, test } from "vitest";
import type { FormDefinition } from "../../src/forms";
import { maskedFields } from "../../src/portal/masked-fields";

const form = {
  id: "join", title: "入会", pages: [{ id: "p1", sections: [{ id: "s1", fields: [
    { id: "name", key: "name", type: "text", label: { "zh-CN": "姓名" }, pii: "name" },
    { id: "mobile", key: "mobile", type: "text", label: { "zh-CN": "手机号码" }, pii: "phone" },
    { id: "residentId", key: "residentId", type: "text", label: { "zh-CN": "身份证" }, pii: "residentId" },
    { id: "bank", key: "bank", type: "text", label: { "zh-CN": "银行账号" }, pii: "bankAccount" },
    { id: "employer", key: "employer", type: "text", label: { "zh-CN": "工作单位" } },
  ] }] }],
} as unknown as FormDefinition;

describe("the fields 查看完整信息 offers", () => {
  test("are the personal fields the step shows masked: not those it may read or edit, not hidden ones, not absent ones", () => {
    const data = { name: "李*红", mobile: "138****8000", residentId: "1101**********002X", employer: "华兴" };
    const fields = maskedFields(form, data, { mobile: "read", name: "edit", employer: "read" });
    expect(fields.map(f => f.key)).toEqual(["residentId"]);
    expect(maskedFields(form, data, { residentId: "hidden" }).map(f => f.key)).toEqual(["name", "mobile"]);
  });
});
