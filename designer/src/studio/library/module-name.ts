import type { ModuleSummary } from "../api/types";

/** A module's name to show: the Simplified Chinese text, else the first one given. */
export const nameOf = (name: ModuleSummary["name"]) => (typeof name === "string" ? name : name["zh-CN"] ?? Object.values(name)[0] ?? "");
