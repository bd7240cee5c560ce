using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Cases;

namespace FormFlow.Server.Cases;

/// <summary>
/// Facts another feature knows about a case's applicant, written into the workflow's <c>caseInfo</c> each time the
/// case runs, so a step decides on the store's state at that moment (e.g. the member's remaining benefit uses)
/// rather than on what was true when the case was submitted. Registered by the feature that owns the facts.
/// </summary>
internal interface ICaseFacts
{
    Task AddAsync(FormFlowDbContext db, Case row, DateTimeOffset now, JsonObject facts, CancellationToken ct);
}
