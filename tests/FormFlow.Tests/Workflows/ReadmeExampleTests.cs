using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Tests.Workflows;

/// <summary>The definition documented in engine/FormFlow.Engine/Workflows/README.md loads and runs.</summary>
public class ReadmeExampleTests
{
    private static string ExampleJson()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "engine/FormFlow.Engine/Workflows/README.md"));
        return Regex.Match(readme, "```json\\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
    }


    [Fact]
    public void The_documented_join_workflow_loads_and_escalates_to_the_street()
    {
        var definition = WorkflowDefinitionLoader.Load(ExampleJson());
        var h = new WorkflowHarness(new DateTimeOffset(2026, 2, 10, 15, 0, 0, TimeSpan.FromHours(8)));

        var i = h.Runner.Start(definition, new JsonObject { ["idNumber"] = "110101199003074514" }, WorkflowHarness.Case());
        Assert.Equal("2026-03-09", (string?)i.Bookmarks[0].Payload["deadline"]);

        h.SetLocal(2026, 3, 10, 0);
        i = h.Runner.Resume(definition, i, new ClockAdvanced());
        Assert.Equal("street-1", (string?)i.Bookmarks[0].Payload["assignment"]!["resolvedOrg"]);
        Assert.Equal(2, i.Outbox.Count(o => o.Kind == "notify")); // the two reminders of the first round

        i = h.Runner.Resume(definition, i, new TaskCompleted("review", "approve", new JsonObject { ["memberNo"] = "M-1" }));
        Assert.Equal(WorkflowStatus.Finished, i.Status);
        Assert.Equal("M-1", (string?)i.Input["memberNo"]);
        Assert.Equal("street-1", (string?)i.Outbox.Single(o => o.Kind == "issueMemberCard").Payload["org"]);
    }
}
