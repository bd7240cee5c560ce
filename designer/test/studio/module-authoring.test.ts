import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import type { ModuleDocument } from "../../src/studio/api/types";
import {
  boundProperties, lockOperation, lockProblem, manifestOf, promotePropertyToSetting, ownLocks, promoteToSetting, rejoinOf, settingKeyProblem, withExtensionPoint, withLock, withLockAt,
  withoutSetting, withSetting,
} from "../../src/studio/authoring/module-authoring";
import { indexElements } from "../../src/studio/customisation/element-index";
import { validate, type Schema } from "../support/json-schema";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const read = (path: string) => JSON.parse(readFileSync(resolve(repo, path), "utf8")) as Record<string, unknown>;
const schema = read("engine/FormFlow.Engine/Modules/Packages/module-manifest.schema.json") as Schema;
const files = { forms: ["forms/union-join.form.json"], workflow: "workflow.json" };
const city = { id: "bj", name: "北京市总工会", level: "city" as const };

/** The join package as written by hand: its module.json, and the document the Studio edits (forms and workflow inlined). */
const written = read("module-templates/join/module.json");
function joinDocument(): ModuleDocument {
  return {
    ...written,
    forms: [read("module-templates/join/forms/union-join.form.json")],
    workflow: read("module-templates/join/workflow.json"),
    // As the server answers a draft: the owner's locks stamped with the owner.
    locks: (written.locks as object[]).map((l) => ({ ...l, by: city })),
  } as unknown as ModuleDocument;
}

