using System.Text.Json.Nodes;
using FormFlow.Server.Cases;

namespace FormFlow.Server.Tasks;

internal sealed record ApplicantName(string DisplayName);

/// <summary>A task in the inbox.</summary>
internal sealed record TaskView(
    long Id, long CaseId, string CaseNumber, JsonNode? ServiceName, string ActivityId, string Title, string Kind, AssigneeView Assignee,
    ApplicantName Applicant, DateTime CreatedAt, DateTime? DueAt, bool Overdue, long RowVersion,
    DateTime? CompletedAt, string? CompletedBy, string? Outcome);

internal sealed record OutcomeView(string Id, JsonObject Label);

/// <summary>A task opened for work: its outcomes, the step's field permissions, the form, and the case as the step may see it.</summary>
internal sealed record TaskDetailView(
    long Id, long CaseId, string CaseNumber, JsonNode? ServiceName, string ActivityId, string Title, string Kind, AssigneeView Assignee,
    ApplicantName Applicant, DateTime CreatedAt, DateTime? DueAt, bool Overdue, long RowVersion,
    DateTime? CompletedAt, string? CompletedBy, string? Outcome,
    List<OutcomeView> Outcomes, JsonObject FieldPermissions, JsonObject Form, CaseView Case);

/// <summary>What <c>POST /api/tasks/{id}/complete</c> answers.</summary>
internal sealed record TaskCompletionView(TaskView Task, CaseView Case);
