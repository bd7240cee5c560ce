using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Definitions;
using FormFlow.Persistence;
using FormFlow.Persistence.Files;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Privacy;

/// <summary>
/// File names at rest. People name files after themselves (李晓红身份证.jpg), so a name is personal whatever field
/// holds the file: an uploaded file's <see cref="StoredFile.Name"/> is sealed as it is added (by
/// <see cref="CaseSealing"/>, on every save), and so is the name in each file reference of a case's data (and its
/// copies in the instance). Readers open them: <see cref="PiiProtector.OpenText"/> for the column, and the case
/// loader's <see cref="PiiProtector.OpenAll"/> for form data. Files stored in plain text before stay readable.
/// </summary>
internal static class FileNameSealing
{
    public static void Seal(FormFlowDbContext db, PiiProtector pii)
    {
        foreach (var entry in db.ChangeTracker.Entries<StoredFile>().Where(e => e.State == EntityState.Added))
            entry.Entity.Name = pii.SealText(entry.Entity.Name);
    }

    public static bool HasFileFields(FormDefinition form) => form.DataFields().Any(f => IsFile(f) || (f.IsGroup && (f.Fields ?? []).Any(IsFile)));

    /// <summary>
    /// A copy of <paramref name="data"/> with the name of every file reference sealed (top-level fields and groups'
    /// rows); <paramref name="data"/> itself when the form has no file field, since every case save passes here.
    /// </summary>
    public static JsonObject SealNames(PiiProtector pii, FormDefinition form, JsonObject data)
    {
        if (!HasFileFields(form)) return data;
        var copy = data.DeepClone().AsObject();
        foreach (var field in form.DataFields())
        {
            if (field.Key is null || copy[field.Key] is not { } value) continue;
            if (IsFile(field)) SealReferences(pii, value);
            else if (field.IsGroup && value is JsonArray rows)
                foreach (var row in rows.OfType<JsonObject>())
                    foreach (var child in (field.Fields ?? []).Where(c => IsFile(c) && c.Key is not null))
                        if (row[child.Key!] is { } childValue) SealReferences(pii, childValue);
        }
        return copy;
    }

    private static bool IsFile(FieldDefinition field) => field.Type is FieldTypes.File or FieldTypes.Image or FieldTypes.Signature;

    /// <summary>One reference or a list of them (a field with <c>multiple</c>).</summary>
    private static void SealReferences(PiiProtector pii, JsonNode value)
    {
        foreach (var reference in (value is JsonArray list ? list.ToArray() : [value]).OfType<JsonObject>())
            if (reference["name"] is JsonValue name && name.TryGetValue<string>(out _))
                reference["name"] = pii.Encrypt(name);
    }
}
