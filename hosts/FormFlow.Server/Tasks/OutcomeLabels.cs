using System.Text.Json.Nodes;

namespace FormFlow.Server.Tasks;

/// <summary>Button labels for the outcomes the shipped templates use; any other outcome is labelled with its ID.</summary>
internal static class OutcomeLabels
{
    private static readonly Dictionary<string, (string Zh, string En, string Tw)> Known = new()
    {
        ["approve"] = ("通过", "Approve", "通過"),
        ["reject"] = ("不通过", "Reject", "不通過"),
        ["returnForInformation"] = ("退回补充材料", "Request information", "退回補充材料"),
        ["handleOffline"] = ("转线下办理", "Handle offline", "轉線下辦理"),
        ["handledOffline"] = ("已线下办理", "Handled offline", "已線下辦理"),
        ["done"] = ("记录办理结果", "Record the result", "記錄辦理結果"),
        ["verified"] = ("核验通过", "Card verified", "核驗通過"),
        ["invalidCard"] = ("会员卡无效", "Card invalid", "會員卡無效"),
        ["pass"] = ("通过初审", "Pass to the expert", "通過初審"),
        ["decline"] = ("不予通过", "Decline", "不予通過"),
        ["adopt"] = ("采纳", "Adopt", "採納"),
        ["notAdopted"] = ("不予采纳", "Do not adopt", "不予採納"),
        ["accept"] = ("采纳入库", "Accept into the bank", "採納入庫"),
        ["answered"] = ("已答复", "Answered", "已答覆"),
        ["answeredForFaq"] = ("已答复并发布到常见问题", "Answered, publish to the FAQ", "已答覆並發佈到常見問題"),
    };

    public static JsonObject For(string outcome) => Known.TryGetValue(outcome, out var l)
        ? new JsonObject { ["zh-CN"] = l.Zh, ["en"] = l.En, ["zh-TW"] = l.Tw }
        : new JsonObject { ["zh-CN"] = outcome, ["en"] = outcome };
}
