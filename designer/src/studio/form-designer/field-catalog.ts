import { fieldTypes, type FieldType } from "../../forms/field-types";

/** Palette names of the field types (Forms/FieldTypes.cs) and what a new field of the type starts with. */
export const fieldTypeLabels: Record<FieldType, { "zh-CN": string; en: string }> = {
  text: { "zh-CN": "单行文本", en: "Text" },
  textarea: { "zh-CN": "多行文本", en: "Long text" },
  number: { "zh-CN": "数字", en: "Number" },
  money: { "zh-CN": "金额", en: "Money" },
  date: { "zh-CN": "日期", en: "Date" },
  datetime: { "zh-CN": "日期时间", en: "Date and time" },
  boolean: { "zh-CN": "是/否", en: "Yes / no" },
  choice: { "zh-CN": "单选", en: "Choice" },
  multiChoice: { "zh-CN": "多选", en: "Multiple choice" },
  region: { "zh-CN": "行政区划", en: "Region" },
  org: { "zh-CN": "组织", en: "Org" },
  mobile: { "zh-CN": "手机号码", en: "Mobile" },
  residentId: { "zh-CN": "居民身份证号", en: "Resident ID" },
  email: { "zh-CN": "电子邮箱", en: "Email" },
  file: { "zh-CN": "附件", en: "File" },
  image: { "zh-CN": "图片", en: "Image" },
  signature: { "zh-CN": "签名", en: "Signature" },
  rating: { "zh-CN": "评分", en: "Rating" },
  group: { "zh-CN": "重复分组", en: "Repeating group" },
  content: { "zh-CN": "说明文字", en: "Display content" },
  quiz: { "zh-CN": "测验题", en: "Quiz question" },
};

export const paletteTypes: readonly FieldType[] = fieldTypes;

/** Properties a new field of the type needs to be a valid definition. */
export function newFieldProperties(type: FieldType): Record<string, unknown> {
  switch (type) {
    case "choice":
    case "multiChoice":
      return { options: [{ value: "a", label: { "zh-CN": "选项一", en: "Option 1" } }, { value: "b", label: { "zh-CN": "选项二", en: "Option 2" } }] };
    case "quiz":
      return { options: [{ value: "a", label: { "zh-CN": "答案一" } }, { value: "b", label: { "zh-CN": "答案二" } }], answer: "a" };
    case "group":
      return { fields: [] };
    case "content":
      return { content: { html: { "zh-CN": "说明" } } };
    case "rating":
      return { scale: 5 };
    default:
      return {};
  }
}

export const piiClasses = ["name", "residentId", "phone", "address", "email", "birthDate", "bankAccount", "other"];
