using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Audit;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Members;

/// <summary>Members imported before they had an account, and the moment they get one.</summary>
internal static class ImportedMembers
{
    /// <summary>
    /// Links the unlinked imported member record with this mobile number to a newly registered account, so the person
    /// finds their card and benefits at once. Nothing happens when the account is a member already or no unlinked
    /// record has the number. The claim is one conditional UPDATE (two registrations racing for one record cannot
    /// both win) and is written at once, with an audit entry; call it after the account is saved.
    /// </summary>
    /// <returns>The linked member's number, or null when nothing was linked.</returns>
    public static async Task<string?> LinkAsync(FormFlowDbContext db, string accountId, string mobile, CancellationToken ct)
    {
        if (Normalise(mobile) is not { } number) return null;
        if (await db.Members.AnyAsync(m => m.AccountId == accountId, ct)) return null;
        var candidates = await db.Members.Where(m => m.Mobile == number && m.AccountId == null).OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.MemberNumber, m.OrgUnitId }).ToListAsync(ct);
        foreach (var candidate in candidates)
        {
            var claimed = await db.Members.Where(m => m.Id == candidate.Id && m.AccountId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.AccountId, accountId), ct);
            if (claimed == 0) continue;
            AuditLog.Append(db, AuditLog.SystemActor, "member.linked", $"member:{candidate.MemberNumber}", candidate.OrgUnitId, new JsonObject { ["account"] = accountId });
            await db.SaveChangesAsync(ct);
            return candidate.MemberNumber;
        }
        return null;
    }

    /// <summary>A mobile number as stored: digits only, without a +86 / 0086 prefix; null when blank.</summary>
    public static string? Normalise(string? mobile)
    {
        if (string.IsNullOrWhiteSpace(mobile)) return null;
        var digits = new string(mobile.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        if (digits.StartsWith("+86", StringComparison.Ordinal)) digits = digits[3..];
        else if (digits.StartsWith("0086", StringComparison.Ordinal)) digits = digits[4..];
        return digits;
    }
}
