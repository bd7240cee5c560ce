using System.Text.Json.Nodes;
using FormFlow.Engine.Modules.Packages;
using FormFlow.Engine.Modules.Resolution;
using static FormFlow.Tests.Modules.ModuleFixture;

namespace FormFlow.Tests.Modules;

/// <summary>Workflow steps name existing case-form keys; a package's translations land in the snapshot.</summary>
public sealed class SoundnessTests
{
    private static JsonObject Legal() => ModulePackageLoader.Load(Repo("module-templates/legal-consultation"));

    [Fact]
    public void A_task_permission_on_a_key_the_case_form_lacks_is_unsound()
    {
        var module = NextVersion(JoinV1(), "1.0.1", (_, index) => index.Find("review")!.Node["inputs"]!["fieldPermissions"]!["reviewNote"] = "edit");
        var problem = Assert.Single(ModuleSoundness.Check(module));
        Assert.Equal("review", problem.Element);
        Assert.EndsWith("/inputs/fieldPermissions/reviewNote", problem.Path);
        Assert.Contains("names form field 'reviewNote', which the case form 'union-join' does not have", problem.Message);
    }

    [Fact]
    public void A_request_for_a_field_the_case_form_lacks_is_unsound_also_when_an_overlay_asks_for_it()
    {
        var module = NextVersion(JoinV1(), "1.0.1", (_, index) => index.Find("askForInformation")!.Node["inputs"]!["fields"]![0] = "proofOfWork");
        Assert.Contains("names form field 'proofOfWork'", Assert.Single(ModuleSoundness.Check(module)).Message);

        var refusal = Refusal(DistrictOverlay("""{"op": "set", "element": "askForInformation", "path": "/inputs/fields/0", "value": "wechat", "was": "employmentProof"}"""));
        Assert.Contains("the resolved module is unsound: workflow: activity 'askForInformation' names form field 'wechat'", refusal.Message);
    }

    [Fact]
    public void Package_translations_are_merged_into_the_snapshot()
    {
        var snapshot = ChainResolver.Resolve(Legal(), []);
        Assert.Null(snapshot.Module["translations"]);
        Assert.Equal("How satisfied are you?", (string)Value(snapshot.Module, "rating", "/label/en")!);
        Assert.Equal("滿意度評價", (string)Value(snapshot.Module, "rating", "/label/zh-TW")!);
        Assert.Equal("满意度评价", (string)Value(snapshot.Module, "rating", "/label/zh-CN")!);
        Assert.Equal("區總工會律師答覆期限（工作日）", (string)Value(snapshot.Module, "lawyerDeadlineDays", "/label/zh-TW")!);
        // texts the file does not translate stay as the definition has them
        Assert.Equal("Working days for the district lawyer to answer", (string)Value(snapshot.Module, "lawyerDeadlineDays", "/label/en")!);
    }

    [Fact]
    public void Translations_for_unknown_locales_elements_or_texts_are_problems()
    {
        var module = Legal();
        module["translations"] = JsonNode.Parse("""
            {"fr": {"rating": {"label": "Note"}},
             "en": {"nothing": {"label": "x"}, "rating": {"placeholder": "x", "label": 5}}}
            """);
        var messages = ModuleSoundness.Check(module).Select(p => p.Path + " " + p.Message).ToList();
        Assert.Equal(4, messages.Count);
        Assert.Contains(messages, m => m.StartsWith("/translations/fr ") && m.Contains("locale 'fr'"));
        Assert.Contains(messages, m => m.StartsWith("/translations/en/nothing ") && m.Contains("element 'nothing'"));
        Assert.Contains(messages, m => m.StartsWith("/translations/en/rating/placeholder ") && m.Contains("no localized text 'placeholder'"));
        Assert.Contains(messages, m => m.StartsWith("/translations/en/rating/label ") && m.Contains("must be a string"));
    }
}
