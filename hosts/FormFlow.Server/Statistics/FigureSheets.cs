using MiniExcelLibs;

namespace FormFlow.Server.Statistics;

/// <summary>
/// Each figures view as one xlsx sheet. Rows are produced one by one as MiniExcel writes them, into a temporary file
/// that is then streamed to the client and deleted, so neither the sheet nor the file is held in memory.
/// </summary>
internal static class FigureSheets
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static readonly string[] Views = ["breakdown", "trend", "modules", "compare", "ranking", "heat"];

    public static async Task<Stream> WriteAsync(string sheet, IEnumerable<Dictionary<string, object?>> rows, CancellationToken ct)
    {
        var file = new FileStream(Path.Combine(Path.GetTempPath(), $"formflow-figures-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await file.SaveAsAsync(rows, sheetName: sheet, excelType: ExcelType.XLSX, cancellationToken: ct);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public static IEnumerable<Dictionary<string, object?>> Breakdown(FigureBreakdown b)
    {
        yield return Row(("单位", b.Org.Name + "（合计）"), ("层级", b.Org.Level)).With(b.Totals);
        yield return Row(("单位", b.Org.Name + "（直属）"), ("层级", b.Org.Level)).With(b.Direct);
        foreach (var c in b.Children) yield return Row(("单位", c.Org.Name), ("层级", c.Org.Level)).With(c.Figures);
    }

    public static IEnumerable<Dictionary<string, object?>> Trend(FigureTrend t) =>
        t.Buckets.Select(b => Row(("期间", b.Bucket)).With(b.Figures));

    public static IEnumerable<Dictionary<string, object?>> Modules(FigureModules m) =>
        m.Modules.Select(x => Row(("模块", x.Name), ("模块标识", x.ModuleKey)).With(x.Figures));

    public static IEnumerable<Dictionary<string, object?>> Compare(FigureComparison c)
    {
        var current = c.Current.Figures.Values();
        var other = c.Other.Figures.Values();
        for (var i = 0; i < FigureTotals.Names.Length; i++)
            yield return Row(("指标", FigureTotals.Titles[i]), ($"{c.Current.From}至{c.Current.To}", current[i]), ($"{c.Other.From}至{c.Other.To}", other[i]),
                ("变化", c.Change[FigureTotals.Names[i]]));
    }

    public static IEnumerable<Dictionary<string, object?>> Ranking(FigureRanking r) =>
        r.Rows.Select((x, i) => Row(("名次", r.Offset + i + 1), ("单位", x.Org.Name), ("层级", x.Org.Level)).With(x.Figures));

    public static IEnumerable<Dictionary<string, object?>> Heat(List<OrgFigures> rows) =>
        rows.Select(x => Row(("单位", x.Org.Name), ("层级", x.Org.Level)).With(x.Figures));

    private static Dictionary<string, object?> Row(params (string Title, object? Value)[] cells) => cells.ToDictionary(c => c.Title, c => c.Value);

    private static Dictionary<string, object?> With(this Dictionary<string, object?> row, FigureTotals figures)
    {
        var values = figures.Values();
        for (var i = 0; i < FigureTotals.Titles.Length; i++) row[FigureTotals.Titles[i]] = values[i];
        return row;
    }
}
