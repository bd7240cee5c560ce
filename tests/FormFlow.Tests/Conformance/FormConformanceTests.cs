using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions;
using FormFlow.Engine.Forms.Loading;
using FormFlow.Engine.Forms.Runtime;

namespace FormFlow.Tests.Conformance;

/// <summary>Runs every vector in tests/conformance/forms (format: tests/conformance/README.md).</summary>
public class FormConformanceTests
{
    private static string Folder => ConformanceFiles.Folder("forms");

    public static IEnumerable<object[]> Vectors() =>
        Directory.EnumerateFiles(Folder, "*.json").Order()
            .SelectMany(file => ReadFile(file)["vectors"]!.AsArray().Select((v, i) => new object[] { Path.GetFileName(file), i, (string)v!["name"]! }));

    [Fact]
    public void The_corpus_has_at_least_80_vectors() => Assert.True(Vectors().Count() >= 80, $"only {Vectors().Count()} vectors");

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector(string file, int index, string name)
    {
        var suite = ReadFile(Path.Combine(Folder, file));
        var vector = suite["vectors"]![index]!.AsObject();
        var form = FormDefinitionLoader.Load(suite["form"]);
        var today = DateOnly.Parse((string?)vector["today"] ?? (string?)suite["today"] ?? "2026-11-26");
        var runtime = new FormRuntime(form, new ExpressionEngine(new ExpressionOptions { Clock = new FixedDateClock(today) }));
        var result = runtime.Process(vector["data"]?.DeepClone(), new FormProcessOptions
        {
            Mode = (string?)vector["mode"] == "draft" ? FormMode.Draft : FormMode.Submit,
            Locale = (string?)vector["locale"] ?? "zh-CN",
            Permissions = vector["permissions"]?.AsObject().ToDictionary(p => p.Key, p => Enum.Parse<FieldAccess>((string)p.Value!, ignoreCase: true)),
            PreviousData = vector["previousData"]?.DeepClone().AsObject(),
        });
        var expect = vector["expect"]!.AsObject();
        var context = $"{file} #{index} '{name}': errors were {JsonSerializer.Serialize(result.Errors)}";

        Assert.True((bool)expect["valid"]! == result.Valid, $"{context}; expected valid={expect["valid"]}");
        if (expect["errors"] is JsonArray errors)
        {
            var expected = errors.Select(e => $"{e!["path"]} {e["rule"]}").Order().ToList();
            var actual = result.Errors.Select(e => $"{e.Path} {e.Rule}").Order().ToList();
            Assert.True(expected.SequenceEqual(actual), $"{context}; expected [{string.Join(", ", expected)}]");
            foreach (var e in errors.Where(e => e!["message"] is not null))
                Assert.Contains(result.Errors, a => a.Path == (string)e!["path"]! && a.Rule == (string)e["rule"]! && a.Message == (string)e["message"]!);
        }
        if (expect["data"] is { } data)
            Assert.True(data.ToJsonString() == result.Data.ToJsonString(), $"{context}; data was {result.Data.ToJsonString()}");
        foreach (var (path, state) in expect["fields"]?.AsObject() ?? [])
        {
            Assert.True(result.Fields.TryGetValue(path, out var actual), $"{context}; no state for {path}");
            foreach (var (property, value) in state!.AsObject())
            {
                var got = property switch
                {
                    "visible" => actual.Visible,
                    "required" => actual.Required,
                    "readOnly" => actual.ReadOnly,
                    _ => throw new InvalidOperationException($"{file}: unknown field state property '{property}'"),
                };
                Assert.True((bool)value! == got, $"{context}; {path}.{property} was {got}");
            }
        }
    }

    private static JsonObject ReadFile(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();
}
