using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FormFlow.Engine.Responses;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Members;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Responses;
using FormFlow.Server.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Responses;

/// <summary>
/// The response policy at the door, for answers and for case submissions of any module that sets a window, a limit
/// or eligibility: refuse outside the window or when not eligible (422), or when already answered in the period
/// (409); let one in by adding a participation row, whose unique key settles two racing answers.
/// </summary>
internal static class ResponseGate
{
    public static async Task<ProblemHttpResult?> RefuseAsync(FormFlowDbContext db, Account account, ServiceEntry service,
        ResponsePolicy policy, int orgId, DateTimeOffset now, CancellationToken ct)
    {
        switch (policy.WindowAt(now))
        {
            case WindowState.NotYetOpen: return ResponseProblems.NotYetOpen(policy.OpensAt!.Value);
            case WindowState.Closed: return ResponseProblems.Closed(policy.ClosesAt!.Value);
        }
        if (policy.Eligibility is { } rule)
        {
            var (eligible, error) = policy.IsEligible(await ApplicantAsync(db, account, service, orgId, ct));
            if (!eligible) return ResponseProblems.NotEligible(rule, error);
        }
        if (policy.PeriodKey(now) is { } period && policy.Limit != ResponseLimit.Unlimited
            && await db.Participations.AnyAsync(p => p.ServiceActivationId == service.Activation.Id && p.AccountId == account.Id && p.PeriodKey == period, ct))
            return ResponseProblems.AlreadyAnswered(policy, period);
        return null;
    }

    /// <summary>
    /// Adds the participation row to the unit of work. Unlimited answers get a random period key, so the row still
    /// says that the account took part without limiting it.
    /// </summary>
    public static Participation Enter(FormFlowDbContext db, Account account, ServiceEntry service, ResponsePolicy policy, int orgId, DateTimeOffset now)
    {
        var row = new Participation
        {
            ServiceActivationId = service.Activation.Id, AccountId = account.Id, OrgUnitId = orgId,
            PeriodKey = policy.PeriodKey(now) ?? "#" + Convert.ToHexString(RandomNumberGenerator.GetBytes(7)),
        };
        db.Participations.Add(row);
        return row;
    }

    /// <summary>After a failed save: whether it failed because the account's participation in the period is already there.</summary>
    public static async Task<ProblemHttpResult?> LostToAsync(FormFlowDbContext db, Account account, ServiceEntry service, ResponsePolicy policy,
        DateTimeOffset now, CancellationToken ct)
    {
        if (policy.Limit == ResponseLimit.Unlimited || policy.PeriodKey(now) is not { } period) return null;
        db.ChangeTracker.Clear();
        var taken = await db.Participations.AnyAsync(p => p.ServiceActivationId == service.Activation.Id && p.AccountId == account.Id && p.PeriodKey == period, ct);
        return taken ? ResponseProblems.AlreadyAnswered(policy, period) : null;
    }

    /// <summary>
    /// What an eligibility rule sees: <c>isMember</c> (an active member), <c>org</c> (the applicant's org id) and
    /// <c>orgs</c> (the org ids from the root down to it).
    /// </summary>
    private static async Task<JsonObject> ApplicantAsync(FormFlowDbContext db, Account account, ServiceEntry service, int orgId, CancellationToken ct)
    {
        var isMember = await db.Members.AnyAsync(m => m.AccountId == account.Id && m.Status == MemberStatus.Active, ct);
        var path = account.Roles.Select(r => r.OrgUnit!).FirstOrDefault(o => o.Id == orgId)?.Path
                   ?? (orgId == service.Org.Id ? service.Org.Path : await db.OrgUnits.Where(o => o.Id == orgId).Select(o => o.Path).SingleAsync(ct));
        return new JsonObject
        {
            ["isMember"] = isMember, ["org"] = orgId,
            ["orgs"] = new JsonArray(OrgSubtree.Chain(path).Select(id => (JsonNode)JsonValue.Create(id)).ToArray()),
        };
    }
}
