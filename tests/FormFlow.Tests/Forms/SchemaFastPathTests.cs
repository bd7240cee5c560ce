using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Formats;
using FormFlow.Engine.Forms.Loading;
using FormFlow.Engine.Forms.Runtime;
using FormFlow.Tests.Conformance;
using FormFlow.Tests.Forms.Fuzzing;
using Json.Schema;

namespace FormFlow.Tests.Forms;

/// <summary>
/// The compiled fast path must never accept what JsonSchema.Net rejects, and must accept what it accepts on
/// ordinary data (else the runtime would be slow for nothing). Checked on every form conformance vector, on the
/// runtime's normalized output, and on seeded random corruptions of that data.
/// </summary>
public class SchemaFastPathTests
{
    private static readonly EvaluationOptions Flag = new()
    {
        OutputFormat = OutputFormat.Flag,
        RequireFormatValidation = true,
        FormatRegistry = MainlandFormats.Registry,
    };

    public static IEnumerable<object[]> Suites() =>
        Directory.EnumerateFiles(ConformanceFiles.Folder("forms"), "*.json").Order().Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(Suites))]
    public void Agrees_with_JsonSchema_Net_on_the_conformance_data(string file)
    {
        var (form, vectors) = Read(file);
        Assert.NotNull(form.SchemaFastPath);
        foreach (var data in vectors)
        {
            var instance = JsonSerializer.SerializeToElement(data);
            var valid = form.RuntimeSchema.Evaluate(instance, Flag).IsValid;
            var certain = form.SchemaFastPath!.IsCertainlyValid(data);
            // The one deliberate gap: a number written with an exponent is left to JsonSchema.Net.
            Assert.True(valid == certain || valid && HasExponent(data), $"{file}: disagreement on {data.ToJsonString()}");
        }
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public void Never_accepts_a_random_corruption_that_JsonSchema_Net_rejects(string file)
    {
        var (form, vectors) = Read(file);
        var random = new Random(FixedSeed.For(file));
        var properties = form.RuntimeSchemaJson["properties"]!.AsObject();
        var rejected = 0;
        foreach (var original in vectors.Where(v => v is JsonObject).Cast<JsonObject>())
            for (var round = 0; round < 40; round++)
            {
                var data = (JsonObject)original.DeepClone();
                for (var edits = random.Next(1, 4); edits > 0; edits--) Corrupt(data, properties, random);
                var instance = JsonSerializer.SerializeToElement(data);
                var valid = JsonSchemaNet.Accepts(form, data);
                if (!valid) rejected++;
                Assert.False(!valid && form.SchemaFastPath!.IsCertainlyValid(data), $"{file}: fast path accepted {data.ToJsonString()}");
            }
        Assert.True(rejected > 0, $"{file}: no corruption was invalid, so nothing was tested");
    }

    [Fact]
    public void Leaves_values_it_cannot_read_like_JsonSchema_Net_to_JsonSchema_Net()
    {
        var form = new CompiledForm(FormDefinitionLoader.Load("""
            {"id": "f", "version": "1", "title": {"zh-CN": "f"}, "pages": [{"id": "p", "sections": [{"id": "s", "fields": [
              {"id": "r", "key": "r", "type": "rating", "label": {"zh-CN": "r"}}]}]}]}
            """));
        // 3.0 is a valid rating for JSON Schema; the fast path is not certain about it, so the caller asks JsonSchema.Net.
        var data = JsonNode.Parse("""{"r": 3.0}""");
        Assert.True(form.RuntimeSchema.Evaluate(JsonSerializer.SerializeToElement(data), Flag).IsValid);
        Assert.False(form.SchemaFastPath!.IsCertainlyValid(data));
        var result = new FormRuntime(form.Form).Process(JsonNode.Parse("""{"r": 3.0}"""));
        Assert.True(result.Valid);
    }

    [Theory]
    [InlineData("n", "100.000000000000000000000000001", "maximum")]
    [InlineData("n", "99.9999999999999999999999999999", null)]
    [InlineData("n", "-0.0000000000000000000000000000001", "minimum")]
    [InlineData("n", "0.0000000000000000000000000000001", null)]
    public void A_number_with_more_digits_than_decimal_holds_is_judged_exactly(string field, string number, string? keyword)
    {
        var runtime = new FormRuntime(FormDefinitionLoader.Load("""
            {"id": "f", "version": "1", "title": {"zh-CN": "f"}, "pages": [{"id": "p", "sections": [{"id": "s", "fields": [
              {"id": "n", "key": "n", "type": "number", "min": 0, "max": 100, "label": {"zh-CN": "n"}},
              {"id": "r", "key": "r", "type": "rating", "label": {"zh-CN": "r"}}]}]}]}
            """));
        var result = runtime.Process(JsonNode.Parse($$"""{"{{field}}": {{number}}}"""));
        Assert.Equal(keyword is null, result.Valid);
        if (keyword is not null) Assert.Contains(result.Errors, e => e.Path == "/" + field && e.Rule == keyword);
    }

    [Fact]
    public void Accepts_exactly_the_dates_JsonSchema_Net_accepts()
    {
        var form = new CompiledForm(FormDefinitionLoader.Load("""
            {"id": "f", "version": "1", "title": {"zh-CN": "f"}, "pages": [{"id": "p", "sections": [{"id": "s", "fields": [
              {"id": "d", "key": "d", "type": "date", "label": {"zh-CN": "d"}}]}]}]}
            """));
        var texts = new List<string> { "2025-1-01", "2025-01-01 ", "２０２５-01-01", "2025-13-01", "0000-01-01", "2023-02-29", "2025-01-01T00:00:00Z", "" };
        for (var day = new DateOnly(1, 1, 1); day < new DateOnly(9999, 11, 1); day = day.AddDays(day.Year is > 1990 and < 2040 ? 1 : 97))
            texts.Add(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        foreach (var text in texts)
        {
            var data = new JsonObject { ["d"] = text };
            Assert.True(form.RuntimeSchema.Evaluate(JsonSerializer.SerializeToElement(data), Flag).IsValid == form.SchemaFastPath!.IsCertainlyValid(data),
                $"disagreement on '{text}'");
        }
    }

    private static bool HasExponent(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(p => HasExponent(p.Value)),
        JsonArray a => a.Any(HasExponent),
        JsonValue v => v.GetValueKind() == JsonValueKind.Number && v.ToJsonString().Contains('e', StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static readonly Func<Random, JsonNode?>[] Values =
    [
        _ => "", _ => "x", _ => new string('字', 501), _ => string.Concat(Enumerable.Repeat("e\u0301", 500)),
        _ => string.Concat(Enumerable.Repeat("😀", 51)), _ => 0, _ => -1, r => r.Next(-100, 100000),
        _ => JsonNode.Parse("1.0"), _ => JsonNode.Parse("1e2"), _ => JsonNode.Parse("1.005"), _ => JsonNode.Parse("0.1"),
        _ => JsonNode.Parse("123456789012345678901234567890"), _ => JsonNode.Parse("1e400"), _ => true, _ => null,
        // Values built in code rather than parsed: their JSON text comes from the serializer.
        _ => 0.1, _ => 0.30000000000000004, _ => 6800.505, _ => 1e300, _ => 12.5m, _ => 12.345m, _ => 3L, _ => 2.0,
        _ => new JsonArray(), _ => new JsonArray("a", "a"), _ => new JsonArray(1), _ => new JsonObject(),
        _ => new JsonObject { ["id"] = "f1", ["name"] = "a.png", ["size"] = 10, ["contentType"] = "image/png" },
        _ => new JsonObject { ["id"] = "f1" }, _ => new JsonObject { ["id"] = "", ["name"] = "n", ["extra"] = 1 },
        _ => "2025-02-30", _ => "2025-01-31", _ => "2025-01-31T09:00:00+08:00", _ => "13800138000", _ => "12800138000",
        _ => "11010519491231002X", _ => "110105194912310021", _ => "110105", _ => "990105", _ => "zs@example.com", _ => "zs@",
    ];

    /// <summary>Sets a random property (or a field of a random group row, or an unknown key) to a random value.</summary>
    private static void Corrupt(JsonObject data, JsonObject properties, Random random)
    {
        var names = properties.Select(p => p.Key).ToList();
        if (random.Next(20) == 0)
        {
            data["unknown" + random.Next(3)] = 1;
            return;
        }
        var name = names[random.Next(names.Count)];
        var schema = properties[name]!.AsObject();
        if (data[name] is JsonArray rows && rows.Count > 0 && random.Next(2) == 0)
        {
            var index = random.Next(rows.Count);
            if (rows[index] is JsonObject row && schema["items"]?["properties"] is JsonObject rowProperties && rowProperties.Count > 0)
            {
                var child = rowProperties.ElementAt(random.Next(rowProperties.Count)).Key;
                row[child] = Pick(rowProperties[child]!.AsObject(), random);
            }
            else rows[index] = Values[random.Next(Values.Length)](random);
            return;
        }
        data[name] = Pick(schema, random);
    }

    /// <summary>Often one of the field's own options (a valid value), otherwise anything.</summary>
    private static JsonNode? Pick(JsonObject schema, Random random) =>
        schema["enum"] is JsonArray options && options.Count > 0 && random.Next(2) == 0
            ? options[random.Next(options.Count)]!.DeepClone()
            : Values[random.Next(Values.Length)](random);

    /// <summary>The compiled form and every data object of the suite: as submitted, and as the runtime normalized it.</summary>
    private static (CompiledForm Form, List<JsonNode> Data) Read(string file)
    {
        var suite = JsonNode.Parse(File.ReadAllText(Path.Combine(ConformanceFiles.Folder("forms"), file)))!.AsObject();
        var definition = FormDefinitionLoader.Load(suite["form"]);
        var runtime = new FormRuntime(definition);
        var data = new List<JsonNode>();
        foreach (var vector in suite["vectors"]!.AsArray())
        {
            if (vector!["data"] is not { } submitted) continue;
            data.Add(submitted.DeepClone());
            data.Add(runtime.Process(submitted.DeepClone()).Data);
        }
        return (new CompiledForm(definition), data);
    }
}