describe("authoring the join package in the Studio", () => {
  test("the shipped module.json is what its settings, extension points and locks authored through the Studio give", () => {
    // Start from the package with none of them, then author each as a designer would.
    let doc: ModuleDocument = { ...joinDocument(), settings: {}, extensionPoints: [], locks: [] };
    doc = promoteToSetting(doc, "review", "deadlineDays", {
      key: "reviewDeadlineDays", min: 3, max: 15,
      label: { "zh-CN": "基层工会联系申请人的期限（工作日）", en: "Working days for the grassroots union to contact the applicant" },
    });
    doc = promoteToSetting(doc, "streetReview", "deadlineDays", {
      key: "streetDeadlineDays", min: 5, max: 20, label: { "zh-CN": "街道总工会办理期限（工作日）", en: "Working days for the street union" },
    });
    doc = withExtensionPoint(doc, { id: "beforeReview", source: "start", outcome: "done", description: "steps a lower level runs before the grassroots review (e.g. a pre-check)" });
    doc = withExtensionPoint(doc, { id: "afterApproval", source: "recordHandler", description: "steps after approval, before the member card is issued (e.g. an orientation talk)" });
    doc = withLock(doc, { element: "reviewDeadlineDays", kind: "bounds", path: "/value", min: 3, max: 15, reason: "市总工会规定：基层工会须在3至15个工作日内联系申请人" });
    // A designer who chose properties first and bounds later leaves no stray keys behind.
    doc = withLock(doc, { element: "residentId", kind: "properties", properties: ["key", "type", "required"], min: 1, reason: "身份核验以居民身份证号码为准" });
    doc = withLock(doc, { element: "residentId", kind: "notRemovable", reason: "  " });
    doc = withLock(doc, { element: "employer", kind: "notRemovable" });
    doc = withLock(doc, { element: "employment", kind: "additionsOnly", reason: "就业情况栏目由市总工会统一，下级可增加字段" });
    doc = withLock(doc, { element: "issueCard", kind: "element", reason: "会员卡由市总工会统一发放" });

    const manifest = manifestOf(doc, files);
    expect(JSON.stringify(manifest, null, 2)).toBe(JSON.stringify(written, null, 2));
    expect(validate(schema, manifest)).toEqual([]);
  });

  test("a city designer's additions give tests/conformance/authoring/join-city, the package the engine's CLI test validates and resolves", () => {
    // The same steps as the Studio e2e: a step input promoted to a bounded setting, locked 3–15; an extension point
    // after the district review's approval; allowed options for the escalation level; two locked step inputs.
    let doc: ModuleDocument = { ...joinDocument(), version: "1.1.0" };
    doc = promoteToSetting(doc, "districtReview", "deadlineDays", {
      key: "districtDeadlineDays", min: 3, max: 20, label: { "zh-CN": "区总工会督办期限（工作日）", en: "Working days for the district union" },
    });
    doc = promotePropertyToSetting(doc, indexElements(doc).get("monthlyIncome")!, "/max", { key: "incomeCap", min: 100000, max: 1000000, label: { "zh-CN": "月收入上限（元）" } });
    doc = withExtensionPoint(doc, { id: "afterDistrictReview", source: "districtReview", outcome: "approve", description: "区总工会审核通过后，本级可加的步骤（如谈心谈话）" });
    doc = withLock(doc, { element: "districtDeadlineDays", kind: "bounds", path: "/value", min: 3, max: 15, reason: "市总工会规定：区总工会须在3至15个工作日内督办" });
    doc = withLock(doc, { element: "handToStreet", kind: "bounds", path: "/inputs/level", options: ["street", "district"], reason: "逾期只可上报街道或区总工会" });
    doc = withLock(doc, { element: "districtReview", kind: "properties", properties: ["/inputs/assignTo", "/inputs/outcomes"], reason: "督办由区总工会审核员办理" });

    expect([...boundProperties(doc, "monthlyIncome")]).toEqual([["/max", "incomeCap"]]);
    expect([...boundProperties(doc, "districtReview")]).toEqual([["/inputs/deadlineDays", "districtDeadlineDays"]]);

    const folder = "tests/conformance/authoring/join-city";
    const { $schema: _file, ...expected } = read(`${folder}/module.json`);
    const { $schema: _shipped, ...manifest } = manifestOf(doc, {
      forms: ["../../../../module-templates/join/forms/union-join.form.json"], workflow: "../../../../module-templates/join/workflow.json",
    });
    expect(JSON.stringify(manifest, null, 2)).toBe(JSON.stringify(expected, null, 2));
    expect(validate(schema, manifest)).toEqual([]);
  });

  test("a module as the server keeps it (locks stamped with the owner, the engine's existing list) reads back as the hand-written manifest", () => {
    const kept = joinDocument();
    kept.locks = kept.locks.map((l) => (l.kind === "additionsOnly" ? { ...l, existing: ["employment", "employer"] } : l));
    expect(manifestOf(kept, files)).toEqual(written);
  });

  test("a bounds lock on a choice is written with its allowed options and passes the package format", () => {
    const doc = withLock(joinDocument(), { element: "handToStreet", kind: "bounds", path: "/inputs/level", options: ["street", "district"], reason: "只可上报街道或区" });
    const manifest = manifestOf(doc, files);
    expect((manifest.locks as object[]).at(-1)).toEqual({ element: "handToStreet", kind: "bounds", path: "/inputs/level", options: ["street", "district"], reason: "只可上报街道或区" });
    expect(validate(schema, manifest)).toEqual([]);
    expect(lockOperation({ element: "handToStreet", kind: "bounds", path: "/inputs/level", options: ["street"] }))
      .toEqual({ op: "lock", element: "handToStreet", kind: "bounds", path: "/inputs/level", options: ["street"] });
  });

  test("a lock the engine would refuse is caught before it is written, and the package format refuses it too", () => {
    const bare = { element: "reviewDeadlineDays", kind: "bounds" as const, path: "/value" };
    expect(lockProblem(bare)).toBe("bounds");
    expect(lockProblem({ ...bare, min: 9, max: 3 })).toBe("minMax");
    expect(lockProblem({ element: "name", kind: "properties" })).toBe("properties");
    expect(lockProblem({ ...bare, options: ["a"] })).toBeUndefined();
    const manifest = manifestOf(withLock(joinDocument(), bare), files);
    expect(validate(schema, manifest)).toEqual(["/locks/6: matches none of anyOf"]);
  });

  test("editing and removing locks, settings and extension points", () => {
    let doc = withLock(joinDocument(), { element: "mobile", kind: "properties", properties: ["label"] });
    const mine = ownLocks("template", doc, [], "bj", "mobile");
    expect(mine).toEqual([{ lock: { element: "mobile", kind: "properties", properties: ["label"] }, at: 6 }]);
    doc = withLockAt(doc, 6, { element: "mobile", kind: "notRemovable", reason: "联系方式必填" });
    expect(doc.locks[6]).toEqual({ element: "mobile", kind: "notRemovable", reason: "联系方式必填" });
    expect(withLockAt(doc, 6, undefined).locks).toHaveLength(6);
    // A derived module's own locks are its overlay's lock operations; the locks above are not its to edit.
    expect(ownLocks("derived", doc, [{ op: "set", element: "x", path: "/a", value: 1, was: 0 }, lockOperation({ element: "mobile", kind: "element" })], 2, "mobile"))
      .toEqual([{ lock: { element: "mobile", kind: "element" }, at: 1 }]);
    expect(ownLocks("template", doc, [], 2, "reviewDeadlineDays")).toEqual([]);

    // Renaming a setting keeps its place and takes its locks along; removing it removes them.
    const renamed = withSetting(doc, "contactDays", { ...doc.settings.reviewDeadlineDays, value: 10 }, "reviewDeadlineDays");
    expect(Object.keys(renamed.settings)).toEqual(["contactDays", "streetDeadlineDays"]);
    expect(renamed.locks.filter((l) => l.element === "contactDays")).toHaveLength(1);
    expect(withoutSetting(renamed, "contactDays").locks.some((l) => l.element === "contactDays")).toBe(false);

    const index = indexElements(doc);
    expect(settingKeyProblem(doc, index, "review")).toBe("taken");
    expect(settingKeyProblem(doc, index, "afterApproval")).toBe("taken");
    expect(settingKeyProblem(doc, index, "9days")).toBe("pattern");
    expect(settingKeyProblem(doc, index, "districtDeadlineDays")).toBeUndefined();

    // An extension point after the review's approval rejoins where that connection went.
    expect(rejoinOf(doc.workflow, { source: "review", outcome: "approve" })).toBe("recordHandler");
    expect(rejoinOf(doc.workflow, { source: "review", outcome: "escalate" })).toBe("handToStreet");
    expect(rejoinOf(doc.workflow, { source: "endJoined" })).toBeUndefined();
  });
});
