using System.Text.Json.Nodes;
using FormFlow.Engine.Modules;
using FormFlow.Engine.Modules.Resolution;
using static FormFlow.Tests.Modules.ModuleFixture;

namespace FormFlow.Tests.Modules;

/// <summary>A setting may drive any element property (`appliesTo: [{element, path}]`), not only an activity input.</summary>
public class SettingBindingTests
{
    /// <summary>The join package with a setting that drives the monthly income field's maximum.</summary>
    private static JsonObject WithIncomeCap(string binding = """{"element":"monthlyIncome","path":"/max"}""")
    {
        var package = JoinPackage();
        package["settings"]!["incomeCap"] = JsonNode.Parse($$"""
            {"label":{"zh-CN":"月收入上限"},"value":500000,"min":100000,"max":1000000,"appliesTo":[{{binding}}]}
            """);
        return package;
    }

    private static Snapshot Resolve(JsonObject package, params string[] operations) =>
        ChainResolver.Resolve(package, operations.Length == 0 ? [] : [DistrictOverlay(operations)]);

    [Fact]
    public void A_field_property_bound_to_a_setting_takes_its_value_and_the_district_changes_the_setting_within_bounds()
    {
        Assert.Equal(500000, (int)Value(Resolve(WithIncomeCap()).Module, "monthlyIncome", "/max")!);

        var district = Resolve(WithIncomeCap(), """{"op":"set","element":"incomeCap","path":"/value","value":200000,"was":500000}""");
        Assert.Equal(200000, (int)Value(district.Module, "monthlyIncome", "/max")!);
        Assert.Equal("bj-haidian", (string?)district.Provenance["monthlyIncome"]!["/max"]!["id"]);
    }

    [Fact]
    public void Setting_the_bound_field_property_itself_is_refused_naming_the_setting()
    {
        var problem = Assert.Throws<ModuleException>(() => Resolve(WithIncomeCap(),
            """{"op":"set","element":"monthlyIncome","path":"/max","value":2000000,"was":500000}""")).Problems.First();
        Assert.Equal("monthlyIncome", problem.Element);
        Assert.Contains("/max of element 'monthlyIncome' comes from setting 'incomeCap'; set the setting instead", problem.Message);
    }

    [Theory]
    [InlineData("""{"element":"nowhere","path":"/max"}""", "applies to element 'nowhere', which the module does not have")]
    [InlineData("""{"element":"monthlyIncome","path":"/id"}""", "an element's id cannot come from a setting")]
    [InlineData("""{"element":"employment","path":"/fields"}""", "it holds child elements")]
    [InlineData("""{"element":"reviewDeadlineDays","path":"/value"}""", "a setting cannot drive another setting")]
    public void A_binding_to_nothing_to_an_id_to_children_or_to_a_setting_is_a_problem_naming_it(string binding, string message)
    {
        var problems = Assert.Throws<ModuleException>(() => Resolve(WithIncomeCap(binding))).Problems;
        Assert.Contains(problems, p => p.Element == "incomeCap" && p.Message.Contains(message));
    }
}
