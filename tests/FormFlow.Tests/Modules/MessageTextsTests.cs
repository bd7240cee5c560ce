using System.Text.Json.Nodes;
using FormFlow.Engine.Modules;
using FormFlow.Engine.Modules.Packages;
using FormFlow.Engine.Modules.Resolution;
using static FormFlow.Tests.Modules.ModuleFixture;

namespace FormFlow.Tests.Modules;

/// <summary>Every message a shipped module sends is worded for people: a title and a body, never only its template key.</summary>
public class MessageTextsTests
{
    /// <summary>Every shipped template that sends messages, alone and with each sample overlay written for it.</summary>
    public static TheoryData<string, string> ShippedModules()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Directory.GetDirectories(Repo("module-templates")).Where(d => File.Exists(Path.Combine(d, "module.json"))).Order())
        {
            // Surveys, votes and publishing send no message (the Portal shows their result at once).
            if (!File.ReadAllText(Path.Combine(folder, "workflow.json")).Contains("\"notify\"")) continue;
            var key = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "module.json")))!["id"]!.GetValue<string>();
            data.Add(Path.GetFileName(folder), "");
            foreach (var overlay in Directory.GetFiles(Repo("samples/customisations"), "*.overlay.json").Order())
                if ((string?)JsonNode.Parse(File.ReadAllText(overlay))!["base"]!["module"] == key)
                    data.Add(Path.GetFileName(folder), Path.GetFileName(overlay));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedModules))]
    public void Every_notify_step_of_a_shipped_module_has_a_title_and_body_in_every_locale(string template, string overlay)
    {
        IReadOnlyList<FormFlow.Engine.Modules.Overlays.Overlay> overlays = overlay.Length == 0 ? []
            : [FormFlow.Engine.Modules.Overlays.Overlay.Parse(JsonNode.Parse(File.ReadAllText(Repo($"samples/customisations/{overlay}"))), overlay)];
        var module = ChainResolver.Resolve(ModulePackageLoader.Load(Repo($"module-templates/{template}")), overlays).Module;
        var notifies = module["workflow"]!["activities"]!.AsArray().Where(a => (string?)a!["type"] == "notify").ToList();
        Assert.NotEmpty(notifies);
        foreach (var step in notifies)
            foreach (var text in new[] { "title", "body" })
                foreach (var locale in new[] { "zh-CN", "zh-TW", "en" })
                {
                    var localized = step!["inputs"]![text]!;
                    var shown = (string?)localized[locale] ?? (string?)localized["zh-CN"];
                    Assert.False(string.IsNullOrWhiteSpace(shown), $"{template}+{overlay}: step {step["id"]} has no {text} in {locale}");
                    Assert.NotEqual((string?)step["inputs"]!["template"], shown);
                }
    }

    [Fact]
    public void A_district_notify_step_without_texts_is_refused_naming_the_step()
    {
        var problems = Assert.Throws<ModuleException>(() => ChainResolver.Resolve(JoinPackage(), [DistrictOverlay("""
            { "op": "add", "parent": "afterApproval", "definition": { "id": "orientation", "type": "notify",
              "inputs": { "channel": "sms", "recipient": { "expression": "input.mobile" }, "template": "haidianOrientation" } } }
            """)])).Problems;
        Assert.Contains(problems, p => p.Message.Contains("notify step 'orientation' needs a title in zh-CN") && p.Message.Contains("'haidianOrientation'"));
    }
}
