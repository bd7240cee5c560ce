using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Definitions;

namespace FormFlow.Engine.Forms.Runtime;

/// <summary>Where one field's value lives in the data (a top-level field, or a field of one group row) and its previous counterpart.</summary>
internal readonly record struct FieldSlot(JsonObject Container, JsonObject? Previous, FieldDefinition Field, FieldDefinition? Group, string Path)
{
    /// <summary>
    /// Visits every field slot in document order: each top-level field, then for a group holding an array, each object
    /// row's fields with the previous row at the same index. A visit returning true skips that group's rows.
    /// </summary>
    public static void VisitAll(IReadOnlyList<FieldDefinition> topFields, JsonObject data, JsonObject previous, Func<FieldSlot, bool> visit)
    {
        foreach (var field in topFields)
        {
            if (visit(new FieldSlot(data, previous, field, null, "/" + field.Key))) continue;
            if (!field.IsGroup || data[field.Key!] is not JsonArray rows) continue;
            var previousRows = previous[field.Key!] as JsonArray;
            for (var i = 0; i < rows.Count; i++)
                if (rows[i] is JsonObject row)
                    foreach (var child in (field.Fields ?? []).Where(c => c.HasData))
                        visit(new FieldSlot(row, previousRows?.ElementAtOrDefault(i) as JsonObject, child, field, $"/{field.Key}/{i}/{child.Key}"));
        }
    }

    public bool Remove() => Container.Remove(Field.Key!);

    /// <summary>Puts back the previous value, or leaves the field absent when there is none.</summary>
    public bool RestorePrevious()
    {
        Container.Remove(Field.Key!);
        if (Previous?[Field.Key!] is { } kept) Container[Field.Key!] = kept.DeepClone();
        return true;
    }
}
