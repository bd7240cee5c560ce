namespace FormFlow.Engine.Forms.Definitions;

/// <summary>Where a field sits: its JSON Pointer in the definition and the repeating group around it, if any.</summary>
internal sealed record FieldPlace(FieldDefinition Field, string DefinitionPath, FieldDefinition? Group)
{
    /// <summary>Every field of the form in document order, with its place (group children follow their group).</summary>
    public static IEnumerable<FieldPlace> All(FormDefinition form)
    {
        for (var p = 0; p < form.Pages.Count; p++)
            for (var s = 0; s < form.Pages[p].Sections.Count; s++)
            {
                var fields = form.Pages[p].Sections[s].Fields;
                for (var f = 0; f < fields.Count; f++)
                    foreach (var place in Walk(fields[f], $"/pages/{p}/sections/{s}/fields/{f}", null))
                        yield return place;
            }
    }

    private static IEnumerable<FieldPlace> Walk(FieldDefinition field, string path, FieldDefinition? group)
    {
        yield return new FieldPlace(field, path, group);
        var children = field.Fields ?? [];
        for (var i = 0; i < children.Count; i++)
            foreach (var place in Walk(children[i], $"{path}/fields/{i}", field))
                yield return place;
    }
}
