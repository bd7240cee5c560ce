import { lookup, type Catalogue, type Locale } from "../../forms";
import { fieldTypes, type FieldType } from "../../forms/field-types";

/** Palette names of the field types (Forms/FieldTypes.cs), in the browser code's one catalogue shape (forms/texts.ts). */
export const fieldTypeTexts = {
  "zh-CN": {
    text: "单行文本",
    textarea: "多行文本",
    number: "数字",
    money: "金额",
    date: "日期",
    datetime: "日期时间",
    boolean: "是/否",
    choice: "单选",
    multiChoice: "多选",
    region: "行政区划",
    org: "组织",
    mobile: "手机号码",
    residentId: "居民身份证号",
    email: "电子邮箱",
    file: "附件",
    image: "图片",
    signature: "签名",
    rating: "评分",
    group: "重复分组",
    content: "说明文字",
    quiz: "测验题",
  },
  "zh-TW": {
    text: "單行文本",
    textarea: "多行文本",
    number: "數字",
    money: "金額",
    date: "日期",
    datetime: "日期時間",
    boolean: "是/否",
    choice: "單選",
    multiChoice: "多選",
    region: "行政區劃",
    org: "組織",
    mobile: "手機號碼",
    residentId: "居民身分證號",
    email: "電子郵箱",
    file: "附件",
    image: "圖片",
    signature: "簽名",
    rating: "評分",
    group: "重複分組",
    content: "說明文字",
    quiz: "測驗題",
  },
  "en": {
    text: "Text",
    textarea: "Long text",
    number: "Number",
    money: "Money",
    date: "Date",
    datetime: "Date and time",
    boolean: "Yes / no",
    choice: "Choice",
    multiChoice: "Multiple choice",
    region: "Region",
    org: "Org",
    mobile: "Mobile",
    residentId: "Resident ID",
    email: "Email",
    file: "File",
    image: "Image",
    signature: "Signature",
    rating: "Rating",
    group: "Repeating group",
    content: "Display content",
    quiz: "Quiz question",
  },
} satisfies Catalogue<FieldType>;

/** A field type's palette name; an unknown type (from a newer server) reads as itself. */
export function fieldTypeLabel(type: string, locale: Locale): string {
  return Object.prototype.hasOwnProperty.call(fieldTypeTexts["zh-CN"], type) ? lookup(fieldTypeTexts, locale, type as FieldType) : type;
}

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
