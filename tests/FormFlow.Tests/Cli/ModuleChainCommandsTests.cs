using System.Text.Json.Nodes;
using static FormFlow.Tests.Cli.CliRun;

namespace FormFlow.Tests.Cli;

/// <summary>`formflow module validate`, `template resolve` and `template rebase` on the shipped join template and customisations.</summary>
public class ModuleChainCommandsTests
{
    private static readonly string Join = Repo("module-templates/join");
    private static readonly string JoinV2 = Repo("samples/customisations/join-v2");
    private static readonly string Haidian = Repo("samples/customisations/haidian.overlay.json");
    private static readonly string Chaoyang = Repo("samples/customisations/chaoyang.overlay.json");

    /// <summary>Every folder of module-templates with a module.json (a new template is checked the day it lands), and the second join version.</summary>
    public static TheoryData<string> ShippedPackages()
    {
        var folders = Directory.GetDirectories(Repo("module-templates")).Where(d => File.Exists(Path.Combine(d, "module.json")))
            .Select(d => "module-templates/" + Path.GetFileName(d)).Order(StringComparer.Ordinal).Append("samples/customisations/join-v2");
        return new TheoryData<string>(folders);
    }

    [Theory]
    [MemberData(nameof(ShippedPackages))]
    public void Shipped_packages_validate(string folder)
    {
        var run = Of("module", "validate", Repo(folder));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.True((bool)run.Json["valid"]!);
    }

