using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.ElsaImport;

namespace FormFlow.Tests.Workflows.Elsa;

/// <summary>Reading Elsa files: what is accepted, and the errors for what is not.</summary>
public class ElsaReaderTests
{
    public static TheoryData<string> Files => ElsaFixtures.AllFiles();
    public static TheoryData<string> Rejected => ElsaFixtures.Where(e => e["errors"] is not null);
    public static TheoryData<string> Runnable => ElsaFixtures.Where(e => e["run"] is not null);

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_file_has_an_expectation(string file) =>
        Assert.NotNull(ElsaFixtures.ExpectationFor(file));

    [Theory]
    [MemberData(nameof(Runnable))]
    public void Runnable_files_are_recognised_and_read(string file)
    {
        var document = JsonNode.Parse(File.ReadAllText(ElsaFixtures.PathOf(file)));
        Assert.True(ElsaReader.LooksLikeElsa(document));
        var workflow = ElsaReader.Read(document);
        Assert.NotEmpty(workflow.Name);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Rejected_files_list_every_problem_with_activity_ids(string file)
    {
        var expected = ElsaFixtures.ExpectationFor(file);
        var ex = Assert.Throws<ElsaImportException>(() => ElsaReader.Read(JsonNode.Parse(File.ReadAllText(ElsaFixtures.PathOf(file)))));
        foreach (var text in expected["errors"]!.AsArray())
            Assert.Contains(text!.GetValue<string>(), ex.Message);
        var ids = ex.Errors.SelectMany(e => e.ActivityIds).ToHashSet();
        foreach (var id in expected["activityIds"]!.AsArray())
            Assert.Contains(id!.GetValue<string>(), ids);
    }

    [Fact]
    public void Truncated_file_is_not_json_at_all()
    {
        Assert.True(ElsaFixtures.ExpectationFor("23-malformed-truncated.json")["malformedJson"]!.GetValue<bool>());
        Assert.ThrowsAny<JsonException>(() => JsonNode.Parse(File.ReadAllText(ElsaFixtures.PathOf("23-malformed-truncated.json"))));
    }

    [Fact]
    public void Both_connection_formats_read_to_the_same_connections()
    {
        var nested = ElsaReader.Read(JsonNode.Parse(File.ReadAllText(ElsaFixtures.PathOf("03-decision-javascript.json"))));
        var flat = ElsaReader.Read(JsonNode.Parse(File.ReadAllText(ElsaFixtures.PathOf("08-loop-back-edge.json"))));
        var nestedConnections = ((ElsaFlowchart)nested.Root).Connections;
        var flatConnections = ((ElsaFlowchart)flat.Root).Connections;
        Assert.Contains(nestedConnections, c => c is { Source: "IsAdult", SourcePort: "False", Target: "MarkMinor" });
        Assert.Contains(flatConnections, c => c is { Source: "More", SourcePort: "True", Target: "Increment" });
        Assert.Contains(flatConnections, c => c is { Source: "Increment", SourcePort: "Done", Target: "More" });
    }

    [Fact]
    public void Dotnet_type_names_give_typed_variable_values()
    {
        var workflow = ElsaReader.Read(JsonNode.Parse(File.ReadAllText(ElsaFixtures.PathOf("07-run-javascript.json"))));
        var price = workflow.Variables.Single(v => v.Name == "Price");
        var quantity = workflow.Variables.Single(v => v.Name == "Quantity");
        Assert.Equal(ElsaValueType.Number, price.Type);
        Assert.Equal(120.5m, price.Value!.GetValue<decimal>());
        Assert.Equal(ElsaValueType.Integer, quantity.Type);
        Assert.Equal(3L, quantity.Value!.GetValue<long>());
        Assert.Null(workflow.Variables.Single(v => v.Name == "Total").Value);
    }

    [Theory]
    [InlineData("System.Int32, System.Private.CoreLib", "Integer")]
    [InlineData("Int64", "Integer")]
    [InlineData("System.Decimal", "Number")]
    [InlineData("Boolean", "Boolean")]
    [InlineData("System.DateTime, System.Private.CoreLib", "DateTime")]
    [InlineData("String[]", "Array")]
    [InlineData("System.Collections.Generic.List`1[[System.String, System.Private.CoreLib]], System.Private.CoreLib", "Array")]
    [InlineData("System.Dynamic.ExpandoObject, System.Linq.Expressions", "Any")]
    [InlineData("Object", "Any")]
    public void Type_names_are_classified(string typeName, string expected) =>
        Assert.Equal(expected, ElsaTypeNames.Classify(typeName).ToString());

    [Fact]
    public void Object_expressions_become_structured_values()
    {
        var workflow = ElsaReader.Read(JsonNode.Parse(File.ReadAllText(ElsaFixtures.PathOf("16-object-expression.json"))));
        var set = ((ElsaFlowchart)workflow.Root).Activities.OfType<ElsaSetVariable>().First();
        var value = Assert.IsType<ElsaLiteral>(set.Value).Value!.AsObject();
        Assert.Equal("张三", value["name"]!.GetValue<string>());
        Assert.Equal(["身份证", "劳动合同"], workflow.Variables.Single(v => v.Name == "Documents").Value!.AsArray().Select(x => x!.GetValue<string>()));
    }

    [Fact]
    public void Switch_and_fork_read_their_ports_and_join_its_mode()
    {
        var sw = (ElsaSwitch)((ElsaFlowchart)ElsaReader.Read(Load("04-switch-cases.json")).Root).Activities.Single(a => a.Id == "ByTier");
        Assert.Equal(["Gold", "Silver", "Default"], ElsaReader.OutPorts(sw));
        var chart = (ElsaFlowchart)ElsaReader.Read(Load("06-fork-join-wait-any.json")).Root;
        Assert.Equal(["Manual", "Automatic"], ((ElsaFork)chart.Activities.Single(a => a.Id == "Fork1")).Branches);
        Assert.True(((ElsaJoin)chart.Activities.Single(a => a.Id == "Join1")).WaitAny);
        Assert.Equal(TimeSpan.FromDays(1), ((ElsaDelay)chart.Activities.Single(a => a.Id == "WaitOneDay")).Duration);
    }

    [Fact]
    public void Unknown_outcome_port_names_the_activity_and_its_ports()
    {
        var doc = Load("03-decision-javascript.json");
        doc["root"]!["connections"]![1]!["source"]!["port"] = "Maybe";
        var ex = Assert.Throws<ElsaImportException>(() => ElsaReader.Read(doc));
        Assert.Contains("activity 'IsAdult' has no outcome 'Maybe' (it has True, False)", ex.Message);
    }

    [Fact]
    public void A_document_that_is_not_an_object_is_rejected()
    {
        var ex = Assert.Throws<ElsaImportException>(() => ElsaReader.Read(new JsonArray()));
        Assert.Contains("must be a JSON object", ex.Message);
        Assert.False(ElsaReader.LooksLikeElsa(new JsonObject { ["activities"] = new JsonArray() }));
    }

    private static JsonNode Load(string file) => JsonNode.Parse(File.ReadAllText(ElsaFixtures.PathOf(file)))!;
}
