using FormFlow.Engine.Calendars;
using FormFlow.Engine.Expressions;
using FormFlow.Engine.Workflows.Activities;

namespace FormFlow.Engine.Workflows.Runtime;

/// <summary>Everything the runner takes from its host. The defaults run in memory with the mainland calendar.</summary>
public sealed record WorkflowRunnerOptions
{
    public ActivityRegistry Registry { get; init; } = ActivityRegistry.Default;

    /// <summary>The clock: start times, timers, deadlines and timeline entries.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Working days for user-task deadlines and reminders.</summary>
    public WorkingDayCalendar Calendar { get; init; } = WorkingDayCalendar.ChinaMainland;

    /// <summary>The offset of the union's local day, in which deadlines count (China: UTC+8).</summary>
    public TimeSpan LocalOffset { get; init; } = TimeSpan.FromHours(8);

    /// <summary>Finds parent and ancestor orgs for task assignment and hand-off; null when none is configured.</summary>
    public IOrgResolver? Orgs { get; init; }

    /// <summary>Sends httpRequest activities' requests; null fails them with an incident.</summary>
    public IWorkflowHttpHandler? Http { get; init; }

    /// <summary>Finds the child definition of callSubModule activities.</summary>
    public ISubWorkflowResolver? SubWorkflows { get; init; }

    /// <summary>Activities one stimulus may run before the run counts as a runaway loop and faults.</summary>
    public int MaxStepsPerRun { get; init; } = 10_000;

    /// <summary>Evaluates expressions and scripts; null: an engine with default limits on this clock and calendar.</summary>
    public ExpressionEngine? Expressions { get; init; }
}
