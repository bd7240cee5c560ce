using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Shared;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Orgs;

/// <summary>
/// Changing the org tree: an admin at X creates units anywhere in X's subtree and renames, moves or archives the
/// units below X — never X itself or anything above it (that is for the admins above). Every change is audited.
/// </summary>
internal sealed class OrgAdministration(FormFlowDbContext db, TimeProvider clock, OrgDirectory directory)
{
    public const int MaxNameLength = 100;

    public async Task<Outcome<OrgUnit>> CreateAsync(Account admin, int parentId, string? name, OrgLevel? level, CancellationToken ct)
    {
        if (Name(name) is { } badName) return badName;
        if (level is null) return FieldProblem.Invalid("level", $"level is required: one of {Levels}");
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        if (await FindAsync(admin, parentId, ct) is not { } parent) return NotFound(parentId, "parentId");
        if (!OrgAdmins.Manages(admin, parent, inclusive: true)) return Forbidden(parent, "create units under");
        if (parent.ArchivedAt is not null) return FieldProblem.Conflict("parentId", $"'{parent.Name}' is archived and takes no new units");
        if (level <= parent.Level) return FieldProblem.Invalid("level", $"a {Text(level.Value)} unit cannot sit under the {Text(parent.Level)} unit '{parent.Name}'");
        if (await SiblingNamedAsync(parent.Id, name!.Trim(), null, ct)) return Taken(name, parent);

        var unit = await OrgUnits.CreateAsync(db, name.Trim(), level.Value, parent, ct);
        AuditLog.Append(db, admin.UserName!, "org.created", $"org:{unit.Id}", unit.Id, new JsonObject { ["name"] = unit.Name, ["level"] = Text(unit.Level), ["parent"] = parent.Id });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        directory.Forget();
        return Outcome<OrgUnit>.Done(unit);
    }

    /// <summary>Renames the unit, moves it (with its subtree) under another parent, or both.</summary>
    public async Task<Outcome<OrgUnit>> UpdateAsync(Account admin, int id, string? name, int? parentId, CancellationToken ct)
    {
        if (name is not null && Name(name) is { } badName) return badName;
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        if (await FindAsync(admin, id, ct) is not { } unit) return NotFound(id, "id");
        if (!OrgAdmins.Manages(admin, unit, inclusive: false)) return Forbidden(unit, "change");
        var parent = await db.OrgUnits.SingleAsync(o => o.Id == unit.ParentId, ct);
        var details = new JsonObject();
        if (parentId is { } newParentId && newParentId != unit.ParentId)
        {
            if (await FindAsync(admin, newParentId, ct) is not { } target) return NotFound(newParentId, "parentId");
            if (!OrgAdmins.Manages(admin, target, inclusive: true)) return Forbidden(target, "move units under");
            if (OrgSubtree.Contains(unit.Path, target.Path)) return FieldProblem.Invalid("parentId", $"'{unit.Name}' cannot move under '{target.Name}', which lies inside it");
            if (unit.Level <= target.Level) return FieldProblem.Invalid("parentId", $"the {Text(unit.Level)} unit '{unit.Name}' cannot sit under the {Text(target.Level)} unit '{target.Name}'");
            if (target.ArchivedAt is not null) return FieldProblem.Conflict("parentId", $"'{target.Name}' is archived and takes no new units");
            if (await SiblingNamedAsync(target.Id, (name ?? unit.Name).Trim(), unit.Id, ct)) return Taken(name ?? unit.Name, target);
            details["from"] = parent.Id;
            details["to"] = target.Id;
            await OrgUnits.MoveAsync(db, unit, target, ct);
            parent = target;
        }
        if (name is not null && name.Trim() != unit.Name)
        {
            if (await SiblingNamedAsync(parent.Id, name.Trim(), unit.Id, ct)) return Taken(name, parent);
            details["oldName"] = unit.Name;
            details["name"] = unit.Name = name.Trim();
        }
        if (details.Count > 0) AuditLog.Append(db, admin.UserName!, "org.changed", $"org:{unit.Id}", unit.Id, details);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        directory.Forget();
        return Outcome<OrgUnit>.Done(unit);
    }

    /// <summary>Archives a unit with no live units below it; its cases and members stay where they are.</summary>
    public async Task<Outcome<OrgUnit>> ArchiveAsync(Account admin, int id, CancellationToken ct)
    {
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        if (await FindAsync(admin, id, ct) is not { } unit) return NotFound(id, "id");
        if (!OrgAdmins.Manages(admin, unit, inclusive: false)) return Forbidden(unit, "archive");
        if (unit.ArchivedAt is not null) return Outcome<OrgUnit>.Done(unit);
        var live = await db.OrgUnits.CountAsync(o => o.ParentId == unit.Id && o.ArchivedAt == null, ct);
        if (live > 0) return FieldProblem.Conflict("id", $"'{unit.Name}' still has {live} live units below it; archive or move them first");
        unit.ArchivedAt = clock.GetUtcNow().UtcDateTime;
        AuditLog.Append(db, admin.UserName!, "org.archived", $"org:{unit.Id}", unit.Id, new JsonObject { ["name"] = unit.Name });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        directory.Forget();
        return Outcome<OrgUnit>.Done(unit);
    }

    public static string Levels => string.Join(", ", Enum.GetValues<OrgLevel>().Select(Text));

    public static string Text(OrgLevel level) => level.ToString().ToLowerInvariant();

    /// <summary>A unit the account can see (its staff subtrees); others answer as if they did not exist.</summary>
    private async Task<OrgUnit?> FindAsync(Account admin, int id, CancellationToken ct)
    {
        var unit = await db.OrgUnits.SingleOrDefaultAsync(o => o.Id == id, ct);
        return unit is not null && OrgAdmins.Sees(admin, unit) ? unit : null;
    }

    private Task<bool> SiblingNamedAsync(int parentId, string name, int? except, CancellationToken ct) =>
        db.OrgUnits.AnyAsync(o => o.ParentId == parentId && o.Name == name && o.ArchivedAt == null && o.Id != except, ct);

    private static FieldProblem? Name(string? name) => name?.Trim() switch
    {
        null or "" => FieldProblem.Invalid("name", "name is required"),
        { Length: > MaxNameLength } => FieldProblem.Invalid("name", $"name is longer than {MaxNameLength} characters"),
        var text when text.Any(char.IsControl) => FieldProblem.Invalid("name", "name holds a control character"),
        _ => null,
    };

    private static FieldProblem NotFound(int id, string field) =>
        new(StatusCodes.Status404NotFound, "Org unit not found", $"org unit {id} does not exist or is not visible to you", field);

    private static FieldProblem Forbidden(OrgUnit unit, string what) =>
        new(StatusCodes.Status403Forbidden, "Not your subtree", $"only an admin above '{unit.Name}' may {what} it", null);

    private static FieldProblem Taken(string name, OrgUnit parent) =>
        FieldProblem.Conflict("name", $"'{parent.Name}' already has a live unit named '{name.Trim()}'");
}
