using System.Text.Json.Nodes;
using FormFlow.Engine.Modules;
using FormFlow.Engine.Modules.Elements;
using FormFlow.Engine.Modules.Overlays;
using FormFlow.Engine.Modules.Packages;
using FormFlow.Engine.Modules.Resolution;
using FormFlow.Tests.Forms;

namespace FormFlow.Tests.Modules;

/// <summary>The shipped join template and small builders for overlays and changed parent versions.</summary>
internal static class ModuleFixture
{
    public static string Repo(string relative) => RepositoryFiles.PathOf(relative);

    /// <summary>The join package's module document (owner: 北京市总工会, city).</summary>
    public static JsonObject JoinPackage() => ModulePackageLoader.Load(Repo("module-templates/join"));

    /// <summary>The join template resolved on its own: what a district's overlay is written against.</summary>
    public static JsonObject JoinV1() => ChainResolver.Resolve(JoinPackage(), []).Module;

    public static readonly string District = """{"id":"bj-haidian","name":"海淀区总工会","level":"district"}""";
    public static readonly string OtherDistrict = """{"id":"bj-chaoyang","name":"朝阳区总工会","level":"district"}""";

    public static Overlay Overlay(string org, string version, params string[] operations) =>
        FormFlow.Engine.Modules.Overlays.Overlay.Parse(JsonNode.Parse(
            $$"""{"org":{{org}},"base":{"module":"join","version":"{{version}}"},"operations":[{{string.Join(",", operations)}}]}"""), "test overlay");

    public static Overlay DistrictOverlay(params string[] operations) => Overlay(District, "1.0.0", operations);

    public static Snapshot Resolve(params Overlay[] overlays) => ChainResolver.Resolve(JoinPackage(), overlays);

    public static ModuleProblem Refusal(params Overlay[] overlays) =>
        Assert.Throws<ModuleException>(() => Resolve(overlays)).Problems.First();

    /// <summary>A new parent version: a copy of <paramref name="module"/> with a new version and the changes made by <paramref name="change"/>.</summary>
    public static JsonObject NextVersion(JsonObject module, string version, Action<JsonObject, ElementIndex> change)
    {
        var copy = module.DeepClone().AsObject();
        copy["version"] = version;
        change(copy, ElementIndex.Build(copy));
        return copy;
    }

    public static JsonNode? Value(JsonObject module, string element, string path) =>
        Pointer.Get(ElementIndex.Build(module).Find(element)!.Node, path);

    public static void Set(ElementIndex index, string element, string path, JsonNode? value) =>
        Assert.Null(Pointer.Set(index.Find(element)!.Node, path, value));
}
