using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.Runtime;

/// <summary>Something from outside that resumes a waiting instance. <see cref="By"/> is recorded on the timeline.</summary>
public abstract record Stimulus
{
    public string? By { get; init; }
}

/// <summary>
/// A handler completed a waiting step (user task or offline handling) with one of its outcomes.
/// <paramref name="BookmarkId"/> is a bookmark ID, or the ID of an activity that has exactly one open bookmark.
/// </summary>
public sealed record TaskCompleted(string BookmarkId, string Outcome, JsonObject? Data = null) : Stimulus;

/// <summary>The clock moved on: every timer, reminder and deadline due by the runner's clock now fires.</summary>
public sealed record ClockAdvanced : Stimulus;

/// <summary>One timer bookmark is due (a scheduler that tracks due times fires them one by one).</summary>
internal sealed record TimerDue(string BookmarkId) : Stimulus;

/// <summary>A named event; resumes every waitForEvent bookmark with that name (and correlation, when it has one).</summary>
public sealed record EventReceived(string Name, string? Correlation = null, JsonNode? Payload = null) : Stimulus;

/// <summary>
/// The applicant sent the requested information: <paramref name="Data"/> replaces the instance input.
/// <paramref name="BookmarkId"/> may be omitted when exactly one requestInformation step waits.
/// </summary>
public sealed record ApplicantResubmitted(JsonObject Data, string? BookmarkId = null) : Stimulus;

/// <summary>A stimulus that does not fit the instance; the instance was left unchanged.</summary>
public sealed class WorkflowStimulusException(string message) : Exception(message);
