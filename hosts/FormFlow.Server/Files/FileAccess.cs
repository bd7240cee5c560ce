using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Files;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Publications;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Files;

/// <summary>
/// Who may read a file: the account that uploaded it, and staff whose role reaches a union the uploader belongs to
/// (a reviewer at the uploader's grassroots union, the district above it, ...), and the readers of a feed item that
/// shows it (a notice's cover, attachments and images). Everyone else is told it does not exist.
/// </summary>
internal static class FileAccess
{
    public static async Task<bool> MayReadAsync(FormFlowDbContext db, Account reader, StoredFile file, DateTime now, CancellationToken ct)
    {
        if (file.OwnerAccountId == reader.Id) return true;
        var staffPaths = reader.Roles.Where(r => Roles.ReachesSubtree(r.Role)).Select(r => r.OrgUnit!.Path).ToList();
        if (staffPaths.Count > 0)
        {
            var ownerPaths = await db.RoleAssignments.Where(r => r.AccountId == file.OwnerAccountId)
                .Select(r => r.OrgUnit!.Path).ToListAsync(ct);
            if (ownerPaths.Any(owner => staffPaths.Any(staff => OrgSubtree.Contains(staff, owner)))) return true;
        }
        var chain = PublicationQueries.ChainOf(reader.Roles.Select(r => r.OrgUnit!.Path));
        return await PublicationQueries.ShowsFileAsync(db, file.Id, chain, staffPaths, now, ct);
    }
}
