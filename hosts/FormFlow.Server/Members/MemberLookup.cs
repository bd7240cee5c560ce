using FormFlow.Persistence;
using FormFlow.Persistence.Members;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Members;

/// <summary>Finding members, including ones an earlier effect added to the same unsaved context.</summary>
internal static class MemberLookup
{
    public static async Task<Member?> ByAccountAsync(FormFlowDbContext db, string accountId, CancellationToken ct) =>
        db.Members.Local.FirstOrDefault(m => m.AccountId == accountId)
        ?? await db.Members.Include(m => m.Entitlements).SingleOrDefaultAsync(m => m.AccountId == accountId, ct);

    public static async Task<Member> RequireByAccountAsync(FormFlowDbContext db, string accountId, string effect, CancellationToken ct) =>
        await ByAccountAsync(db, accountId, ct)
        ?? throw new InvalidOperationException($"{effect}: account {accountId} is not a member (issueMemberCard must run first)");
}
