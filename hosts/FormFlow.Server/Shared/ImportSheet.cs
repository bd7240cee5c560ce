using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;

namespace FormFlow.Server.Shared;

/// <summary>
/// The first sheet of an Excel workbook the caller uploaded (POST /api/files), read for an import: its header row
/// names the columns, each other row is one record. A file that is not the caller's, not a workbook or too long is
/// refused as a whole (field <c>fileId</c>) before any row is read.
/// </summary>
internal sealed record ImportSheet(List<IDictionary<string, object?>> Rows, List<string> Header)
{
    /// <summary>The sheet, or the reason it cannot be read.</summary>
    public static async Task<(ImportSheet? Sheet, string? Refusal)> ReadAsync(FormFlowDbContext db, Account owner, string fileId, int maxRows, CancellationToken ct)
    {
        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == fileId && f.OwnerAccountId == owner.Id, ct);
        if (file is null) return (null, $"no file '{fileId}' uploaded by you");
        List<IDictionary<string, object?>> rows;
        try
        {
            using var stream = new MemoryStream(file.Content);
            rows = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Take(maxRows + 1).ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return (null, $"the file is not a readable Excel workbook (.xlsx): {ex.Message}");
        }
        if (rows.Count > maxRows) return (null, $"the sheet has more than {maxRows} rows; split it");
        return (new ImportSheet(rows, rows.FirstOrDefault()?.Keys.ToList() ?? []), null);
    }

    /// <summary>The header of the column named by one of <paramref name="names"/> (any case, spaces trimmed), as the sheet writes it.</summary>
    public string? Column(params string[] names) =>
        Header.FirstOrDefault(h => names.Contains(h.Trim(), StringComparer.OrdinalIgnoreCase));

    /// <summary>A cell's text, trimmed; null when the column is absent or the cell blank.</summary>
    public static string? Cell(IDictionary<string, object?> row, string? column) =>
        column is not null && row.TryGetValue(column, out var value) && Text(value) is { Length: > 0 } text ? text : null;

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd"),
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e15 => ((long)n).ToString(),
        _ => value.ToString()?.Trim(),
    };
}

/// <param name="Row">The sheet's row number (the header is row 1).</param>
/// <param name="Column">The column's header as written in the sheet.</param>
internal sealed record ImportRowError(int Row, string Column, string Reason);

/// <param name="Rows">The rows read (blank rows left out).</param>
/// <param name="Created">The records written: 0 for a dry run or when any row has an error.</param>
/// <param name="Refusal">Why the file as a whole was refused (field, reason), before any row was read.</param>
internal sealed record ImportReport(bool DryRun, int Rows, int Created, List<ImportRowError> Errors, (string Field, string Reason)? Refusal)
{
    public static ImportReport Refused(string field, string reason) => new(false, 0, 0, [], (field, reason));

    /// <summary>
    /// The HTTP answer: a refused file is 422 naming the field; a real run with row errors is 422 with the errors
    /// (nothing written); a dry run is 200 with the errors; a real run without errors is 201.
    /// </summary>
    public Results<Ok<ImportView>, Created<ImportView>, ProblemHttpResult> ToResult(string location)
    {
        if (Refusal is { } refusal) return FieldProblem.Invalid(refusal.Field, refusal.Reason).ToResult();
        var view = new ImportView(DryRun, Rows, Created, Errors);
        if (Errors.Count > 0 && !DryRun)
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Rows with errors",
                detail: $"{Errors.Count} errors in the sheet; nothing was imported",
                extensions: new Dictionary<string, object?> { ["errors"] = Errors });
        return DryRun ? TypedResults.Ok(view) : TypedResults.Created(location, view);
    }
}

/// <summary>What an import did: rows read, records created, and every row error.</summary>
internal sealed record ImportView(bool DryRun, int Rows, int Created, List<ImportRowError> Errors);
