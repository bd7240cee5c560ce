import type { MessageKey } from "../i18n/messages";
import { isExpression, type ActivityDefinition } from "./workflow-definition";

/**
 * The activity library as the palette and property panel see it, mirroring the engine's descriptors
 * (engine/FormFlow.Engine/Workflows/Activities/*.cs): inputs with their kinds, required ones, and the fixed ports.
 */
export type InputKind = "any" | "string" | "number" | "integer" | "boolean" | "object" | "array" | "script";

export interface InputSpec { name: string; kind: InputKind; required?: boolean; hint: string }

export type Category = "flow" | "people" | "data" | "wait" | "integration" | "union";

export interface ActivitySpec {
  type: string;
  category: Category;
  label: { "zh-CN": string; en: string };
  inputs: InputSpec[];
  outcomes: string[];
  /** Inputs a new activity of this type starts with, so that it validates once connected. */
  defaults?: Record<string, unknown>;
}

const resultVariable: InputSpec = { name: "resultVariable", kind: "string", hint: "variable that receives the result (default: the activity ID)" };
const assignTo: InputSpec = { name: "assignTo", kind: "object", required: true, hint: "{role, org: handling | applicant | named, level?, orgId?}" };
const done = ["done"];

export const activityCatalog: readonly ActivitySpec[] = [
  { type: "start", category: "flow", label: { "zh-CN": "开始", en: "Start" }, outcomes: done, inputs: [
    { name: "trigger", kind: "string", hint: "formSubmission (default), event or schedule" },
    { name: "formId", kind: "string", hint: "the form whose submission starts the workflow" },
    { name: "event", kind: "string", hint: "the starting event (trigger event)" },
    { name: "every", kind: "string", hint: "ISO 8601 interval, e.g. P1D (trigger schedule)" },
  ] },
  { type: "end", category: "flow", label: { "zh-CN": "结束", en: "End" }, outcomes: [], inputs: [
    { name: "terminate", kind: "boolean", hint: "true: cancel all other branches and finish" },
  ] },
  { type: "decision", category: "flow", label: { "zh-CN": "条件判断", en: "Decision" }, outcomes: ["true", "false"],
    defaults: { condition: { expression: "true" } }, inputs: [
      { name: "condition", kind: "any", required: true, hint: "expression; truthy follows 'true'" },
    ] },
  { type: "switch", category: "flow", label: { "zh-CN": "多路分支", en: "Switch" }, outcomes: ["default"],
    defaults: { cases: [] }, inputs: [
      { name: "cases", kind: "array", required: true, hint: "[{outcome, condition}] tried in order" },
    ] },
  { type: "fork", category: "flow", label: { "zh-CN": "并行分支", en: "Fork" }, outcomes: done, inputs: [] },
  { type: "join", category: "flow", label: { "zh-CN": "汇合", en: "Join" }, outcomes: done, inputs: [
    { name: "mode", kind: "string", hint: "all (default) or any" },
  ] },
  { type: "userTask", category: "people", label: { "zh-CN": "人工审核", en: "User task" }, outcomes: [],
    defaults: { title: "审核", assignTo: { role: "reviewer", org: "handling" }, outcomes: ["approve", "reject"], deadlineDays: 10 }, inputs: [
      { name: "title", kind: "string", hint: "what the handler sees in the inbox" },
      assignTo,
      { name: "outcomes", kind: "array", required: true, hint: "outcome names, e.g. approve, reject, returnForInformation" },
      { name: "deadlineDays", kind: "integer", hint: "working days; adds the 'escalate' port" },
      { name: "remindDaysBefore", kind: "any", hint: "a number or list of working days before the deadline" },
      { name: "formId", kind: "string", hint: "the task form" },
      { name: "fieldPermissions", kind: "object", hint: "field key → hidden | read | edit | required" },
      resultVariable,
    ] },
  { type: "requestInformation", category: "people", label: { "zh-CN": "请申请人补充材料", en: "Request information" }, outcomes: done,
    defaults: { message: "请补充材料后重新提交。" }, inputs: [
      { name: "message", kind: "string", required: true, hint: "what the applicant must add or correct" },
      { name: "fields", kind: "array", hint: "form field keys the resubmission must fill" },
      resultVariable,
    ] },
  { type: "offlineHandling", category: "people", label: { "zh-CN": "线下办理", en: "Offline handling" }, outcomes: done, inputs: [
    { name: "instructions", kind: "string", hint: "what the handler should do" },
    { name: "results", kind: "array", hint: "allowed results, e.g. joined, declined" },
    { name: "assignTo", kind: "object", hint: "{role, org, level?, orgId?} as for a user task" },
    resultVariable,
  ] },
  { type: "handOff", category: "people", label: { "zh-CN": "移交其他组织", en: "Hand off" }, outcomes: done,
    defaults: { to: "parent" }, inputs: [
      { name: "to", kind: "string", hint: "\"parent\": the parent of the handling org" },
      { name: "level", kind: "string", hint: "the ancestor at this level, e.g. district" },
      { name: "orgId", kind: "string", hint: "a named org" },
      { name: "reason", kind: "string", hint: "why, for the timeline" },
    ] },
  { type: "setVariable", category: "data", label: { "zh-CN": "设置变量", en: "Set variable" }, outcomes: done,
    defaults: { name: "result", value: null }, inputs: [
      { name: "name", kind: "string", required: true, hint: "the variable (a JavaScript identifier)" },
      { name: "value", kind: "any", hint: "the new value" },
    ] },
  { type: "script", category: "data", label: { "zh-CN": "脚本", en: "Script" }, outcomes: done,
    defaults: { script: "return null;" }, inputs: [
      { name: "script", kind: "script", required: true, hint: "JavaScript statements; 'return x' sets the result" },
      { name: "resultVariable", kind: "string", hint: "variable that receives the return value" },
    ] },
  { type: "log", category: "data", label: { "zh-CN": "记录日志", en: "Log" }, outcomes: done,
    defaults: { text: "" }, inputs: [
      { name: "text", kind: "any", required: true, hint: "the line for the timeline" },
    ] },
  { type: "scoreQuiz", category: "data", label: { "zh-CN": "测验评分", en: "Score quiz" }, outcomes: done,
    defaults: { correct: {} }, inputs: [
      { name: "correct", kind: "object", required: true, hint: "question key → correct answer" },
      { name: "answers", kind: "object", hint: "question key → given answer (default: the form data)" },
      { name: "points", kind: "object", hint: "question key → points" },
      { name: "passScore", kind: "number", hint: "score needed to pass" },
      resultVariable,
    ] },
  { type: "delay", category: "wait", label: { "zh-CN": "延时", en: "Delay" }, outcomes: done,
    defaults: { duration: "P1D" }, inputs: [
      { name: "duration", kind: "string", required: true, hint: "ISO 8601 duration, e.g. PT30M or P2D" },
    ] },
  { type: "timer", category: "wait", label: { "zh-CN": "定时", en: "Timer" }, outcomes: done,
    defaults: { interval: "P1D" }, inputs: [
      { name: "at", kind: "string", hint: "ISO 8601 date-time with offset" },
      { name: "interval", kind: "string", hint: "ISO 8601 duration from now (instead of at)" },
    ] },
  { type: "waitForEvent", category: "wait", label: { "zh-CN": "等待事件", en: "Wait for event" }, outcomes: done,
    defaults: { event: "event" }, inputs: [
      { name: "event", kind: "string", required: true, hint: "the event name" },
      { name: "correlation", kind: "any", hint: "only an event with this correlation resumes it" },
      resultVariable,
    ] },
  { type: "notify", category: "integration", label: { "zh-CN": "发送通知", en: "Notify" }, outcomes: done,
    defaults: { channel: "sms", recipient: { expression: "input.mobile" }, template: "notice" }, inputs: [
      { name: "channel", kind: "string", required: true, hint: "sms, wechat, email, inbox ..." },
      { name: "recipient", kind: "any", required: true, hint: "who receives it" },
      { name: "template", kind: "string", required: true, hint: "the message template ID" },
      { name: "data", kind: "object", hint: "values for the template" },
    ] },
  { type: "httpRequest", category: "integration", label: { "zh-CN": "HTTP 请求", en: "HTTP request" }, outcomes: done,
    defaults: { url: "https://example.org/" }, inputs: [
      { name: "url", kind: "string", required: true, hint: "absolute http(s) URL" },
      { name: "method", kind: "string", hint: "GET (default), POST, PUT, PATCH or DELETE" },
      { name: "headers", kind: "object", hint: "header name → value" },
      { name: "body", kind: "any", hint: "JSON body" },
      resultVariable,
    ] },
  { type: "callSubModule", category: "integration", label: { "zh-CN": "调用子模块", en: "Call sub-module" }, outcomes: done,
    defaults: { definitionId: "" }, inputs: [
      { name: "definitionId", kind: "string", required: true, hint: "the child workflow definition" },
      { name: "version", kind: "integer", hint: "its version (default: the latest)" },
      { name: "input", kind: "object", hint: "the child's start input" },
      resultVariable,
    ] },
  { type: "issueMemberCard", category: "union", label: { "zh-CN": "发放会员卡", en: "Issue member card" }, outcomes: done, inputs: [
    { name: "member", kind: "object", hint: "member data (default: the form data)" },
    { name: "org", kind: "string", hint: "the member's org (default: the handling org)" },
    resultVariable,
  ] },
  { type: "grantEntitlement", category: "union", label: { "zh-CN": "授予权益", en: "Grant entitlement" }, outcomes: done,
    defaults: { benefit: "benefit", quotaPerYear: 1 }, inputs: [
      { name: "benefit", kind: "string", required: true, hint: "the benefit, e.g. haircut" },
      { name: "quotaPerYear", kind: "integer", required: true, hint: "uses per calendar year" },
      { name: "member", kind: "any", hint: "the member (default: the applicant)" },
    ] },
  { type: "recordRedemption", category: "union", label: { "zh-CN": "记录权益使用", en: "Record redemption" }, outcomes: ["done", "refused"],
    defaults: { benefit: "benefit" }, inputs: [
      { name: "benefit", kind: "string", required: true, hint: "the benefit" },
      { name: "quotaPerYear", kind: "integer", hint: "uses per year (default: the grant)" },
      { name: "usedThisYear", kind: "integer", hint: "uses recorded elsewhere this year" },
      { name: "merchant", kind: "string", hint: "where it was redeemed" },
      resultVariable,
    ] },
];

