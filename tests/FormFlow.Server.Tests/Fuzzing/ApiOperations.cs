using System.Text.Json.Nodes;

namespace FormFlow.Server.Tests.Fuzzing;

/// <summary>One operation of the OpenAPI document: its method, path template, parameters and whether it takes a JSON body.</summary>
internal sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, bool TakesJson, bool TakesMultipart)
{
    public override string ToString() => $"{Method} {Path}";

    /// <summary>Every operation the server's document lists, in document order.</summary>
    public static List<ApiOperation> From(JsonObject document)
    {
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        foreach (var (method, operation) in item!.AsObject())
        {
            if (operation is not JsonObject op || method == "parameters") continue;
            var parameters = (op["parameters"]?.AsArray() ?? [])
                .Select(p => new ApiParameter((string)p!["name"]!, (string)p["in"]!, ParameterType(p["schema"])))
                .ToList();
            var content = op["requestBody"]?["content"]?.AsObject();
            operations.Add(new ApiOperation(method.ToUpperInvariant(), path, parameters,
                content?.ContainsKey("application/json") == true, content?.ContainsKey("multipart/form-data") == true));
        }
        return operations;
    }

    private static string ParameterType(JsonNode? schema)
    {
        var type = schema?["type"];
        return type switch
        {
            JsonValue v => (string)v!,
            JsonArray a => a.Select(t => (string?)t).FirstOrDefault(t => t != "null") ?? "string",
            _ => "string",
        };
    }
}

internal sealed record ApiParameter(string Name, string In, string Type);