    [Fact]
    public void Broken_package_exits_2_naming_each_problem()
    {
        using var scratch = new ScratchFolder();
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Join, "module.json")))!.AsObject();
        File.Copy(Path.Combine(Join, "workflow.json"), Path.Combine(scratch.Path, "workflow.json"));
        manifest["forms"] = new JsonArray("forms/missing.form.json");
        manifest["settings"]!["reviewDeadlineDays"]!["value"] = 30;
        manifest["locks"]!.AsArray().Add(JsonNode.Parse("""{"element":"nowhere","kind":"notRemovable"}"""));
        scratch.Write("module.json", manifest.ToJsonString());

        var missing = Of("module", "validate", scratch.Path);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("forms/missing.form.json: /: file not found", missing.Stderr);

        File.Copy(Path.Combine(Join, "forms", "union-join.form.json"), Path.Combine(scratch.Path, "form.json"));
        manifest["forms"] = new JsonArray("form.json");
        scratch.Write("module.json", manifest.ToJsonString());
        var run = Of("module", "validate", scratch.Path);
        Assert.Equal(2, run.ExitCode);
        var messages = run.Json["errors"]!.AsArray().Select(e => (string)e!["message"]!).ToList();
        Assert.Contains(messages, m => m.Contains("setting 'reviewDeadlineDays' = 30 is outside its bounds 3–15"));
        Assert.Contains(messages, m => m.Contains("lock targets element 'nowhere'"));

        manifest.Remove("owner");
        scratch.Write("module.json", manifest.ToJsonString());
        var schema = Of("module", "validate", scratch.Path);
        Assert.Equal(2, schema.ExitCode);
        Assert.Contains("owner", schema.Stderr);
    }

    /// <summary>Every keyed derivation shipped in module-templates (a folder with an overlay.json) on the template its base names.</summary>
    public static TheoryData<string> ShippedDerivations() =>
        new(Directory.GetDirectories(Repo("module-templates")).Where(d => File.Exists(Path.Combine(d, "overlay.json")))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(ShippedDerivations))]
    public void Shipped_derivations_resolve_on_their_parent_under_their_own_key(string folder)
    {
        var overlay = JsonNode.Parse(File.ReadAllText(Repo($"module-templates/{folder}/overlay.json")))!;
        var run = Of("module", "resolve", Repo($"module-templates/{overlay["base"]!["module"]}"), Repo($"module-templates/{folder}/overlay.json"));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal(folder, (string?)run.Json["module"]!["id"]);
        Assert.Equal((string?)overlay["name"]!["zh-CN"], (string?)run.Json["module"]!["name"]!["zh-CN"]);
    }

    [Fact]
    public void The_old_template_command_is_an_alias_of_module()
    {
        var viaAlias = Of("template", "resolve", Join, Haidian);
        var viaModule = Of("module", "resolve", Join, Haidian);
        Assert.True(viaAlias.ExitCode == 0, viaAlias.Stderr);
        Assert.Equal(viaModule.Stdout, viaAlias.Stdout);
    }

    [Fact]
    public void Two_districts_customise_the_same_template_differently()
    {
        var haidian = Of("module", "resolve", Join, Haidian);
        var chaoyang = Of("module", "resolve", Join, Chaoyang);
        Assert.True(haidian.ExitCode == 0, haidian.Stderr);
        Assert.True(chaoyang.ExitCode == 0, chaoyang.Stderr);
        Assert.NotEqual((string?)haidian.Json["hash"], (string?)chaoyang.Json["hash"]);

        var review = (JsonObject run) => run["module"]!["workflow"]!["activities"]!.AsArray().First(a => (string?)a!["id"] == "review")!["inputs"]!;
        Assert.Equal(10, (int)review(haidian.Json)["deadlineDays"]!);
        Assert.Equal(7, (int)review(chaoyang.Json)["deadlineDays"]!);
        Assert.StartsWith("审核入会申请（朝阳区", (string?)review(chaoyang.Json)["title"]);
        Assert.Equal("bj-chaoyang", (string?)chaoyang.Json["provenance"]!["review"]!["/inputs/title"]!["id"]);
        Assert.True((bool)chaoyang.Json["provenance"]!["email"]![""]!["hidden"]!);
        Assert.Contains("parkName", haidian.Stdout);
        Assert.DoesNotContain("parkName", chaoyang.Stdout);
    }

    [Fact]
    public void Lock_violation_exits_2_naming_element_property_locking_org_and_reason()
    {
        using var scratch = new ScratchFolder();
        var overlay = scratch.Write("street.json", """
            {"org":{"id":"bj-haidian-zgc","name":"中关村街道总工会","level":"street"},"base":{"module":"join","version":"1.0.0"},
             "operations":[{"op":"set","element":"reviewDeadlineDays","path":"/value","value":20,"was":15}]}
            """);
        var run = Of("module", "resolve", Join, overlay);
        Assert.Equal(2, run.ExitCode);
        var error = run.Json["errors"]![0]!;
        Assert.Equal("reviewDeadlineDays", (string?)error["element"]);
        Assert.Equal("/value", (string?)error["property"]);
        Assert.Equal("bj", (string?)error["lockedBy"]!["id"]);
        Assert.Equal("city", (string?)error["lockedBy"]!["level"]);
        Assert.Equal("20 is outside the locked bounds 3–15", (string?)error["reason"]);
        Assert.Contains("北京市总工会 (bj, city)", run.Stderr);
    }

    /// <summary>
    /// The join package as the Studio writes it after a city designer promoted a step input to a setting, opened an
    /// extension point and added locks (designer/test/studio/module-authoring.test.ts produces exactly this file).
    /// </summary>
    private static readonly string StudioAuthored = Repo("tests/conformance/authoring/join-city");

    [Theory]
    [InlineData("""{"op":"set","element":"districtDeadlineDays","path":"/value","value":20,"was":10}""", "districtDeadlineDays", "20 is outside the locked bounds 3–15", "bj")]
    [InlineData("""{"op":"set","element":"handToStreet","path":"/inputs/level","value":"city","was":"street"}""", "handToStreet", "\"city\" is not allowed: the value is locked to one of \"street\", \"district\"", "bj")]
    [InlineData("""{"op":"set","element":"districtReview","path":"/inputs/outcomes","value":["approve"],"was":["approve","reject","handleOffline"]}""", "districtReview", "property /inputs/outcomes is locked", "bj")]
    [InlineData("""{"op":"set","element":"monthlyIncome","path":"/max","value":5000000,"was":1000000}""", "monthlyIncome", "comes from setting 'incomeCap'", null)]
    [InlineData("""{"op":"lock","element":"districtDeadlineDays","kind":"bounds","path":"/value","min":1,"max":15}""", "districtDeadlineDays", "locks only tighten downwards: bounds 1–15 would loosen 3–15", "bj")]
    public void The_package_the_Studio_authors_validates_and_holds_a_district_to_its_locks(string operation, string element, string reason, string? lockedBy)
    {
        var valid = Of("module", "validate", StudioAuthored);
        Assert.True(valid.ExitCode == 0, valid.Stdout + valid.Stderr);

        using var scratch = new ScratchFolder();
        var district = (string operations) => scratch.Write("district.json",
            $$"""{"org":{"id":"bj-haidian","name":"海淀区总工会","level":"district"},"base":{"module":"join","version":"1.1.0"},"operations":[{{operations}}]}""");
        // Within what the city opened: the setting drives the step, and a step goes in at the new extension point.
        var within = Of("module", "resolve", StudioAuthored, district("""
            {"op":"set","element":"districtDeadlineDays","path":"/value","value":12,"was":10},
            {"op":"set","element":"handToStreet","path":"/inputs/level","value":"district","was":"street"},
            {"op":"set","element":"incomeCap","path":"/value","value":300000,"was":1000000},
            {"op":"add","parent":"afterDistrictReview","definition":{"id":"talk","type":"log","inputs":{"text":"谈心谈话"}}}
            """));
        Assert.True(within.ExitCode == 0, within.Stderr);
        var activities = within.Json["module"]!["workflow"]!["activities"]!.AsArray();
        Assert.Equal(12, (int)activities.First(a => (string?)a!["id"] == "districtReview")!["inputs"]!["deadlineDays"]!);
        var income = within.Json["module"]!["forms"]![0]!["pages"]!.AsArray().SelectMany(p => p!["sections"]!.AsArray())
            .SelectMany(section => section!["fields"]!.AsArray()).Single(f => (string?)f!["id"] == "monthlyIncome")!;
        Assert.Equal(300000, (int)income["max"]!);
        var connections = within.Json["module"]!["workflow"]!["connections"]!.AsArray();
        Assert.Contains(connections, c => (string?)c!["source"] == "districtReview" && (string?)c["outcome"] == "approve" && (string?)c["target"] == "talk");
        Assert.Contains(connections, c => (string?)c!["source"] == "talk" && (string?)c["target"] == "recordHandler");

        var refused = Of("module", "resolve", StudioAuthored, district(operation));
        Assert.Equal(2, refused.ExitCode);
        var error = refused.Json["errors"]![0]!;
        Assert.Equal(element, (string?)error["element"]);
        Assert.Equal(lockedBy, (string?)error["lockedBy"]?["id"]);
        Assert.Contains(reason, (string?)error["message"]);
    }

    [Fact]
    public void City_upgrade_reaches_both_districts_with_their_changes_and_the_one_real_conflict()
    {
        var chaoyang = Of("module", "rebase", Join, JoinV2, Chaoyang);
        Assert.True(chaoyang.ExitCode == 0, chaoyang.Stdout + chaoyang.Stderr);
        Assert.Empty(chaoyang.Json["conflicts"]!.AsArray());
        Assert.Equal("2.0.0", (string?)chaoyang.Json["overlay"]!["base"]!["version"]);
        Assert.Equal(5, chaoyang.Json["overlay"]!["operations"]!.AsArray().Count);

        var haidian = Of("module", "rebase", Join, JoinV2, Haidian);
        Assert.Equal(1, haidian.ExitCode);
        var conflict = Assert.Single(haidian.Json["conflicts"]!.AsArray())!;
        Assert.Equal("lockedUpstream", (string?)conflict["kind"]);
        Assert.Equal("/mobile/label/zh-CN", (string?)conflict["path"]);
        Assert.Equal("手机号码", (string?)conflict["base"]);
        Assert.Equal("手机号码（接收审核短信）", (string?)conflict["child"]);
        Assert.True((bool)conflict["blocking"]!);
        Assert.Equal("bj", (string?)conflict["lockedBy"]!["id"]);

        // The rebased Chaoyang overlay resolves on v2 and keeps its changes; v2's own change arrives too.
        using var scratch = new ScratchFolder();
        var rebased = scratch.Write("chaoyang-v2.json", chaoyang.Json["overlay"]!.ToJsonString());
        var resolved = Of("module", "resolve", JoinV2, rebased);
        Assert.True(resolved.ExitCode == 0, resolved.Stderr);
        var activities = resolved.Json["module"]!["workflow"]!["activities"]!.AsArray();
        Assert.Equal(12, (int)activities.First(a => (string?)a!["id"] == "streetReview")!["inputs"]!["deadlineDays"]!);
        Assert.StartsWith("审核入会申请（朝阳区", (string?)activities.First(a => (string?)a!["id"] == "review")!["inputs"]!["title"]);
        // ... and the old overlay no longer fits v2 as it is.
        Assert.Equal(2, Of("module", "resolve", JoinV2, Chaoyang).ExitCode);
    }

    [Theory]
    [InlineData("""{"op":"unlock","element":"residentId"}""", "/operations/0/op")]
    [InlineData("""{"op":"add","parent":"identity","definition":{"id":5}}""", "/operations/0/definition/id")]
    [InlineData("""{"op":"set","element":"mobile","path":"/label","value":"x"}""", "/operations/0")]
    public void Malformed_overlay_exits_2_naming_the_operation(string operation, string path)
    {
        using var scratch = new ScratchFolder();
        var overlay = scratch.Write("bad.json",
            $$"""{"org":{"id":"bj-haidian","level":"district"},"base":{"module":"join","version":"1.0.0"},"operations":[{{operation}}]}""");
        var run = Of("module", "resolve", Join, overlay);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(run.Json["errors"]!.AsArray(), e => (string?)e!["path"] == path && (string?)e["source"] == "bad.json");
    }

    [Theory]
    [InlineData(5, "redeemed")]
    [InlineData(6, "refused")]
    public void District_benefit_quota_is_enforced_when_the_resolved_workflow_runs(int usedThisYear, string expected)
    {
        using var scratch = new ScratchFolder();
        var overlay = scratch.Write("district.json", """
            {"org":{"id":"bj-haidian","name":"海淀区总工会","level":"district"},"base":{"module":"benefits","version":"1.0.0"},
             "operations":[{"op":"set","element":"quotaPerYear","path":"/value","value":6,"was":8}]}
            """);
        var resolved = Of("module", "resolve", Repo("module-templates/benefits"), overlay);
        Assert.True(resolved.ExitCode == 0, resolved.Stderr);
        var workflow = scratch.Write("workflow.json", resolved.Json["module"]!["workflow"]!.ToJsonString());
        var input = scratch.Write("input.json", """{"memberNo":"M0001","cardKey":"card-1","benefit":"haircut","merchant":"星光理发"}""");
        var facts = scratch.Write("case.json", $$"""{"id":"c1","applicantId":"w1","applicantOrg":"bj-haidian","usedThisYear":{{usedThisYear}}}""");
        var stimuli = scratch.Write("stimuli.json", """[{"complete":"verifyCard","outcome":"verified","by":"merchant-1"}]""");

        var run = Of("workflow", "run", workflow, "--now", "2026-03-02T10:00:00+08:00", "--input", input, "--case", facts, "--stimuli", stimuli);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal("finished", (string?)run.Json["status"]);
        var redemption = run.Json["variables"]!["redemption"]!;
        Assert.Equal(6, (int)redemption["quotaPerYear"]!);
        Assert.Equal(expected == "refused", (bool)redemption["refused"]!);
        Assert.Contains(expected == "refused" ? "endRefused" : "endRedeemed", run.Json["visited"]!.AsArray().Select(v => (string?)v));

        var tooMany = scratch.Write("greedy.json", File.ReadAllText(overlay).Replace("\"value\":6", "\"value\":10"));
        var refused = Of("module", "resolve", Repo("module-templates/benefits"), tooMany);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("10 is outside the locked bounds ≤ 8", refused.Stderr);
    }

    [Theory]
    [InlineData("haidian", 3, "qualityCheck")]
    [InlineData("chaoyang", 8, null)]
    public void Each_district_runs_its_own_legal_consultation_to_the_end(string district, int deadline, string? extraStep)
    {
        var resolved = Of("module", "resolve", Repo("module-templates/legal-consultation"), Repo($"samples/customisations/{district}.legal.overlay.json"));
        Assert.True(resolved.ExitCode == 0, resolved.Stderr);
        var lawyer = resolved.Json["module"]!["workflow"]!["activities"]!.AsArray().First(a => (string?)a!["id"] == "lawyerAnswer")!;
        Assert.Equal(deadline, (int)lawyer["inputs"]!["deadlineDays"]!);

        using var scratch = new ScratchFolder();
        var workflow = scratch.Write("workflow.json", resolved.Json["module"]!["workflow"]!.ToJsonString());
        var run = Of("workflow", "run", workflow, "--now", "2026-02-13T09:00:00+08:00",
            "--input", Repo("samples/workflows/legal-question.json"), "--case", Repo("samples/workflows/legal-case.json"),
            "--orgs", Repo("samples/workflows/orgs.json"), "--stimuli", Repo("samples/workflows/legal-consultation.answered.stimuli.json"));
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal("finished", (string?)run.Json["status"]);
        var visited = run.Json["visited"]!.AsArray().Select(v => (string?)v).ToList();
        Assert.Equal(extraStep is not null, visited.Contains("qualityCheck"));
        Assert.Equal("closeCase", visited[^2]);
    }

    [Fact]
    public void Two_districts_customise_benefits_differently()
    {
        var haidian = Of("module", "resolve", Repo("module-templates/benefits"), Repo("samples/customisations/haidian.benefits.overlay.json"));
        var chaoyang = Of("module", "resolve", Repo("module-templates/benefits"), Repo("samples/customisations/chaoyang.benefits.overlay.json"));
        Assert.True(haidian.ExitCode == 0 && chaoyang.ExitCode == 0, haidian.Stderr + chaoyang.Stderr);
        int Quota(CliRun run) => (int)run.Json["module"]!["settings"]!["quotaPerYear"]!["value"]!;
        Assert.Equal(6, Quota(haidian));
        Assert.Equal(8, Quota(chaoyang));
        Assert.Contains("chaoyangBenefitSurvey", chaoyang.Stdout);
        Assert.DoesNotContain("chaoyangBenefitSurvey", haidian.Stdout);
    }
}
