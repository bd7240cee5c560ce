using System.Text.Json.Nodes;
using FormFlow.Engine.Modules.Elements;
using FormFlow.Engine.Modules.Locks;

namespace FormFlow.Tests.Conformance;

/// <summary>
/// Runs every vector in tests/conformance/locks against the engine's LockBook (format: tests/conformance/README.md).
/// The Studio's lock-check.ts runs the same files, so the designer refuses exactly what the server would.
/// </summary>
public class LockConformanceTests
{
    private static string Folder => ConformanceFiles.Folder("locks");

    public static IEnumerable<object[]> Vectors() =>
        Directory.EnumerateFiles(Folder, "*.json").Order()
            .SelectMany(file => ReadFile(file)["vectors"]!.AsArray().Select((v, i) => new object[] { Path.GetFileName(file), i, (string)v!["name"]! }));

    [Fact]
    public void The_corpus_has_at_least_40_vectors() => Assert.True(Vectors().Count() >= 40, $"only {Vectors().Count()} vectors");

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector(string file, int index, string name)
    {
        var suite = ReadFile(Path.Combine(Folder, file));
        var vector = suite["vectors"]![index]!.AsObject();
        var elements = ElementIndex.Build(suite["module"]!.AsObject());
        var book = Book(suite["locks"]!.AsArray(), Org(vector));

        var violation = (string)vector["check"]! switch
        {
            "set" => book.CheckChange(elements, (string)vector["element"]!, (string)vector["path"]!, vector["value"], EditorPosition),
            "hide" => book.CheckHide(elements, (string)vector["element"]!, EditorPosition),
            "add" => book.CheckAdd(elements, (string)vector["parent"]!, EditorPosition),
            // As OverlayApplier moves: a change of the element as a whole, then an addition where it goes.
            "move" => book.CheckChange(elements, (string)vector["element"]!, "", null, EditorPosition)
                      ?? book.CheckAdd(elements, (string)vector["parent"]!, EditorPosition),
            var other => throw new InvalidDataException($"{file} #{index}: unknown check '{other}'"),
        };

        var expected = (string?)vector["refusedBy"];
        Assert.True(expected == violation?.LockedBy?.Id,
            $"{file} #{index} '{name}': expected {(expected is null ? "allowed" : $"refused by {expected}")}, got {violation?.Message ?? "allowed"}");
    }

    /// <summary>The editing org's overlay sits at chain position 1; its own locks sit there too and so do not bind it.</summary>
    private const int EditorPosition = 1;

    private static string Org(JsonObject vector) => (string?)vector["org"] ?? "district";

    private static LockBook Book(JsonArray locks, string org)
    {
        var book = new LockBook();
        foreach (var node in locks)
        {
            var spec = LockSpec.FromJson(node!);
            book.Add(spec, spec.By?.Id == org ? EditorPosition : 0);
        }
        return book;
    }

    private static JsonObject ReadFile(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();
}
