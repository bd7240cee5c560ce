using System.Text.Json.Nodes;
using FormFlow.Server.Cases;
using FormFlow.Server.Shared;

namespace FormFlow.Server.Tasks;

/// <summary>Who applied, by display name; null when the step may not know (it hides the applicant's name field).</summary>
internal sealed record ApplicantName(string? DisplayName);

/// <summary>Who holds a claimed task, since when.</summary>
internal sealed record ClaimView(PersonRef By, DateTime At);

/// <summary>A task in the inbox; <c>claim</c> names who holds it, if anyone.</summary>
internal sealed record TaskView(
    long Id, long CaseId, string CaseNumber, JsonNode? ServiceName, string ActivityId, string Title, string Kind, AssigneeView Assignee,
    ApplicantName Applicant, DateTime CreatedAt, DateTime? DueAt, bool Overdue, long RowVersion,
    DateTime? CompletedAt, string? CompletedBy, string? Outcome, ClaimView? Claim);

/// <summary>A page of the inbox.</summary>
internal sealed record TaskPage(List<TaskView> Items, string? Next);



internal sealed record OutcomeView(string Id, JsonObject Label);

/// <summary>A task opened for work: its outcomes, the step's field permissions, the form, and the case as the step may see it.</summary>
internal sealed record TaskDetailView(
    long Id, long CaseId, string CaseNumber, JsonNode? ServiceName, string ActivityId, string Title, string Kind, AssigneeView Assignee,
    ApplicantName Applicant, DateTime CreatedAt, DateTime? DueAt, bool Overdue, long RowVersion,
    DateTime? CompletedAt, string? CompletedBy, string? Outcome, ClaimView? Claim,
    List<OutcomeView> Outcomes, JsonObject FieldPermissions, JsonObject Form, CaseView Case);

/// <summary>What <c>POST /api/tasks/{id}/complete</c> answers.</summary>
internal sealed record TaskCompletionView(TaskView Task, CaseView Case);
