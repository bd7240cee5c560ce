using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Formats;
using FormFlow.Engine.Forms.Runtime;
using Json.Schema;

namespace FormFlow.Tests.Forms.Fuzzing;

/// <summary>The reference answer the schema fast path is compared with: a JsonSchema.Net flag evaluation.</summary>
internal static class JsonSchemaNet
{
    private static readonly EvaluationOptions Flag = new()
    {
        OutputFormat = OutputFormat.Flag,
        RequireFormatValidation = true,
        FormatRegistry = MainlandFormats.Registry,
    };

    /// <summary>
    /// JsonSchema.Net 8.0.5 throws FormatException from uniqueItems when an item is a number beyond decimal (1e400);
    /// such data is invalid anyway (the items must be strings), which is all a comparison needs.
    /// </summary>
    public static bool Accepts(CompiledForm form, JsonNode? data)
    {
        try
        {
            return form.RuntimeSchema.Evaluate(JsonSerializer.SerializeToElement(data), Flag).IsValid;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
