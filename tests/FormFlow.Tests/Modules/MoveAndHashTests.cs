using System.Text.Json.Nodes;
using FormFlow.Engine.Modules.Resolution;
using static FormFlow.Tests.Modules.ModuleFixture;

namespace FormFlow.Tests.Modules;

/// <summary>Moving form elements under the locks, and the content hash's independence from key order.</summary>
public class MoveAndHashTests
{
    private static List<string?> FieldIds(JsonObject module, string section) =>
        Value(module, section, "/fields")!.AsArray().Select(f => (string?)f!["id"]).ToList();

    [Fact]
    public void Field_moves_to_another_section_before_an_anchor()
    {
        var module = Resolve(DistrictOverlay("""{"op":"move","element":"email","parent":"employment","before":"employer"}""")).Module;
        Assert.Equal("email", FieldIds(module, "employment")[0]);
        Assert.DoesNotContain("email", FieldIds(module, "identity"));
    }

    [Fact]
    public void Existing_child_of_an_additions_only_section_cannot_move_out()
    {
        var problem = Refusal(DistrictOverlay("""{"op":"move","element":"employer","parent":"identity"}"""));
        Assert.Contains("accepts additions only", problem.Message);
    }

    [Fact]
    public void Activities_do_not_move_and_anchors_must_be_siblings()
    {
        Assert.Contains("only pages, sections and fields move", Refusal(DistrictOverlay("""{"op":"move","element":"review","parent":"identity"}""")).Message);
        Assert.Contains("anchor 'employer' is not a child", Refusal(DistrictOverlay("""{"op":"move","element":"email","parent":"identity","after":"employer"}""")).Message);
    }

    [Fact]
    public void Hash_does_not_depend_on_key_order_but_on_content()
    {
        var a = JsonNode.Parse("""{"b":1,"a":{"y":"一","x":[1,2]}}""");
        var b = JsonNode.Parse("""{"a":{"x":[1,2],"y":"一"},"b":1}""");
        var c = JsonNode.Parse("""{"a":{"x":[2,1],"y":"一"},"b":1}""");
        Assert.Equal(CanonicalJson.Hash(a), CanonicalJson.Hash(b));
        Assert.NotEqual(CanonicalJson.Hash(a), CanonicalJson.Hash(c));
        Assert.Equal("""{"a":{"x":[1,2],"y":"一"},"b":1}""", CanonicalJson.Text(a));
    }
}
