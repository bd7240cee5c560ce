import type { JsonData } from "./json-data";
import { lookup, type Catalogue } from "./texts";

/**
 * Localized error messages for the rules the runtime reports — the server's FormMessages, text for text.
 * "{0}" is the keyword's value from the schema (a bound, a type name) or the rule's failure; a rule without a text of
 * its own reads `invalid`.
 */
export const formRuleText = {
  "zh-CN": {
    type: "类型错误，应为{0}",
    enum: "不是可选的选项",
    minimum: "不能小于 {0}",
    maximum: "不能大于 {0}",
    multipleOf: "金额最多保留两位小数",
    minLength: "至少需要 {0} 个字符",
    maxLength: "不能超过 {0} 个字符",
    pattern: "格式不正确",
    minItems: "至少需要 {0} 项",
    maxItems: "最多 {0} 项",
    uniqueItems: "不能有重复项",
    required: "此项为必填项",
    requiredIf: "此项为必填项",
    additionalProperties: "包含不允许的内容",
    maxDepth: "嵌套层级过深",
    rule: "规则无法计算：{0}",
    "format:date": "应为日期（如 2025-01-31）",
    "format:date-time": "应为日期时间（如 2025-01-31T09:00:00+08:00）",
    "format:email": "电子邮箱格式不正确",
    "format:mobile": "手机号码格式不正确（应为 11 位大陆手机号）",
    "format:resident-id": "居民身份证号码不正确",
    "format:region": "行政区划代码不正确",
    form: "表单数据应为对象",
    invalid: "不符合要求（{0}）",
  },
  "zh-TW": {
    type: "類型錯誤，應為{0}",
    enum: "不是可選的選項",
    minimum: "不能小於 {0}",
    maximum: "不能大於 {0}",
    multipleOf: "金額最多保留兩位小數",
    minLength: "至少需要 {0} 個字元",
    maxLength: "不能超過 {0} 個字元",
    pattern: "格式不正確",
    minItems: "至少需要 {0} 項",
    maxItems: "最多 {0} 項",
    uniqueItems: "不能有重複項",
    required: "此項為必填項",
    requiredIf: "此項為必填項",
    additionalProperties: "包含不允許的內容",
    maxDepth: "巢狀層級過深",
    rule: "規則無法計算：{0}",
    "format:date": "應為日期（如 2025-01-31）",
    "format:date-time": "應為日期時間（如 2025-01-31T09:00:00+08:00）",
    "format:email": "電子郵箱格式不正確",
    "format:mobile": "手機號碼格式不正確（應為 11 位大陸手機號）",
    "format:resident-id": "居民身分證號碼不正確",
    "format:region": "行政區劃代碼不正確",
    form: "表單資料應為物件",
    invalid: "不符合要求（{0}）",
  },
  "en": {
    type: "must be {0}",
    enum: "is not one of the allowed options",
    minimum: "must be at least {0}",
    maximum: "must be at most {0}",
    multipleOf: "must have at most 2 decimal places",
    minLength: "must be at least {0} characters long",
    maxLength: "must be at most {0} characters long",
    pattern: "does not have the required format",
    minItems: "must have at least {0} items",
    maxItems: "must have at most {0} items",
    uniqueItems: "must not contain duplicates",
    required: "is required",
    requiredIf: "is required",
    additionalProperties: "contains properties that are not allowed",
    maxDepth: "is nested too deeply",
    rule: "the rule could not be evaluated: {0}",
    "format:date": "must be a date such as 2025-01-31",
    "format:date-time": "must be a date and time such as 2025-01-31T09:00:00+08:00",
    "format:email": "is not a valid email address",
    "format:mobile": "is not a valid mainland mobile number (11 digits)",
    "format:resident-id": "is not a valid resident identity card number",
    "format:region": "is not a valid administrative division code",
    form: "form data must be a JSON object",
    invalid: "is invalid ({0})",
  },
} satisfies Catalogue<string>;

/** The JSON type names a `type` message names. */
export const jsonTypeText = {
  "zh-CN": {
    string: "文本",
    number: "数字",
    integer: "整数",
    boolean: "是/否",
    array: "列表",
    object: "对象",
  },
  "zh-TW": {
    string: "文字",
    number: "數字",
    integer: "整數",
    boolean: "是/否",
    array: "列表",
    object: "物件",
  },
  "en": {
    string: "text",
    number: "a number",
    integer: "an integer",
    boolean: "true or false",
    array: "a list",
    object: "an object",
  },
} satisfies Catalogue<string>;

type Rule = keyof (typeof formRuleText)["zh-CN"];
type TypeName = keyof (typeof jsonTypeText)["zh-CN"];

const has = (block: object, key: string) => Object.prototype.hasOwnProperty.call(block, key);

/** The message for a rule in a locale; the argument fills "{0}" (the rule's own name when there is none). */
export function formMessage(rule: string, locale: string, argument?: JsonData): string {
  const key = (has(formRuleText["zh-CN"], rule) ? rule : "invalid") as Rule;
  let value: string;
  if (argument === undefined || argument === null) value = rule;
  else if (typeof argument === "string") {
    value = rule === "type" && has(jsonTypeText["zh-CN"], argument) ? lookup(jsonTypeText, locale, argument as TypeName) : argument;
  } else if (typeof argument === "number") value = String(argument);
  else value = JSON.stringify(argument);
  return lookup(formRuleText, locale, key, [value]);
}
