using System.Text.Json.Nodes;
using FormFlow.Engine.Modules.Elements;

namespace FormFlow.Engine.Modules.Resolution;

/// <summary>
/// Settings drive properties elsewhere in the module (`appliesTo`): an activity input (`{activity, input}`) or any
/// property of an element (`{element, path}`, e.g. a field's `/max`). The resolved module carries each setting's
/// value there, so a value is changed in one place and checked against its bounds.
/// </summary>
internal static class SettingBindings
{
    /// <summary>A copy of the module with every bound property set from its setting.</summary>
    public static JsonObject Applied(JsonObject module)
    {
        var copy = module.DeepClone().AsObject();
        var index = ElementIndex.Build(copy);
        foreach (var (name, element, path) in Bindings(copy))
            // A binding to a missing element, or a path that names no place, is reported by the soundness check.
            if (index.Find(element) is { } entry && Problem(entry, path) is null)
                Pointer.Set(entry.Node, path, copy["settings"]![name]!["value"]?.DeepClone());
        return copy;
    }

    /// <summary>The setting that drives a property of an element (or something under it), if any.</summary>
    public static string? BoundSetting(JsonObject module, string elementId, string pointer) =>
        Bindings(module).FirstOrDefault(b => b.Element == elementId && Pointer.Overlaps(pointer, b.Path)).Setting;

    /// <summary>Each binding as (setting, element, pointer): an activity input is the pointer /inputs/{input}.</summary>
    public static IEnumerable<(string Setting, string Element, string Path)> Bindings(JsonObject module)
    {
        if (module["settings"] is not JsonObject settings) yield break;
        foreach (var (name, setting) in settings)
            foreach (var target in setting?["appliesTo"]?.AsArray() ?? [])
                yield return target!["activity"] is { } activity
                    ? (name, (string)activity!, $"/inputs/{Pointer.Escape((string)target["input"]!)}")
                    : (name, (string)target["element"]!, (string)target["path"]!);
    }

    /// <summary>A setting may drive a property, not an element's identity, its children or another setting.</summary>
    public static string? Problem(ElementEntry entry, string path)
    {
        if (Pointer.Segments(path).Length == 0 || !path.StartsWith('/')) return "the path names no property";
        if (entry.Kind == ElementKind.Setting) return "a setting cannot drive another setting";
        var property = Pointer.Property(path);
        if (property == "id") return "an element's id cannot come from a setting";
        if (ElementKinds.Children(entry.Kind) is var (container, _) && property == container) return "it holds child elements";
        return null;
    }
}
