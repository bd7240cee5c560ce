using System.Text.Json.Nodes;
using FormFlow.Engine.Training;

namespace FormFlow.Tests.Conformance;

/// <summary>
/// Runs every vector in tests/conformance/training-levels against the engine's TrainingSettings.Check: the problems of
/// the trainingLevels setting, in order. The Studio's level table runs the same files.
/// </summary>
public class TrainingLevelsConformanceTests
{
    private static string Folder => ConformanceFiles.Folder("training-levels");

    public static IEnumerable<object[]> Vectors() =>
        Directory.EnumerateFiles(Folder, "*.json").Order()
            .SelectMany(file => Read(file)["vectors"]!.AsArray().Select((v, i) => new object[] { Path.GetFileName(file), i, (string)v!["name"]! }));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector(string file, int index, string name)
    {
        var vector = Read(Path.Combine(Folder, file))["vectors"]![index]!;
        var module = new JsonObject
        {
            ["settings"] = new JsonObject
            {
                ["trainingTitle"] = new JsonObject { ["value"] = "技能闯关" },
                ["trainingPassPercent"] = new JsonObject { ["value"] = 60 },
                ["trainingLevels"] = new JsonObject { ["value"] = vector["levels"]?.DeepClone() },
            },
        };
        var found = TrainingSettings.Check(module).Where(p => p.Element == TrainingSettings.LevelsSetting).Select(p => $"{p.Path} {p.Message}").ToList();
        var expected = vector["problems"]!.AsArray().Select(p => $"{p!["pointer"]} {p["message"]}").ToList();
        Assert.True(expected.SequenceEqual(found), $"{file} #{index} '{name}': expected [{string.Join("; ", expected)}], got [{string.Join("; ", found)}]");
    }

    private static JsonObject Read(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();
}
