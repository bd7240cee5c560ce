import { FormRuntime, loadForm } from "../../src/forms";

/** A two-page form with one field of every type, for the widget tests. */
export const everyTypeForm = new FormRuntime(loadForm({
  id: "every-type", version: "1.0.0", title: { "zh-CN": "全部字段", en: "Every field" },
  pages: [
    {
      id: "p1", title: { "zh-CN": "第一页", en: "First" },
      sections: [{
        id: "s1", title: { "zh-CN": "基本", en: "Basics" },
        fields: [
          { id: "name", key: "name", type: "text", label: { "zh-CN": "姓名", en: "Name" }, required: true },
          { id: "note", key: "note", type: "textarea", label: { "zh-CN": "备注", en: "Note" }, maxLength: 200 },
          { id: "mobile", key: "mobile", type: "mobile", label: { "zh-CN": "手机号", en: "Mobile" } },
          { id: "email", key: "email", type: "email", label: { "zh-CN": "邮箱", en: "Email" } },
          { id: "count", key: "count", type: "number", label: { "zh-CN": "人数", en: "Count" }, min: 0 },
          { id: "income", key: "income", type: "money", label: { "zh-CN": "月收入", en: "Income" } },
          { id: "dues", key: "dues", type: "money", label: { "zh-CN": "会费", en: "Dues" }, calculate: "data.income == null ? null : round(data.income * 0.005, 2)" },
          { id: "birth", key: "birth", type: "date", label: { "zh-CN": "出生日期", en: "Birth date" } },
          { id: "meeting", key: "meeting", type: "datetime", label: { "zh-CN": "约见时间", en: "Meeting" } },
          { id: "agree", key: "agree", type: "boolean", label: { "zh-CN": "我同意", en: "I agree" } },
          { id: "kind", key: "kind", type: "choice", display: "radio", label: { "zh-CN": "类型", en: "Kind" },
            options: [{ value: "a", label: { "zh-CN": "甲", en: "A" } }, { value: "other", label: { "zh-CN": "其他", en: "Other" } }] },
          { id: "otherKind", key: "otherKind", type: "text", label: { "zh-CN": "其他类型", en: "Other kind" },
            visibleIf: "data.kind === 'other'", requiredIf: "data.kind === 'other'" },
          { id: "tags", key: "tags", type: "multiChoice", label: { "zh-CN": "标签", en: "Tags" },
            options: [{ value: "x", label: { "zh-CN": "标签X", en: "X" } }, { value: "y", label: { "zh-CN": "标签Y", en: "Y" } }] },
        ],
      }],
    },
    {
      id: "p2", title: { "zh-CN": "第二页", en: "Second" },
      sections: [{
        id: "s2",
        fields: [
          { id: "intro", type: "content", content: { html: { "zh-CN": "<p>请<b>如实</b>填写<script>alert(1)</script><a href=\"javascript:x\">链接</a></p>" } } },
          { id: "region", key: "region", type: "region", label: { "zh-CN": "地区", en: "Region" } },
          { id: "org", key: "org", type: "org", label: { "zh-CN": "所属工会", en: "Union" } },
          { id: "rid", key: "rid", type: "residentId", label: { "zh-CN": "身份证号", en: "Resident ID" } },
          { id: "doc", key: "doc", type: "file", label: { "zh-CN": "附件", en: "Attachment" } },
          { id: "photo", key: "photo", type: "image", label: { "zh-CN": "照片", en: "Photo" } },
          { id: "sign", key: "sign", type: "signature", label: { "zh-CN": "签名", en: "Signature" } },
          { id: "stars", key: "stars", type: "rating", label: { "zh-CN": "评分", en: "Rating" }, scale: 5 },
          { id: "q1", key: "q1", type: "quiz", label: { "zh-CN": "一加一", en: "1+1" }, answer: "two", points: 1,
            options: [{ value: "one", label: { "zh-CN": "一", en: "one" } }, { value: "two", label: { "zh-CN": "二", en: "two" } }] },
          { id: "family", key: "family", type: "group", label: { "zh-CN": "家庭成员", en: "Family" }, maxItems: 2,
            fields: [{ id: "relation", key: "relation", type: "text", label: { "zh-CN": "关系", en: "Relation" }, required: true }] },
        ],
      }],
    },
  ],
}));
