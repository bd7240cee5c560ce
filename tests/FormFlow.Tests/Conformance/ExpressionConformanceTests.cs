using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions;

namespace FormFlow.Tests.Conformance;

/// <summary>
/// Runs every vector in tests/conformance/expressions (format: tests/conformance/README.md). The TypeScript
/// interpreter will run the same files; the expected values are what JavaScript gives.
/// </summary>
public class ExpressionConformanceTests
{
    private static readonly ConcurrentDictionary<string, ExpressionEngine> EnginesByToday = new();

    private static readonly Dictionary<string, ExpressionErrorKind> ErrorKinds = new()
    {
        ["disallowed"] = ExpressionErrorKind.Disallowed,
        ["syntax"] = ExpressionErrorKind.Syntax,
        ["runtime"] = ExpressionErrorKind.Runtime,
        ["timeout"] = ExpressionErrorKind.Timeout,
        ["limit"] = ExpressionErrorKind.LimitExceeded,
    };

    public static IEnumerable<object[]> Vectors() =>
        Directory.EnumerateFiles(ConformanceFiles.Folder("expressions"), "*.json").Order()
            .SelectMany(path => Load(path).Select(vector => new object[] { Path.GetFileName(path), (string)vector["name"]! }));

    [Fact]
    public void The_corpus_has_at_least_130_vectors_with_unique_names_per_file()
    {
        var files = Directory.EnumerateFiles(ConformanceFiles.Folder("expressions"), "*.json").ToList();
        Assert.True(files.Count >= 5, "expected several topic files");
        var total = 0;
        foreach (var path in files)
        {
            var names = Load(path).Select(v => (string)v["name"]!).ToList();
            Assert.Equal(names.Count, names.Distinct().Count());
            total += names.Count;
        }
        Assert.True(total >= 130, $"only {total} vectors");
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector(string file, string name)
    {
        var vector = Load(Path.Combine(ConformanceFiles.Folder("expressions"), file)).Single(v => (string)v["name"]! == name);
        var engine = EngineFor((string?)vector["today"]);
        var scope = new Dictionary<string, JsonNode?> { ["data"] = vector["data"]?.DeepClone() ?? new JsonObject() };
        if (vector["scope"] is JsonObject extra)
            foreach (var (key, value) in extra) scope[key] = value?.DeepClone();
        var expression = (string)vector["expression"]!;

        if (vector["expectError"] is { } expectError)
        {
            var ex = Assert.Throws<ExpressionException>(() => engine.Evaluate(expression, scope));
            Assert.True(ErrorKinds[(string)expectError!] == ex.Kind, $"expected {expectError}, got {ex.Kind}: {ex.Message}");
            Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            return;
        }
        Assert.True(vector.ContainsKey("expect"), "a vector needs expect or expectError");
        var actual = engine.Evaluate(expression, scope);
        var expected = vector["expect"];
        Assert.True(JsonEquivalence.AreEquivalent(expected, actual),
            $"expected {expected?.ToJsonString() ?? "null"}, got {actual?.ToJsonString() ?? "null"}");
    }

    // One second instead of the default 200 ms: a busy test machine must not turn a slow first run into a
    // "timeout"; the one timeout vector (catastrophic backtracking) still ends after that second.
    private static ExpressionEngine EngineFor(string? today) =>
        EnginesByToday.GetOrAdd(today ?? "", key => new ExpressionEngine(new ExpressionOptions
        {
            Timeout = TimeSpan.FromSeconds(1),
            Clock = key.Length == 0 ? TimeProvider.System : new FixedDateClock(DateOnly.ParseExact(key, "yyyy-MM-dd")),
        }));

    private static IEnumerable<JsonObject> Load(string path) =>
        JsonNode.Parse(File.ReadAllText(path))!["vectors"]!.AsArray().Select(v => v!.AsObject());
}
