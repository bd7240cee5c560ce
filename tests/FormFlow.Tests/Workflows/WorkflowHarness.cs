using System.Text.Json.Nodes;
using FormFlow.Engine.Calendars;
using FormFlow.Engine.Workflows.Runtime;
using Microsoft.Extensions.Time.Testing;

namespace FormFlow.Tests.Workflows;

/// <summary>A runner on a manual clock (Beijing time) with a small union hierarchy, for tests.</summary>
internal sealed class WorkflowHarness
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    public WorkflowHarness(DateTimeOffset? start = null, Func<WorkflowRunnerOptions, WorkflowRunnerOptions>? configure = null)
    {
        Clock = new FakeTimeProvider(start ?? DefaultStart);
        var options = new WorkflowRunnerOptions
        {
            Clock = Clock,
            Calendar = WorkingDayCalendar.ChinaMainland,
            Orgs = new OrgTree()
                .Add("city", "city")
                .Add("district-1", "district", "city")
                .Add("street-1", "street", "district-1")
                .Add("union-1", "grassroots", "street-1"),
        };
        Runner = new WorkflowRunner(configure is null ? options : configure(options));
    }

    public FakeTimeProvider Clock { get; }
    public WorkflowRunner Runner { get; }

    public static JsonObject Case(string applicantOrg = "union-1") =>
        new() { ["id"] = "case-1", ["applicantOrg"] = applicantOrg, ["applicantId"] = "worker-7" };

    public static JsonObject Data(string json) => JsonNode.Parse(json)!.AsObject();

    public void AdvanceDays(int days) => Clock.Advance(TimeSpan.FromDays(days));

    /// <summary>Moves the clock to a local (UTC+8) date at the given hour.</summary>
    public void SetLocal(int year, int month, int day, int hour = 9) =>
        Clock.SetUtcNow(new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)));
}
