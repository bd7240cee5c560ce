using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Loading;
using FormFlow.Engine.Forms.Runtime;
using FormFlow.Tests.Conformance;
using FormFlow.Tests.Forms.Fuzzing;

namespace FormFlow.Tests.Forms;

/// <summary>
/// A deterministic differential fuzz: the schema fast path against JsonSchema.Net 8.0.5 over every shipped form and
/// every conformance form, with data aimed at the edges (SchemaValueFuzzer). The fast path may leave a value to
/// JsonSchema.Net, but must never call valid what JsonSchema.Net calls invalid. Seeds are fixed per file, so a
/// failure names the seed and round that replay it.
/// </summary>
public class SchemaFastPathFuzzTests
{
    private const int Rounds = 1000;

    public static IEnumerable<object[]> Forms() =>
        Directory.EnumerateFiles(RepositoryFiles.PathOf("module-templates"), "*.form.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryFiles.Root, path))
            .Concat(Directory.EnumerateFiles(ConformanceFiles.Folder("forms"), "*.json").Select(path => Path.GetRelativePath(RepositoryFiles.Root, path)))
            .Order(StringComparer.Ordinal)
            .Select(path => new object[] { path.Replace('\\', '/') });

    [Theory]
    [MemberData(nameof(Forms))]
    public void The_fast_path_never_accepts_what_JsonSchema_Net_rejects(string file)
    {
        var definition = Load(file);
        var form = new CompiledForm(definition);
        var valid = SampleValues.FillMissing(new FormRuntime(definition), new JsonObject(), new FormProcessOptions(),
            new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.FromHours(8)), "org-1").Result.Data;
        Assert.NotNull(form.SchemaFastPath);
        var seed = FixedSeed.For(file);
        var fuzzer = new SchemaValueFuzzer(new Random(seed));
        var (certain, rejected) = (0, 0);
        for (var round = 0; round < Rounds; round++)
        {
            var data = fuzzer.Mutate(form.RuntimeSchemaJson, valid);
            var accepted = JsonSchemaNet.Accepts(form, data);
            var fast = form.SchemaFastPath!.IsCertainlyValid(data);
            Assert.False(fast && !accepted, $"{file}, seed {seed}, round {round}: the fast path accepted {SchemaValueFuzzer.Print(data)}");
            if (fast) certain++;
            if (!accepted) rejected++;
        }
        // Both answers must occur, or the comparison tested nothing.
        Assert.True(certain > 0 && rejected > 0, $"{file}: {certain} certainly valid, {rejected} rejected of {Rounds}");
    }

    private static Engine.Forms.Definitions.FormDefinition Load(string file)
    {
        var json = JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf(file)))!;
        return FormDefinitionLoader.Load(file.StartsWith("tests/", StringComparison.Ordinal) ? json["form"] : json);
    }
}