export const categories: readonly { id: Category; label: MessageKey }[] = [
  { id: "flow", label: "cat.flow" }, { id: "people", label: "cat.people" }, { id: "data", label: "cat.data" },
  { id: "wait", label: "cat.wait" }, { id: "integration", label: "cat.integration" }, { id: "union", label: "cat.union" },
];

const byType = new Map(activityCatalog.map((spec) => [spec.type, spec]));

export function activitySpec(type: string): ActivitySpec | undefined {
  return byType.get(type);
}

/** The outcome ports of an activity: fixed ones, a user task's listed outcomes (+ escalate with a deadline), a switch's cases. */
export function portsOf(activity: ActivityDefinition): string[] {
  const inputs = activity.inputs ?? {};
  if (activity.type === "userTask") {
    const outcomes = Array.isArray(inputs.outcomes) ? inputs.outcomes.filter((o): o is string => typeof o === "string") : [];
    return inputs.deadlineDays !== undefined && inputs.deadlineDays !== null ? [...outcomes, "escalate"] : outcomes;
  }
  if (activity.type === "switch") {
    const cases = Array.isArray(inputs.cases) ? inputs.cases : [];
    const named = cases.map((c) => (c as { outcome?: unknown })?.outcome).filter((o): o is string => typeof o === "string" && o.length > 0);
    return [...new Set([...named, "default"])];
  }
  return activitySpec(activity.type)?.outcomes ?? ["done"];
}

/** Every expression source of an activity's inputs, by input name (switch cases as cases/N). */
export function expressionsOf(activity: ActivityDefinition): { input: string; source: string }[] {
  const found: { input: string; source: string }[] = [];
  for (const [name, value] of Object.entries(activity.inputs ?? {})) {
    if (isExpression(value)) found.push({ input: name, source: value.expression });
    if (activity.type === "switch" && name === "cases" && Array.isArray(value)) {
      value.forEach((c, i) => {
        const condition = (c as { condition?: unknown })?.condition;
        if (typeof condition === "string") found.push({ input: `cases/${i}`, source: condition });
        else if (isExpression(condition)) found.push({ input: `cases/${i}`, source: condition.expression });
      });
    }
  }
  return found;
}

/** The names workflow expressions see (Workflows/README.md, "Expressions"). */
export const workflowScopeNames = ["variables", "input", "caseInfo"];
