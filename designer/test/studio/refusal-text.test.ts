import { describe, expect, test } from "vitest";
import { ApiError } from "../../src/studio/api/client";
import { format } from "../../src/studio/i18n/messages";
import { refusalText } from "../../src/studio/i18n/refusal-text";

const zh = (key: Parameters<typeof format>[1], values?: Record<string, string | number>) => format("zh-CN", key, values);
const forbidden = "only an admin at 某市总工会 or above, or the module's editor, archives module 'legal-consultation' of 某市总工会";

describe("refusal texts", () => {
  test("a known refusal reads in Chinese and keeps the server's sentence; an unknown one is the server's words", () => {
    const archived = new ApiError(409, "Module archived", "module 7 'legal' is archived: it cannot be derived; unarchive it first", []);
    expect(refusalText(archived, zh)).toEqual({
      text: "模块已归档：不能派生或新启用服务，请先取消归档（正在运行的服务不受影响）",
      detail: "Module archived: module 7 'legal' is archived: it cannot be derived; unarchive it first",
    });
    const other = new ApiError(422, "Invalid module", "name: is required", []);
    expect(refusalText(other, zh)).toEqual({ text: "Invalid module: name: is required" });
    expect(refusalText(new Error("network down"), zh)).toEqual({ text: "network down" });
  });

  test("an action words a refusal of its own: an archive's Forbidden says who may archive", () => {
    const refused = new ApiError(403, "Forbidden", forbidden, []);
    expect(refusalText(refused, zh).text).toBe("您的账号没有这项操作的权限");
    expect(refusalText(refused, zh, { Forbidden: "refusal.archiveForbidden" }).text).toBe("只有模块所属组织或其上级组织的管理员，或模块的编辑者，才能归档或取消归档");
  });
});
