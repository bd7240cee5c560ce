using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence.Orgs;

/// <summary>Creating org units: the path needs the generated ID, so a unit is saved, then its path written.</summary>
public static class OrgUnits
{
    public static async Task<OrgUnit> CreateAsync(FormFlowDbContext db, string name, OrgLevel level, OrgUnit? parent, CancellationToken ct = default)
    {
        if (parent is not null && level <= parent.Level)
            throw new ArgumentException($"a {level} unit cannot sit under a {parent.Level} unit", nameof(level));
        var unit = new OrgUnit { Name = name, Level = level, ParentId = parent?.Id };
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync(ct);
        unit.Path = (parent?.Path ?? "/") + unit.Id + "/";
        await db.SaveChangesAsync(ct);
        if (ownTransaction is not null)
        {
            await ownTransaction.CommitAsync(ct);
            await ownTransaction.DisposeAsync();
        }
        return unit;
    }
}
