using FormFlow.Engine.Responses;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Services;

/// <summary>
/// What the Portal needs to know of a service's response policy for the signed-in account: whether answers are
/// open, whether this account already answered in the current period, and whether it may see results.
/// </summary>
internal sealed record ResponseFacts(
    WindowState Window, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, ResponseLimit Limit, ResponseAnonymity Anonymity,
    string? Period, bool Answered, bool ResultsVisible)
{
    /// <summary>The facts, or null for a plain case service without a window, limit or eligibility rule.</summary>
    public static async Task<ResponseFacts?> ForAsync(FormFlowDbContext db, Account account, ServiceEntry entry, ResponsePolicy policy,
        DateTimeOffset now, CancellationToken ct)
    {
        if (!policy.Responses && !policy.Restricts) return null;
        var period = policy.PeriodKey(now);
        var periods = await db.Participations.AsNoTracking()
            .Where(p => p.ServiceActivationId == entry.Activation.Id && p.AccountId == account.Id).Select(p => p.PeriodKey).ToListAsync(ct);
        var answered = period is not null && periods.Contains(period);
        return new(policy.WindowAt(now), policy.OpensAt, policy.ClosesAt, policy.Limit, policy.Anonymity, period, answered,
            policy.ResultsVisible(entry.IsOrganisedBy(account), periods.Count > 0, now));
    }
}
