using MiniExcelLibs;

namespace FormFlow.Server.Responses;

/// <summary>
/// Results as an xlsx: a sheet of the service-wide numbers (field, option or measure, value) and one of the
/// breakdown by org unit (suppressed groups say so, with no numbers). No respondent is named.
/// </summary>
internal static class ResultsExport
{
    public const string ResultsSheet = "结果";
    public const string ByOrgSheet = "按单位";

    public static async Task<byte[]> XlsxAsync(ResultsView results, CancellationToken ct)
    {
        var sheets = new Dictionary<string, object>
        {
            [ResultsSheet] = Rows(results),
            [ByOrgSheet] = results.ByOrg.Select(o => new Dictionary<string, object?>
            {
                ["单位"] = o.Name, ["答卷数"] = o.Suppressed ? "（少于5份，不显示）" : o.Responses,
            }).ToList(),
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, excelType: ExcelType.XLSX, cancellationToken: ct);
        return stream.ToArray();
    }

    private static List<Dictionary<string, object?>> Rows(ResultsView results)
    {
        static Dictionary<string, object?> Row(string field, string item, object? value) => new() { ["字段"] = field, ["项目"] = item, ["值"] = value };
        var rows = new List<Dictionary<string, object?>> { Row("", "答卷数", results.Responses) };
        if (results.Turnout is { } t)
        {
            rows.Add(Row("", "应参与会员", t.Eligible));
            rows.Add(Row("", "参与率", t.Rate));
        }
        foreach (var f in results.Fields)
        {
            var name = f.Label?.GetValueOrDefault("zh-CN") ?? f.Key;
            foreach (var o in f.Options ?? []) rows.Add(Row(name, o.Label?.GetValueOrDefault("zh-CN") ?? o.Value, o.Count));
            if (f.Mean is { } mean) rows.Add(Row(name, "平均", mean));
            if (f.Min is { } min) rows.Add(Row(name, "最小", min));
            if (f.Max is { } max) rows.Add(Row(name, "最大", max));
            if (f.Median is { } median) rows.Add(Row(name, "中位数", median));
            foreach (var text in f.Texts ?? []) rows.Add(Row(name, "文字", text));
        }
        return rows;
    }
}
