using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Definitions;
using FormFlow.Engine.Forms.Formats;
using Json.Schema;

namespace FormFlow.Engine.Forms.Schema;

/// <summary>
/// Compiles a form definition to the JSON Schema (draft 2020-12) of its data: what API clients get and what
/// the server validates with. Display-only content has no data; a quiz's correct answer never appears.
/// </summary>
public static class FormSchemaCompiler
{
    public const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>Default maxLength when a definition gives none, so that no field accepts unbounded text.</summary>
    public const int TextMaxLength = 500, TextareaMaxLength = 5000, EmailMaxLength = 254, OrgMaxLength = 64;

    /// <summary>The data contract: JSON Schema built by JsonSchema.Net (formats from <see cref="MainlandFormats"/>).</summary>
    public static JsonSchema Compile(FormDefinition form) => Build(ToJson(form));

    /// <summary>The data contract as JSON, e.g. to publish or print.</summary>
    public static JsonObject ToJson(FormDefinition form) => Root(form, forRuntime: false);

    /// <summary>
    /// The schema the runtime validates with: the contract without field-level "required" (the runtime decides
    /// requiredness from rules, permissions and mode) and without "pattern" (run with a non-backtracking regex).
    /// </summary>
    internal static JsonObject ToRuntimeJson(FormDefinition form) => Root(form, forRuntime: true);

    internal static JsonSchema Build(JsonObject schema) =>
        JsonSchema.Build(JsonSerializer.SerializeToElement(schema), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static JsonObject Root(FormDefinition form, bool forRuntime)
    {
        var always = AlwaysVisible(form);
        var root = new JsonObject
        {
            ["$schema"] = Draft202012,
            ["$id"] = $"urn:formflow:form:{form.Id}:{Uri.EscapeDataString(form.Version)}",
            ["title"] = form.Title.Get(LocalizedText.DefaultLocale),
        };
        var fields = form.Pages.SelectMany(p => p.Sections).SelectMany(s => s.Fields).Where(f => f.HasData).ToList();
        AddObject(root, fields, forRuntime ? null : f => always.Contains(f));
        return root;
    }

    /// <summary>Top-level fields on pages and in sections without visibleIf; only these can be statically required.</summary>
    private static HashSet<FieldDefinition> AlwaysVisible(FormDefinition form) =>
        form.Pages.Where(p => p.VisibleIf is null).SelectMany(p => p.Sections).Where(s => s.VisibleIf is null)
            .SelectMany(s => s.Fields).ToHashSet(ReferenceEqualityComparer.Instance as IEqualityComparer<FieldDefinition>);

    private static void AddObject(JsonObject target, IReadOnlyList<FieldDefinition> fields, Func<FieldDefinition, bool>? inRequiredScope)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var field in fields.Where(f => f.HasData))
        {
            properties[field.Key!] = Field(field, inRequiredScope is not null);
            if (inRequiredScope is not null && inRequiredScope(field) && IsStaticallyRequired(field)) required.Add(field.Key);
        }
        target["type"] = "object";
        target["properties"] = properties;
        if (required.Count > 0) target["required"] = required;
        target["additionalProperties"] = false;
    }

    private static bool IsStaticallyRequired(FieldDefinition f) =>
        f.Required && f.VisibleIf is null && f.ReadOnlyIf is null && f.Calculate is null;

    private static JsonObject Field(FieldDefinition f, bool contract)
    {
        var schema = new JsonObject();
        if (contract)
        {
            // Annotations are for API clients; the runtime's copy leaves them out, as JsonSchema.Net collects them.
            schema["title"] = f.Label?.Get(LocalizedText.DefaultLocale);
            if (f.Help is not null) schema["description"] = f.Help.Get(LocalizedText.DefaultLocale);
            if (f.Calculate is not null) schema["readOnly"] = true;
        }
        switch (f.Type)
        {
            case FieldTypes.Text or FieldTypes.Textarea:
                schema["type"] = "string";
                if (f.MinLength is { } minLength) schema["minLength"] = minLength;
                schema["maxLength"] = f.MaxLength ?? (f.Type == FieldTypes.Text ? TextMaxLength : TextareaMaxLength);
                if (f.Pattern is not null && contract) schema["pattern"] = f.Pattern;
                break;
            case FieldTypes.Number:
                schema["type"] = "number";
                Bounds(schema, f);
                break;
            case FieldTypes.Money:
                schema["type"] = "number";
                schema["multipleOf"] = 0.01m;
                Bounds(schema, f);
                break;
            case FieldTypes.Rating:
                schema["type"] = "integer";
                schema["minimum"] = 1;
                schema["maximum"] = f.Scale ?? 5;
                break;
            case FieldTypes.Date: schema["type"] = "string"; schema["format"] = "date"; break;
            case FieldTypes.DateTime: schema["type"] = "string"; schema["format"] = "date-time"; break;
            case FieldTypes.Boolean: schema["type"] = "boolean"; break;
            case FieldTypes.Region: schema["type"] = "string"; schema["format"] = MainlandFormats.Region; break;
            case FieldTypes.Mobile: schema["type"] = "string"; schema["format"] = MainlandFormats.Mobile; break;
            case FieldTypes.ResidentId: schema["type"] = "string"; schema["format"] = MainlandFormats.ResidentId; break;
            case FieldTypes.Email:
                schema["type"] = "string";
                schema["format"] = "email";
                schema["maxLength"] = f.MaxLength ?? EmailMaxLength;
                break;
            case FieldTypes.Org:
                schema["type"] = "string";
                schema["minLength"] = 1;
                schema["maxLength"] = OrgMaxLength;
                break;
            case FieldTypes.Choice:
                schema["type"] = "string";
                schema["enum"] = OptionValues(f);
                break;
            case FieldTypes.MultiChoice:
                List(schema, f, new JsonObject { ["type"] = "string", ["enum"] = OptionValues(f) }, unique: true);
                break;
            case FieldTypes.Quiz when f.Multiple:
                List(schema, f, new JsonObject { ["type"] = "string", ["enum"] = OptionValues(f) }, unique: true);
                break;
            case FieldTypes.Quiz:
                schema["type"] = "string";
                schema["enum"] = OptionValues(f);
                break;
            case FieldTypes.File or FieldTypes.Image or FieldTypes.Signature when f.Multiple:
                List(schema, f, FileReference.Schema(f), unique: false);
                break;
            case FieldTypes.File or FieldTypes.Image or FieldTypes.Signature:
                foreach (var (name, value) in FileReference.Schema(f)) schema[name] = value?.DeepClone();
                break;
            case FieldTypes.Group:
                var items = new JsonObject();
                AddObject(items, f.Fields ?? [], contract ? _ => true : null);
                List(schema, f, items, unique: false);
                break;
            default:
                throw new InvalidOperationException($"field '{f.Id}': type '{f.Type}' has no schema");
        }
        return schema;
    }

    private static void Bounds(JsonObject schema, FieldDefinition f)
    {
        if (f.Min is { } min) schema["minimum"] = min;
        if (f.Max is { } max) schema["maximum"] = max;
    }

    private static void List(JsonObject schema, FieldDefinition f, JsonObject items, bool unique)
    {
        schema["type"] = "array";
        schema["items"] = items;
        if (unique) schema["uniqueItems"] = true;
        if (f.MinItems is { } minItems) schema["minItems"] = minItems;
        if (f.MaxItems is { } maxItems) schema["maxItems"] = maxItems;
    }

    private static JsonArray OptionValues(FieldDefinition f) => new([.. (f.Options ?? []).Select(o => (JsonNode?)o.Value)]);
}
