using System.Text;
using System.Text.Json.Nodes;

namespace FormFlow.Server.Tests.Fuzzing;

/// <summary>A request the fuzzer sends, with what it breaks, so that a finding names how to replay it.</summary>
internal sealed record BadRequest(string What, string Method, string Url, byte[]? Body, string? ContentType)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Url);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        return message;
    }

    public override string ToString() => $"{Method} {Url} [{What}]";
}

/// <summary>
/// Malformed inputs for one operation, drawn from a seeded generator so that a run replays exactly: bad path and query
/// values, broken and hostile JSON (lone surrogates, huge and over-precise numbers, deep nesting, wrong types, invalid
/// UTF-8), and the wrong content type. Property names come from the operation's request schema.
/// </summary>
internal sealed class BadRequests(JsonObject document, Random random)
{
    private static readonly string[] BadIntegers = ["-1", "0", "2147483648", "99999999999999999999", "abc", "1.5", "1e3", "%00", "%F0%9F%98%80", "%ED%A0%80"];
    private static readonly string[] BadStrings = ["%ED%A0%80", "..%2F..%2Fetc", "%00", "%F0%9F%98%80", new string('x', 3000), "%E2%80%AE", "null", "-1"];

    /// <summary>Hostile JSON values put in place of one property at a time.</summary>
    private static readonly string[] BadValues =
    [
        "\"\\ud800\"", "\"a\\udc00b\"", "\"\\ud800\\ud800\"", "1e400", "-1e400", "100.0000000000000000000000000000001",
        "123456789012345678901234567890", "null", "true", "{}", "[]", "\"\"", "\"\\u0000\"", "-0", "[[[[[[[[[[]]]]]]]]]]",
        "{\"$ref\":\"#\"}", "\"<script>alert(1)</script>\"",
    ];

    public List<BadRequest> For(ApiOperation operation, int count)
    {
        var all = new List<BadRequest>();
        var url = Url(operation, null, null);
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
            foreach (var bad in parameter.Type is "integer" or "number" ? BadIntegers : BadStrings)
                all.Add(new($"path {parameter.Name}={Short(bad)}", operation.Method, Url(operation, parameter, bad), JsonBodyOrNull(operation, "{}"), Json(operation)));
        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
            foreach (var bad in BadStrings.Concat(BadIntegers).Distinct())
                all.Add(new($"query {parameter.Name}={Short(bad)}", operation.Method, $"{url}{(url.Contains('?') ? '&' : '?')}{parameter.Name}={bad}",
                    JsonBodyOrNull(operation, "{}"), Json(operation)));
        if (operation.TakesJson) all.AddRange(BadBodies(operation, url));
        if (operation.TakesMultipart)
        {
            all.Add(new("multipart without a boundary", operation.Method, url, Encoding.UTF8.GetBytes("--x\r\n\r\n"), "multipart/form-data"));
            all.Add(new("multipart, truncated", operation.Method, url, Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"), "multipart/form-data; boundary=b"));
        }
        if (all.Count == 0) all.Add(new("no input: repeated as is", operation.Method, url, null, null));
        return all.OrderBy(_ => random.Next()).Take(count).ToList();
    }

    private IEnumerable<BadRequest> BadBodies(ApiOperation operation, string url)
    {
        BadRequest Body(string what, string text, string contentType = "application/json") =>
            new(what, operation.Method, url, Encoding.UTF8.GetBytes(text), contentType);
        yield return Body("truncated JSON", "{\"a\":");
        yield return Body("an array", "[]");
        yield return Body("a string", "\"text\"");
        yield return Body("null", "null");
        yield return Body("a number", "42");
        yield return Body("an empty body", "");
        yield return Body("nested 5000 deep", new string('[', 5000) + new string(']', 5000));
        yield return Body("text/plain", "{}", "text/plain");
        yield return Body("a lone surrogate at the top", "{\"x\":\"\\ud800\"}");
        yield return new("invalid UTF-8", operation.Method, url, [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'], "application/json");
        var properties = Properties(operation);
        foreach (var property in properties)
            foreach (var value in BadValues)
                yield return Body($"{property}={Short(value)}", Object(properties, property, value));
        // The form data of a submission, draft or task: a lone surrogate in a field the join form has.
        if (properties.Contains("data"))
            foreach (var value in BadValues.Take(6))
                yield return Body($"data.contactName={Short(value)}", $"{{\"data\":{{\"contactName\":{value},\"contactMobile\":\"13800138000\"}}}}");
        yield return Body("random unicode strings", Object(properties, properties.FirstOrDefault() ?? "x", RandomString()));
    }

    /// <summary>A body with every property plausible but one.</summary>
    private static string Object(IReadOnlyList<string> properties, string bad, string value) =>
        "{" + string.Join(",", properties.DefaultIfEmpty(bad).Select(p => $"\"{p}\":{(p == bad ? value : "\"x\"")}")) + "}";

    private List<string> Properties(ApiOperation operation)
    {
        var path = document["paths"]![operation.Path]![operation.Method.ToLowerInvariant()]!;
        var schema = path["requestBody"]?["content"]?["application/json"]?["schema"];
        if (schema?["$ref"] is JsonValue reference)
            schema = document["components"]?["schemas"]?[((string)reference!).Split('/')[^1]];
        return schema?["properties"]?.AsObject().Select(p => p.Key).ToList() ?? [];
    }

    private string RandomString()
    {
        var builder = new StringBuilder("\"");
        for (var i = 0; i < 40; i++)
        {
            var unit = random.Next(6) switch
            {
                0 => (char)random.Next(0xD800, 0xE000),   // a surrogate, paired only by chance
                1 => (char)random.Next(0, 0x20),          // a control character
                2 => (char)random.Next(0x4E00, 0x9FFF),   // CJK
                _ => (char)random.Next(0x20, 0x7F),
            };
            builder.Append(unit switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' or (>= (char)0xD800 and < (char)0xE000) => $"\\u{(int)unit:x4}",
                _ => unit.ToString(),
            });
        }
        return builder.Append('"').ToString();
    }

    private static string Url(ApiOperation operation, ApiParameter? bad, string? badValue)
    {
        var url = operation.Path;
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
            url = url.Replace($"{{{parameter.Name}}}", parameter == bad ? badValue! : parameter.Type is "integer" or "number" ? "1" : "join");
        return url;
    }

    private static byte[]? JsonBodyOrNull(ApiOperation operation, string text) => operation.TakesJson ? Encoding.UTF8.GetBytes(text) : null;

    private static string? Json(ApiOperation operation) => operation.TakesJson ? "application/json" : null;

    private static string Short(string text) => text.Length > 24 ? text[..24] + "…" : text;
}
