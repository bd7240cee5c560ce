using FormFlow.Persistence.Cases;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>Steps of a case written through a context (so their figures follow), for the deadlines a workflow rarely leaves.</summary>
public static class CaseSteps
{
    /// <summary>
    /// A review step of <paramref name="caseId"/> at the case's org, due at <paramref name="dueAt"/> and closed at
    /// <paramref name="completedAt"/> with <paramref name="outcome"/> (null: open); its ID.
    /// </summary>
    public static async Task<long> AddAsync(ServerFixture server, long caseId, DateTime? dueAt, DateTime? completedAt, string outcome = "approve")
    {
        await using var db = server.OpenDb();
        var owner = await db.Cases.Where(c => c.Id == caseId).Select(c => new { c.OrgUnitId, c.CreatedAt }).SingleAsync();
        var step = new CaseTask
        {
            CaseId = caseId, BookmarkId = $"step-{Guid.NewGuid():N}", ActivityId = "review", Kind = "userTask", Title = "审核", Role = "reviewer",
            OrgUnitId = owner.OrgUnitId, CreatedAt = owner.CreatedAt, DueAt = dueAt, CompletedAt = completedAt,
            CompletedBy = completedAt is null ? null : "reviewer", Outcome = completedAt is null ? null : outcome,
        };
        db.CaseTasks.Add(step);
        await db.SaveChangesAsync();
        return step.Id;
    }
}
