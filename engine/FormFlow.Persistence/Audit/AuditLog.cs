using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Accounts;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence.Audit;

/// <summary>Appends audit entries to the context, so they commit in the same SaveChanges as the change they record.</summary>
public static class AuditLog
{
    public const string SystemActor = "system";
    public const string Anonymous = "anonymous";

    /// <param name="orgId">The org unit the change concerns (see <see cref="AuditEntry.OrgId"/>); null only when it concerns no one unit.</param>
    public static AuditEntry Append(FormFlowDbContext db, string actor, string action, string? target, int? orgId, JsonObject? details = null)
    {
        var entry = new AuditEntry
        {
            At = DateTime.UtcNow,
            Actor = actor,
            Action = action,
            Target = target,
            OrgId = orgId,
            Details = (details ?? []).ToJsonString(JsonOptions),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>
    /// The org unit an entry about this account concerns: the unit of its first role (of <paramref name="role"/> when
    /// named) among the roles loaded with it — a worker's union, a staff member's or an admin's unit; null when none.
    /// </summary>
    public static int? OrgOf(Account account, string? role = null) =>
        account.Roles.Where(r => role is null || r.Role == role).OrderBy(r => r.Id).Select(r => (int?)r.OrgUnitId).FirstOrDefault();

    /// <summary><see cref="OrgOf"/> for an account whose roles are not loaded.</summary>
    public static Task<int?> OrgOfAsync(FormFlowDbContext db, string accountId, CancellationToken ct = default) =>
        db.RoleAssignments.Where(r => r.AccountId == accountId).OrderBy(r => r.Id).Select(r => (int?)r.OrgUnitId).FirstOrDefaultAsync(ct);

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
