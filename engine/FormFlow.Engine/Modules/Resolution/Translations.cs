using System.Text.Json.Nodes;
using FormFlow.Engine.Modules.Elements;
using FormFlow.Engine.Workflows.Activities;

namespace FormFlow.Engine.Modules.Resolution;

/// <summary>
/// A package's translations file, `{locale: {elementId: {property: text}}}`, fills the localized texts of its
/// elements (e.g. `{"en": {"rating": {"label": "How satisfied are you?"}}}` sets `label.en` of field `rating`;
/// `{"en": {"welcome": {"title": "..."}}}` sets `inputs.title.en` of the notify step `welcome`).
/// Translators work on one file per module instead of editing every definition; the resolved snapshot carries the
/// texts in place and no separate translations.
/// </summary>
internal static class Translations
{
    public static readonly IReadOnlyList<string> Locales = ["zh-CN", "zh-TW", "en"];

    /// <summary>What is wrong with the module's translations: unknown locale, element or property, a text that is not a string.</summary>
    public static IEnumerable<ModuleProblem> Check(JsonObject module, ElementIndex index)
    {
        if (module["translations"] is not JsonObject translations) yield break;
        foreach (var (locale, byElement) in translations)
        {
            var at = $"/translations/{Pointer.Escape(locale)}";
            if (!Locales.Contains(locale))
                yield return new(null, at, $"translations for locale '{locale}': the locales are {string.Join(", ", Locales)}");
            if (byElement is not JsonObject elements)
            {
                yield return new(null, at, $"translations for '{locale}' must be an object of element IDs");
                continue;
            }
            foreach (var (id, texts) in elements)
            {
                var path = $"{at}/{Pointer.Escape(id)}";
                if (index.Find(id) is not { } entry)
                {
                    yield return new(id, path, $"translation for element '{id}', which the module does not have");
                    continue;
                }
                foreach (var (property, text) in texts as JsonObject ?? [])
                    if (JsonText.Of(text) is null)
                        yield return new(id, $"{path}/{Pointer.Escape(property)}", $"translation of '{id}' {property} must be a string");
                    else if (Localized(entry.Node, property) is not { } localized || localized["zh-CN"] is null)
                        yield return new(id, $"{path}/{Pointer.Escape(property)}", $"element '{id}' has no localized text '{property}' to translate");
                if (texts is not JsonObject)
                    yield return new(id, path, $"translations of '{id}' must be an object of property → text");
            }
        }
    }

    /// <summary>A copy of the module with each translation written into its element, without `translations`.</summary>
    public static JsonObject Merged(JsonObject module)
    {
        var copy = module.DeepClone().AsObject();
        if (copy["translations"] is not JsonObject translations) return copy;
        copy.Remove("translations");
        var index = ElementIndex.Build(copy);
        foreach (var (locale, byElement) in translations)
            foreach (var (id, texts) in byElement?.AsObject() ?? [])
                foreach (var (property, text) in texts?.AsObject() ?? [])
                    if (index.Find(id)?.Node is { } node && Localized(node, property) is { } localized)
                        localized[locale] = text?.DeepClone();
        return copy;
    }

    /// <summary>An element's localized text: a property of its own (a field's label) or one of its inputs (a notify step's title).</summary>
    private static JsonObject? Localized(JsonNode node, string property) =>
        node[property] as JsonObject ?? node["inputs"]?[property] as JsonObject;
}
