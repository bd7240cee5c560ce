using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.ElsaImport;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Tests.Workflows.Elsa;

/// <summary>Smaller Elsa shapes built in the test: empty sequences, literal conditions, nested flowcharts.</summary>
public class ElsaEdgeCaseTests
{
    private static JsonObject Flowchart(params JsonObject[] activities) => new()
    {
        ["name"] = "edge case",
        ["root"] = new JsonObject
        {
            ["type"] = "Elsa.Flowchart",
            ["id"] = "Flow",
            ["activities"] = new JsonArray(activities.Select(a => (JsonNode?)a).ToArray()),
        },
    };

    private static JsonObject Literal(string value, string? typeName = null)
    {
        var input = new JsonObject { ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
        if (typeName is not null) input["typeName"] = typeName;
        return input;
    }

    [Fact]
    public void An_empty_sequence_passes_control_on()
    {
        var doc = Flowchart(
            new JsonObject { ["id"] = "Nothing", ["type"] = "Elsa.Sequence", ["activities"] = new JsonArray() },
            new JsonObject { ["id"] = "Say", ["type"] = "Elsa.WriteLine", ["text"] = Literal("after", "String") });
        doc["root"]!["connections"] = new JsonArray(new JsonObject { ["source"] = "Nothing", ["sourcePort"] = "Done", ["target"] = "Say" });
        var instance = new WorkflowRunner().Start(ElsaImporter.Import(doc));
        Assert.Equal(WorkflowStatus.Finished, instance.Status);
        Assert.Equal(["Flow.start", "Nothing", "Say", "Flow.end"], instance.Visited);
    }

    [Fact]
    public void Literal_conditions_are_booleans_even_without_a_type_name()
    {
        var doc = Flowchart(new JsonObject
        {
            ["id"] = "Pick",
            ["type"] = "Elsa.FlowSwitch",
            ["cases"] = new JsonArray(
                new JsonObject { ["label"] = "No", ["condition"] = new JsonObject { ["type"] = "Literal", ["value"] = "false" } },
                new JsonObject { ["label"] = "Yes", ["condition"] = new JsonObject { ["type"] = "Literal", ["value"] = "true" } }),
        });
        var instance = new WorkflowRunner().Start(ElsaImporter.Import(doc));
        Assert.Equal(["Flow.start", "Pick", "Flow.end"], instance.Visited);
        var cases = ElsaImporter.Import(doc).Activities.Single(a => a.Id == "Pick").Input("cases")!.Literal!.AsArray();
        Assert.Equal(["false", "true"], cases.Select(c => (string)c!["condition"]!));
    }

    [Fact]
    public void A_flowchart_inside_a_sequence_is_refused_with_its_id()
    {
        var doc = Flowchart(new JsonObject
        {
            ["id"] = "Outer",
            ["type"] = "Elsa.Sequence",
            ["activities"] = new JsonArray(new JsonObject { ["id"] = "Inner", ["type"] = "Elsa.Flowchart", ["activities"] = new JsonArray() }),
        });
        var ex = Assert.Throws<ElsaImportException>(() => ElsaImporter.Import(doc));
        Assert.Contains("/root/activities/0/activities/0: a Flowchart nested inside another activity is not supported", ex.Message);
        Assert.Equal(["Inner"], ex.Errors.Single().ActivityIds);
    }

    [Fact]
    public void An_output_name_that_is_not_an_identifier_is_refused()
    {
        var doc = Flowchart(new JsonObject
        {
            ["id"] = "Out",
            ["type"] = "Elsa.SetOutput",
            ["outputName"] = Literal("card number", "String"),
            ["outputValue"] = Literal("x", "String"),
        });
        var ex = Assert.Throws<ElsaImportException>(() => ElsaImporter.Import(doc));
        Assert.Contains("'card number' is not a JavaScript identifier", ex.Message);
        Assert.Equal(["Out"], ex.Errors.Single().ActivityIds);
    }
}
