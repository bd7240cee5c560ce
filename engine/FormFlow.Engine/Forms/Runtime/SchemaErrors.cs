using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Formats;
using Json.Schema;

namespace FormFlow.Engine.Forms.Runtime;

/// <summary>Validates data with JsonSchema.Net and turns its output into errors with path, keyword and a localized message.</summary>
internal static class SchemaErrors
{
    // Valid data is the common case: the compiled fast path (or, for a schema it cannot compile, a flag evaluation)
    // answers it; only data it is not certain about is evaluated by JsonSchema.Net for details.
    private static readonly EvaluationOptions Flag = Options(OutputFormat.Flag);
    private static readonly EvaluationOptions List = Options(OutputFormat.List);

    private static EvaluationOptions Options(OutputFormat format) => new()
    {
        OutputFormat = format,
        RequireFormatValidation = true,
        FormatRegistry = MainlandFormats.Registry,
    };

    public static List<FormError> Validate(CompiledForm form, JsonObject data, string locale)
    {
        var errors = new List<FormError>();
        if (form.SchemaFastPath?.IsCertainlyValid(data) == true) return errors;
        var instance = JsonSerializer.SerializeToElement(data);
        if (form.SchemaFastPath is null && form.RuntimeSchema.Evaluate(instance, Flag).IsValid) return errors;
        var results = form.RuntimeSchema.Evaluate(instance, List);
        foreach (var detail in results.Details ?? [])
        {
            if (detail.Errors is null) continue;
            var schemaNode = Resolve(form.RuntimeSchemaJson, detail.EvaluationPath.ToString());
            foreach (var (keyword, _) in detail.Errors)
            {
                var argument = schemaNode?[keyword];
                var messageKey = keyword == "format" ? "format:" + argument : keyword;
                errors.Add(new FormError(detail.InstanceLocation.ToString(), keyword, FormMessages.Get(messageKey, locale, argument)));
            }
        }
        return errors;
    }

    /// <summary>
    /// The runtime schema has no $ref, so an evaluation path is also a pointer into the schema JSON, except that
    /// JsonSchema.Net 8 writes "items" twice (/properties/a/items/items/...): a repeated "items" stays in place.
    /// </summary>
    private static JsonObject? Resolve(JsonObject schema, string pointer)
    {
        JsonNode? node = schema;
        var previous = "";
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/").Replace("~0", "~");
            var next = node is JsonObject o ? o[segment] : null;
            if (next is null && segment == "items" && previous == "items") continue;
            node = next;
            previous = segment;
        }
        return node as JsonObject;
    }
}
