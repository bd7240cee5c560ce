using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// What an activity type does. <see cref="Execute"/> runs when a token arrives: it completes with an outcome,
/// waits on a bookmark, or throws <see cref="WorkflowActivityException"/> (recorded as an incident).
/// Waiting types also implement <see cref="Resume"/> (a stimulus for their bookmark) and/or
/// <see cref="OnDue"/> (their bookmark's due time has passed).
/// </summary>
public abstract class ActivityBehaviour
{
    public abstract ActivityDescriptor Descriptor { get; }

    /// <summary>The outcome ports of one activity of this type.</summary>
    public virtual IReadOnlyList<string> OutcomesOf(ActivityDefinition activity) => Descriptor.Outcomes;

    /// <summary>Type-specific load-time checks beyond required inputs and literal kinds.</summary>
    public virtual void Check(ActivityCheck check) { }

    public abstract void Execute(ActivityContext context);

    /// <summary>Applies a stimulus to a bookmark of this activity; throws <see cref="WorkflowStimulusException"/> when it does not fit.</summary>
    public virtual void Resume(ActivityContext context, Bookmark bookmark, Stimulus stimulus) =>
        throw new WorkflowStimulusException(
            $"activity '{context.Activity.Id}' ({Descriptor.Type}) cannot be resumed by {StimulusNames.Of(stimulus)}");

    /// <summary>The bookmark's due time has passed on the runner's clock.</summary>
    public virtual void OnDue(ActivityContext context, Bookmark bookmark) { }
}

/// <summary>A fault while running an activity: becomes an incident naming the activity.</summary>
internal sealed class WorkflowActivityException(string message) : Exception(message);

internal static class StimulusNames
{
    public static string Of(Stimulus stimulus) => stimulus switch
    {
        TaskCompleted => "a task completion",
        ClockAdvanced or TimerDue => "a timer",
        EventReceived e => $"event '{e.Name}'",
        ApplicantResubmitted => "an applicant resubmission",
        _ => stimulus.GetType().Name,
    };
}
