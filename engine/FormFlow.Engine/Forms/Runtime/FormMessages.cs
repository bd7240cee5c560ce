using System.Globalization;
using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Definitions;

namespace FormFlow.Engine.Forms.Runtime;

/// <summary>
/// Localized error messages for the rules the runtime reports (JSON Schema keywords and its own checks).
/// "{0}" is the keyword's value from the schema (a bound, a type name).
/// </summary>
internal static class FormMessages
{
    private static readonly Dictionary<string, (string ZhCn, string ZhTw, string En)> Texts = new()
    {
        ["type"] = ("类型错误，应为{0}", "類型錯誤，應為{0}", "must be {0}"),
        ["enum"] = ("不是可选的选项", "不是可選的選項", "is not one of the allowed options"),
        ["minimum"] = ("不能小于 {0}", "不能小於 {0}", "must be at least {0}"),
        ["maximum"] = ("不能大于 {0}", "不能大於 {0}", "must be at most {0}"),
        ["multipleOf"] = ("金额最多保留两位小数", "金額最多保留兩位小數", "must have at most 2 decimal places"),
        ["minLength"] = ("至少需要 {0} 个字符", "至少需要 {0} 個字元", "must be at least {0} characters long"),
        ["maxLength"] = ("不能超过 {0} 个字符", "不能超過 {0} 個字元", "must be at most {0} characters long"),
        ["pattern"] = ("格式不正确", "格式不正確", "does not have the required format"),
        ["minItems"] = ("至少需要 {0} 项", "至少需要 {0} 項", "must have at least {0} items"),
        ["maxItems"] = ("最多 {0} 项", "最多 {0} 項", "must have at most {0} items"),
        ["uniqueItems"] = ("不能有重复项", "不能有重複項", "must not contain duplicates"),
        ["required"] = ("此项为必填项", "此項為必填項", "is required"),
        ["requiredIf"] = ("此项为必填项", "此項為必填項", "is required"),
        ["additionalProperties"] = ("包含不允许的内容", "包含不允許的內容", "contains properties that are not allowed"),
        ["maxDepth"] = ("嵌套层级过深", "巢狀層級過深", "is nested too deeply"),
        ["numberRange"] = ("数值过大，无法处理", "數值過大，無法處理", "is a number too large to handle"),
        ["rule"] = ("规则无法计算：{0}", "規則無法計算：{0}", "the rule could not be evaluated: {0}"),
        ["ruleTime"] = ("表单规则的总运行时间超过 {0} 毫秒，已在此规则处停止", "表單規則的總執行時間超過 {0} 毫秒，已在此規則處停止",
            "the form's rules ran longer than {0} ms in total and were stopped at this rule"),
        ["format:date"] = ("应为日期（如 2025-01-31）", "應為日期（如 2025-01-31）", "must be a date such as 2025-01-31"),
        ["format:date-time"] = ("应为日期时间（如 2025-01-31T09:00:00+08:00）", "應為日期時間（如 2025-01-31T09:00:00+08:00）",
            "must be a date and time such as 2025-01-31T09:00:00+08:00"),
        ["format:email"] = ("电子邮箱格式不正确", "電子郵箱格式不正確", "is not a valid email address"),
        ["format:mobile"] = ("手机号码格式不正确（应为 11 位大陆手机号）", "手機號碼格式不正確（應為 11 位大陸手機號）",
            "is not a valid mainland mobile number (11 digits)"),
        ["format:resident-id"] = ("居民身份证号码不正确", "居民身分證號碼不正確", "is not a valid resident identity card number"),
        ["format:region"] = ("行政区划代码不正确", "行政區劃代碼不正確", "is not a valid administrative division code"),
        ["form"] = ("表单数据应为对象", "表單資料應為物件", "form data must be a JSON object"),
    };

    private static readonly Dictionary<string, (string ZhCn, string ZhTw, string En)> TypeNames = new()
    {
        ["string"] = ("文本", "文字", "text"),
        ["number"] = ("数字", "數字", "a number"),
        ["integer"] = ("整数", "整數", "an integer"),
        ["boolean"] = ("是/否", "是/否", "true or false"),
        ["array"] = ("列表", "列表", "a list"),
        ["object"] = ("对象", "物件", "an object"),
    };

    public static string Get(string rule, string locale, JsonNode? argument = null)
    {
        if (!Texts.TryGetValue(rule, out var text)) text = ("不符合要求（{0}）", "不符合要求（{0}）", "is invalid ({0})");
        var template = Pick(text, locale);
        var value = argument switch
        {
            null => rule,
            JsonValue v when v.TryGetValue<string>(out var s) && TypeNames.TryGetValue(s, out var name) && rule == "type" => Pick(name, locale),
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v when v.TryGetValue<decimal>(out var d) => d.ToString(CultureInfo.InvariantCulture),
            _ => argument.ToJsonString(),
        };
        return template.Replace("{0}", value);
    }

    private static string Pick((string ZhCn, string ZhTw, string En) text, string locale) => locale switch
    {
        "en" => text.En,
        "zh-TW" => text.ZhTw,
        _ => text.ZhCn,
    };

}
