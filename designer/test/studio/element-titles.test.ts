import { describe, expect, it } from "vitest";
import { titleOf } from "../../src/studio/customisation/element-index";

describe("element titles in the customisation view", () => {
  it("read a message's title per locale as its zh-CN text, never as an object", () => {
    expect(titleOf({ id: "welcome", type: "notify", inputs: { title: { "zh-CN": "入会申请已通过", en: "Welcome" } } })).toBe("入会申请已通过");
  });

  it("fall back to the type for a title computed by an expression", () => {
    expect(titleOf({ id: "review", type: "userTask", inputs: { title: { expression: "'审核：' + input.name" } } })).toBe("userTask");
  });

  it("prefer a field's label, a plain string as it is", () => {
    expect(titleOf({ id: "mobile", type: "mobile", label: { "zh-CN": "手机号码" } })).toBe("手机号码");
    expect(titleOf({ id: "flow", name: "入会流程" })).toBe("入会流程");
  });
});
