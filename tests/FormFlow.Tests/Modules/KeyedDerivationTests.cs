using System.Text.Json.Nodes;
using FormFlow.Engine.Modules;
using OverlayDoc = FormFlow.Engine.Modules.Overlays.Overlay;
using FormFlow.Engine.Modules.Packages;
using FormFlow.Engine.Modules.Rebase;
using FormFlow.Engine.Modules.Resolution;
using static FormFlow.Tests.Modules.ModuleFixture;

namespace FormFlow.Tests.Modules;

/// <summary>
/// A keyed derivation: an overlay naming a module key of its own (the shipped innovation showcase on golden ideas,
/// technical Q&amp;A on ask the union) is a second service of the parent's kind, still bound by the parent's locks.
/// </summary>
public class KeyedDerivationTests
{
    private static JsonObject Ideas() => ModulePackageLoader.Load(Repo("module-templates/ideas"));
    private static JsonObject ShowcaseFile() => JsonNode.Parse(File.ReadAllText(Repo("module-templates/innovation-showcase/overlay.json")))!.AsObject();
    private static OverlayDoc Parsed(JsonObject overlay) => OverlayDoc.Parse(overlay, "showcase");
    private static Snapshot Showcase() => ChainResolver.Resolve(Ideas(), [Parsed(ShowcaseFile())]);

    private static JsonObject WithOperations(JsonObject overlay, params string[] operations)
    {
        overlay["operations"] = JsonNode.Parse($"[{string.Join(",", operations)}]");
        return overlay;
    }

    [Fact]
    public void The_shipped_showcase_is_its_own_module_asking_for_workplace_skill_and_results()
    {
        var module = Showcase().Module;
        Assert.Equal("innovation-showcase", (string?)module["id"]);
        Assert.Equal("创新成果展示", (string?)module["name"]!["zh-CN"]);
        Assert.Contains("岗位", (string?)module["description"]!["zh-CN"]);
        foreach (var key in new[] { "workplace", "skillImproved", "resultsAchieved" })
        {
            Assert.Equal(key, (string?)Value(module, key, "/key"));
            Assert.Equal("read", (string?)Value(module, "expertReview", $"/inputs/fieldPermissions/{key}"));
        }
        Assert.Equal("showcase", (string?)Value(module, "showcase", "/inputs/kind"));
        Assert.Contains("input.resultsAchieved", (string?)Value(module, "showcase", "/inputs/body/expression"));
        Assert.NotEqual(ChainResolver.Resolve(Ideas(), []).Hash, Showcase().Hash);
    }

    [Fact]
    public void The_shipped_technical_qa_asks_by_trade_and_publishes_answers_the_asker_lets_out()
    {
        var overlay = OverlayDoc.Parse(JsonNode.Parse(File.ReadAllText(Repo("module-templates/technical-qa/overlay.json"))), "technical-qa");
        var module = ChainResolver.Resolve(ModulePackageLoader.Load(Repo("module-templates/qa")), [overlay]).Module;
        Assert.Equal("technical-qa", (string?)module["id"]);
        Assert.Contains("welder", Value(module, "topic", "/options")!.AsArray().Select(o => (string?)o!["value"]));
        Assert.Equal("input.mayPublish === true", (string?)Value(module, "publishWanted", "/inputs/condition/expression"));
        Assert.Equal(3, (int?)Value(module, "answerDeadlineDays", "/value"));
        Assert.Equal(3, (int?)Value(module, "expertAnswer", "/inputs/deadlineDays"));
        Assert.Equal("expert", (string?)Value(module, "expertAnswer", "/inputs/assignTo/role"));
    }

    [Fact]
    public void The_parents_locks_bind_a_keyed_derivation_made_by_the_parents_own_org()
    {
        var overlay = WithOperations(ShowcaseFile(), """{"op":"set","element":"adoptionPoints","path":"/value","value":300,"was":50}""");
        var problem = Assert.Throws<ModuleException>(() => ChainResolver.Resolve(Ideas(), [Parsed(overlay)])).Problems.Single();
        Assert.Equal("adoptionPoints", problem.Element);
        Assert.Equal("bj", problem.LockedBy?.Id);
    }

    [Fact]
    public void The_parents_own_org_may_overlay_it_only_under_a_new_key()
    {
        var unkeyed = ShowcaseFile();
        unkeyed.Remove("key");
        Assert.Equal("/org/level", Assert.Throws<ModuleException>(() => ChainResolver.Resolve(Ideas(), [Parsed(unkeyed)])).Problems.Single().Path);
        var sameKey = ShowcaseFile();
        sameKey["key"] = "ideas";
        Assert.Equal("/key", Assert.Throws<ModuleException>(() => ChainResolver.Resolve(Ideas(), [Parsed(sameKey)])).Problems.Single().Path);
    }

    [Fact]
    public void A_district_below_the_showcase_names_the_showcase_as_its_base()
    {
        string District(string baseModule) =>
            $$"""{"org":{{ModuleFixture.District}},"base":{"module":"{{baseModule}}","version":"1.0.0"},"operations":[{"op":"set","element":"adoptionPoints","path":"/value","value":80,"was":50}]}""";
        var chain = ChainResolver.Resolve(Ideas(), [Parsed(ShowcaseFile()), OverlayDoc.Parse(JsonNode.Parse(District("innovation-showcase")), "district")]);
        Assert.Equal("innovation-showcase", (string?)chain.Module["id"]);
        Assert.Equal(80, (int?)Value(chain.Module, "award", "/inputs/points"));
        var wrong = Assert.Throws<ModuleException>(() => ChainResolver.Resolve(Ideas(), [Parsed(ShowcaseFile()), OverlayDoc.Parse(JsonNode.Parse(District("ideas")), "district")]));
        Assert.Equal("/base/module", wrong.Problems.Single().Path);
    }

    [Fact]
    public void An_upgrade_of_ideas_carries_into_the_showcase_and_keeps_its_key()
    {
        var v1 = ChainResolver.Resolve(Ideas(), []).Module;
        var v2 = NextVersion(v1, "1.1.0", (_, index) => Set(index, "proposal", "/label/zh-CN", "具体做法"));
        var result = OverlayRebaser.Rebase(v1, v2, Parsed(ShowcaseFile()));
        Assert.Empty(result.Conflicts);
        Assert.Equal("innovation-showcase", (string?)result.Overlay["key"]);
        Assert.Equal("ideas", (string?)result.Overlay["base"]!["module"]);
        var upgraded = ChainResolver.Resolve(v2, [OverlayDoc.Parse(result.Overlay, "rebased")]).Module;
        Assert.Equal("innovation-showcase", (string?)upgraded["id"]);
        Assert.Equal("具体做法", (string?)Value(upgraded, "proposal", "/label/zh-CN"));
        Assert.Equal("resultsAchieved", (string?)Value(upgraded, "resultsAchieved", "/key"));
    }

    [Fact]
    public void A_change_upstream_that_meets_the_showcases_change_is_a_conflict()
    {
        var v1 = ChainResolver.Resolve(Ideas(), []).Module;
        var v2 = NextVersion(v1, "1.1.0", (_, index) => Set(index, "showcase", "/inputs/tags", new JsonArray("金点子", "成果")));
        var conflict = Assert.Single(OverlayRebaser.Rebase(v1, v2, Parsed(ShowcaseFile())).Conflicts);
        Assert.Equal("bothChanged", conflict.Kind);
    }
}
