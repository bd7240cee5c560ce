using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FormFlow.Engine.Workflows.Definitions;

/// <summary>
/// An activity input: either a literal JSON value or a JavaScript expression evaluated when the activity runs.
/// In JSON an expression is written <c>{"expression": "variables.amount > 100"}</c>; anything else is a literal.
/// </summary>
[JsonConverter(typeof(InputValueConverter))]
public sealed record InputValue
{
    private InputValue(JsonNode? literal, string? expression)
    {
        Literal = literal;
        Expression = expression;
    }

    /// <summary>The literal value (null for an expression, or for a literal JSON null).</summary>
    public JsonNode? Literal { get; }

    /// <summary>The expression source, or null for a literal.</summary>
    public string? Expression { get; }

    public bool IsExpression => Expression is not null;

    public static InputValue Of(JsonNode? literal) => new(literal, null);

    public static InputValue Code(string expression) => new(null, expression);

    /// <summary>Reads the definition form: an object whose only member is a string "expression" is an expression.</summary>
    public static InputValue FromNode(JsonNode? node) =>
        node is JsonObject { Count: 1 } obj && obj["expression"] is JsonValue v && v.TryGetValue<string>(out var code)
            ? Code(code)
            : Of(node?.DeepClone());

    public JsonNode? ToNode() => IsExpression ? new JsonObject { ["expression"] = Expression } : Literal?.DeepClone();
}

internal sealed class InputValueConverter : JsonConverter<InputValue>
{
    public override bool HandleNull => true;

    public override InputValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        InputValue.FromNode(JsonNode.Parse(ref reader));

    public override void Write(Utf8JsonWriter writer, InputValue value, JsonSerializerOptions options)
    {
        var node = value.ToNode();
        if (node is null) writer.WriteNullValue();
        else node.WriteTo(writer, options);
    }
}
