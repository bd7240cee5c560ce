using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Shared;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Training;

/// <summary>What creating a bank, a training or a contest shares: the owning unit the editor manages, and the audited insert.</summary>
internal static class TrainingEdits
{
    /// <summary>The unit named by <paramref name="orgUnitId"/> if the editor manages it (designer or admin there or above), else the refusal naming the field.</summary>
    public static async Task<(OrgUnit? Org, FieldProblem? Problem)> ManagedOrgAsync(FormFlowDbContext db, Account editor, int orgUnitId, CancellationToken ct) =>
        await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orgUnitId, ct) is { } org && TrainingAccess.Manages(editor, org)
            ? (org, null)
            : (null, FieldProblem.Invalid("orgUnitId", $"org {orgUnitId} is not one you manage as designer or admin"));

    /// <summary>Adds the row and its audit entry, which names the row's ID, in one transaction.</summary>
    public static async Task AddAuditedAsync<T>(FormFlowDbContext db, Account editor, T row, OrgUnit org, string action, Func<T, string> target,
        Func<T, JsonObject> details, CancellationToken ct) where T : class
    {
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        db.Add(row);
        await db.SaveChangesAsync(ct);
        AuditLog.Append(db, editor.UserName!, action, target(row), org.Id, details(row));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
