using FormFlow.Engine.Modules.Elements;
using static FormFlow.Tests.Modules.ModuleFixture;

namespace FormFlow.Tests.Modules;

/// <summary>Workflow customisation: steps only at extension points, and never a workflow that cannot end.</summary>
public class WorkflowOverlayTests
{
    private const string Orientation =
        """{"op":"add","parent":"afterApproval","definition":{"id":"orientation","type":"log","inputs":{"text":"入会培训"}}}""";

    [Fact]
    public void District_step_at_an_extension_point_is_inserted_on_its_connection()
    {
        var module = Resolve(DistrictOverlay(Orientation,
            """{"op":"add","parent":"afterApproval","definition":{"id":"photo2","type":"log","inputs":{"text":"拍照"}}}""")).Module;
        var connections = module["workflow"]!["connections"]!.AsArray().Select(c => $"{c!["source"]}->{c["target"]}").ToList();
        Assert.Contains("recordHandler->orientation", connections);
        Assert.Contains("orientation->photo2", connections);
        Assert.Contains("photo2->issueCard", connections);
        Assert.DoesNotContain("recordHandler->issueCard", connections);
    }

    [Fact]
    public void Step_outside_an_extension_point_is_refused()
    {
        var problem = Refusal(DistrictOverlay("""{"op":"add","parent":"join-review","definition":{"id":"extra","type":"log","inputs":{"text":"x"}}}"""));
        Assert.Contains("only at an extension point", problem.Message);
        Assert.Contains("beforeReview, afterApproval", problem.Message);
    }

    [Fact]
    public void Overlay_that_cuts_the_only_path_to_the_end_is_refused()
    {
        var ex = Assert.Throws<FormFlow.Engine.Modules.ModuleException>(() => Resolve(DistrictOverlay("""{"op":"hide","element":"welcome"}""")));
        Assert.Contains(ex.Problems, p => p.Message.Contains("unsound") && p.Element == "markJoined" && p.Message.Contains("no path to an end"));
    }

    [Fact]
    public void Inserted_step_that_breaks_the_workflow_is_refused_by_the_workflow_validator()
    {
        var ex = Assert.Throws<FormFlow.Engine.Modules.ModuleException>(() => Resolve(DistrictOverlay(
            """{"op":"add","parent":"beforeReview","definition":{"id":"precheck","type":"decision","inputs":{"condition":true}}}""")));
        Assert.Contains(ex.Problems, p => p.Element == "precheck" || p.Path.StartsWith("/workflow"));
    }

    [Fact]
    public void Rule_reading_a_field_that_does_not_exist_is_refused_by_the_form_loader()
    {
        var ex = Assert.Throws<FormFlow.Engine.Modules.ModuleException>(() => Resolve(DistrictOverlay(
            """{"op":"add","parent":"identity","definition":{"id":"years","key":"years","type":"number","calculate":"data.startYear + 1","label":{"zh-CN":"工龄"}}}""")));
        Assert.Contains(ex.Problems, p => p.Element == "years" && p.Message.Contains("unsound") && p.Message.Contains("startYear"));
    }

    [Fact]
    public void Resolving_is_deterministic_and_the_hash_follows_content()
    {
        var a = Resolve(DistrictOverlay(Orientation));
        var b = Resolve(DistrictOverlay(Orientation));
        Assert.Equal(a.Hash, b.Hash);
        Assert.NotEqual(a.Hash, Resolve().Hash);
        Assert.Matches("^sha256:[0-9a-f]{64}$", a.Hash);
        Assert.NotNull(ElementIndex.Build(a.Module).Find("orientation"));
    }
}
