namespace FormFlow.Persistence.Cases;

/// <summary>
/// One run of a service for one applicant: the form data, the workflow instance (engine JSON) and the snapshot it
/// is pinned to. <see cref="Version"/> is the concurrency token: every change bumps it, and a save against an older
/// version fails, so two stimuli can never both apply to the same instance state.
/// </summary>
public sealed class Case
{
    public long Id { get; set; }
    /// <summary>Readable number, e.g. <c>FF-2026-000123</c> (year of submission, local time).</summary>
    public string Number { get; set; } = "";
    public int ServiceActivationId { get; set; }
    public required string SnapshotHash { get; set; }
    public required string ModuleKey { get; set; }
    public required string ApplicantAccountId { get; set; }
    /// <summary>The applicant's org unit: authorisation (a cadre sees cases in their subtree) counts from here.</summary>
    public int OrgUnitId { get; set; }
    /// <summary>running | waitingForApplicant | finished | rejected | faulted (see <see cref="CaseStatuses"/>).</summary>
    public required string Status { get; set; }
    /// <summary>Title of the step the case waits at, for lists.</summary>
    public string? CurrentStep { get; set; }
    /// <summary>The form data as the forms engine normalized it.</summary>
    public required string Data { get; set; }
    /// <summary>The workflow instance JSON (<c>WorkflowInstance.ToJson</c>).</summary>
    public required string Instance { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>UTC time the case first reached finished or rejected; set once by the save that closes it (the day its figures count in).</summary>
    public DateTime? ClosedAt { get; set; }
    public long Version { get; set; }
}

public static class CaseStatuses
{
    public const string Running = "running";
    public const string WaitingForApplicant = "waitingForApplicant";
    public const string Finished = "finished";
    public const string Rejected = "rejected";
    public const string Faulted = "faulted";
}
