import type { Locale } from "../forms";

/** The form view's own words (the definition brings its labels; the runtime its error messages). */
const text = {
  "zh-CN": {
    next: "下一步", previous: "上一步", submit: "提交", page: "第 {0} 页，共 {1} 页", addRow: "添加一行", removeRow: "删除",
    row: "第 {0} 项", required: "必填", choose: "请选择", none: "未选择", uploadUnavailable: "此处不能上传文件",
    upload: "选择文件", clear: "清除", signHere: "请在此处签名", signatureSaved: "已签名", signatureSave: "保存签名", checkDigit: "身份证号校验位不符（应为 {0}）",
    idLength: "已输入 {0}/18 位", idOk: "身份证号校验通过", province: "省份", regionRest: "市县代码（后 4 位）", rating: "{0} 星",
    fixErrors: "请先更正本页标出的问题", yes: "是", no: "否",
    uploading: "正在上传…", uploadFailed: "“{0}”上传失败：{1}", tooLarge: "文件太大", wrongType: "不支持这种文件类型", signatureImage: "已保存的签名",
  },
  "zh-TW": {
    next: "下一步", previous: "上一步", submit: "提交", page: "第 {0} 頁，共 {1} 頁", addRow: "新增一行", removeRow: "刪除",
    row: "第 {0} 項", required: "必填", choose: "請選擇", none: "未選擇", uploadUnavailable: "此處不能上傳檔案",
    upload: "選擇檔案", clear: "清除", signHere: "請在此處簽名", signatureSaved: "已簽名", signatureSave: "儲存簽名", checkDigit: "身分證號校驗位不符（應為 {0}）",
    idLength: "已輸入 {0}/18 位", idOk: "身分證號校驗通過", province: "省份", regionRest: "市縣代碼（後 4 位）", rating: "{0} 星",
    fixErrors: "請先更正本頁標出的問題", yes: "是", no: "否",
    uploading: "正在上傳…", uploadFailed: "「{0}」上傳失敗：{1}", tooLarge: "檔案太大", wrongType: "不支援這種檔案類型", signatureImage: "已儲存的簽名",
  },
  en: {
    next: "Next", previous: "Back", submit: "Submit", page: "Page {0} of {1}", addRow: "Add a row", removeRow: "Remove",
    row: "Item {0}", required: "required", choose: "Choose", none: "Not chosen", uploadUnavailable: "Files cannot be uploaded here",
    upload: "Choose a file", clear: "Clear", signHere: "Sign here", signatureSaved: "Signed", signatureSave: "Save signature", checkDigit: "The check character does not match (it should be {0})",
    idLength: "{0}/18 characters", idOk: "Resident ID check passed", province: "Province", regionRest: "City and county code (last 4 digits)", rating: "{0} stars",
    fixErrors: "Please correct the problems marked on this page", yes: "Yes", no: "No",
    uploading: "Uploading…", uploadFailed: "“{0}” was not uploaded: {1}", tooLarge: "the file is too large", wrongType: "this kind of file is not accepted", signatureImage: "Saved signature",
  },
} as const;

export type ViewWord = keyof (typeof text)["zh-CN"];

export function viewText(locale: Locale, word: ViewWord, ...args: (string | number)[]): string {
  return args.reduce<string>((result, arg, i) => result.replace(`{${i}}`, String(arg)), text[locale][word]);
}
