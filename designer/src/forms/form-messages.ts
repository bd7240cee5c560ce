import type { JsonData } from "./json-data";

/**
 * Localized error messages for the rules the runtime reports — the server's FormMessages, text for text.
 * "{0}" is the keyword's value from the schema (a bound, a type name) or the rule's failure.
 */
type Texts = readonly [zhCN: string, zhTW: string, en: string];

const texts: Readonly<Record<string, Texts>> = {
  type: ["类型错误，应为{0}", "類型錯誤，應為{0}", "must be {0}"],
  enum: ["不是可选的选项", "不是可選的選項", "is not one of the allowed options"],
  minimum: ["不能小于 {0}", "不能小於 {0}", "must be at least {0}"],
  maximum: ["不能大于 {0}", "不能大於 {0}", "must be at most {0}"],
  multipleOf: ["金额最多保留两位小数", "金額最多保留兩位小數", "must have at most 2 decimal places"],
  minLength: ["至少需要 {0} 个字符", "至少需要 {0} 個字元", "must be at least {0} characters long"],
  maxLength: ["不能超过 {0} 个字符", "不能超過 {0} 個字元", "must be at most {0} characters long"],
  pattern: ["格式不正确", "格式不正確", "does not have the required format"],
  minItems: ["至少需要 {0} 项", "至少需要 {0} 項", "must have at least {0} items"],
  maxItems: ["最多 {0} 项", "最多 {0} 項", "must have at most {0} items"],
  uniqueItems: ["不能有重复项", "不能有重複項", "must not contain duplicates"],
  required: ["此项为必填项", "此項為必填項", "is required"],
  requiredIf: ["此项为必填项", "此項為必填項", "is required"],
  additionalProperties: ["包含不允许的内容", "包含不允許的內容", "contains properties that are not allowed"],
  maxDepth: ["嵌套层级过深", "巢狀層級過深", "is nested too deeply"],
  rule: ["规则无法计算：{0}", "規則無法計算：{0}", "the rule could not be evaluated: {0}"],
  "format:date": ["应为日期（如 2025-01-31）", "應為日期（如 2025-01-31）", "must be a date such as 2025-01-31"],
  "format:date-time": ["应为日期时间（如 2025-01-31T09:00:00+08:00）", "應為日期時間（如 2025-01-31T09:00:00+08:00）",
    "must be a date and time such as 2025-01-31T09:00:00+08:00"],
  "format:email": ["电子邮箱格式不正确", "電子郵箱格式不正確", "is not a valid email address"],
  "format:mobile": ["手机号码格式不正确（应为 11 位大陆手机号）", "手機號碼格式不正確（應為 11 位大陸手機號）",
    "is not a valid mainland mobile number (11 digits)"],
  "format:resident-id": ["居民身份证号码不正确", "居民身分證號碼不正確", "is not a valid resident identity card number"],
  "format:region": ["行政区划代码不正确", "行政區劃代碼不正確", "is not a valid administrative division code"],
  form: ["表单数据应为对象", "表單資料應為物件", "form data must be a JSON object"],
};

const typeNames: Readonly<Record<string, Texts>> = {
  string: ["文本", "文字", "text"],
  number: ["数字", "數字", "a number"],
  integer: ["整数", "整數", "an integer"],
  boolean: ["是/否", "是/否", "true or false"],
  array: ["列表", "列表", "a list"],
  object: ["对象", "物件", "an object"],
};

const fallback: Texts = ["不符合要求（{0}）", "不符合要求（{0}）", "is invalid ({0})"];

function pick(text: Texts, locale: string): string {
  return locale === "en" ? text[2] : locale === "zh-TW" ? text[1] : text[0];
}

/** The message for a rule in a locale; the argument fills "{0}" (the rule's own name when there is none). */
export function formMessage(rule: string, locale: string, argument?: JsonData): string {
  const template = pick(Object.prototype.hasOwnProperty.call(texts, rule) ? texts[rule] : fallback, locale);
  let value: string;
  if (argument === undefined || argument === null) value = rule;
  else if (typeof argument === "string") {
    value = rule === "type" && Object.prototype.hasOwnProperty.call(typeNames, argument) ? pick(typeNames[argument], locale) : argument;
  } else if (typeof argument === "number") value = String(argument);
  else value = JSON.stringify(argument);
  return template.split("{0}").join(value);
}
