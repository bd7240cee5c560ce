using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Definitions;
using FormFlow.Engine.Forms.Runtime;
using FormFlow.Persistence;
using FormFlow.Server.Privacy;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Files;

/// <summary>
/// The file references in form data (file, image and signature fields, also inside repeating groups). Before data is
/// stored, every reference must name an uploaded file that the submitter uploaded (or that the data already held), and
/// its name, size and type are taken from the stored file, not from what the client wrote.
/// </summary>
internal static class FileReferences
{
    public const string Rule = "fileReference";

    /// <summary>Checks and rewrites the references in <paramref name="data"/> in place; returns one error per bad reference.</summary>
    public static async Task<IReadOnlyList<FormError>> ResolveAsync(
        FormFlowDbContext db, PiiProtector pii, string submitterAccountId, FormDefinition form, JsonObject data, JsonObject? previousData, CancellationToken ct)
    {
        var references = In(form.DataFields(), data, "").ToList();
        if (references.Count == 0) return [];
        var known = previousData is null ? [] : In(form.DataFields(), previousData, "").Select(r => r.Id).ToHashSet();
        var ids = references.Select(r => r.Id).Distinct().ToList();
        var files = await db.Files.AsNoTracking().Where(f => ids.Contains(f.Id))
            .Select(f => new { f.Id, f.OwnerAccountId, f.Name, f.Size, f.ContentType }).ToDictionaryAsync(f => f.Id, ct);

        var problems = new List<FormError>();
        foreach (var (path, id, reference) in references)
        {
            if (!files.TryGetValue(id, out var file) || (file.OwnerAccountId != submitterAccountId && !known.Contains(id)))
            {
                problems.Add(new FormError(path, Rule, $"file {id} was not uploaded by you (POST /api/files first)"));
                continue;
            }
            reference["name"] = pii.OpenText(file.Name); // sealed at rest (Privacy/FileNameSealing)
            reference["size"] = file.Size;
            reference["contentType"] = file.ContentType;
        }
        return problems;
    }

    private static IEnumerable<(string Path, string Id, JsonObject Reference)> In(IEnumerable<FieldDefinition> fields, JsonObject data, string prefix)
    {
        foreach (var field in fields)
        {
            if (field.Key is null || data[field.Key] is not { } value) continue;
            var path = $"{prefix}/{field.Key}";
            if (field.IsGroup && value is JsonArray rows)
            {
                for (var i = 0; i < rows.Count; i++)
                    if (rows[i] is JsonObject row)
                        foreach (var inner in In(field.Fields ?? [], row, $"{path}/{i}")) yield return inner;
            }
            else if (field.Type is FieldTypes.File or FieldTypes.Image or FieldTypes.Signature)
            {
                var items = value is JsonArray list ? list.Select((v, i) => (v, $"{path}/{i}")) : [(value, path)];
                foreach (var (item, itemPath) in items)
                    if (item is JsonObject reference && reference["id"] is JsonValue id && id.TryGetValue<string>(out var text))
                        yield return (itemPath, text, reference);
            }
        }
    }
}
