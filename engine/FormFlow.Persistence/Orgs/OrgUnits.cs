using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence.Orgs;

/// <summary>Creating and moving org units: the path needs the generated ID, so a unit is saved, then its path written.</summary>
public static class OrgUnits
{
    /// <summary>Adds a unit under <paramref name="parent"/> (or a root); joins the caller's transaction or uses its own.</summary>
    public static async Task<OrgUnit> CreateAsync(FormFlowDbContext db, string name, OrgLevel level, OrgUnit? parent, CancellationToken ct = default)
    {
        if (parent is not null && level <= parent.Level)
            throw new ArgumentException($"a {level} unit cannot sit under a {parent.Level} unit", nameof(level));
        if (db.Database.CurrentTransaction is not null) return await InsertAsync(db, name, level, parent, ct);
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var unit = await InsertAsync(db, name, level, parent, ct);
        await transaction.CommitAsync(ct);
        return unit;
    }

    private static async Task<OrgUnit> InsertAsync(FormFlowDbContext db, string name, OrgLevel level, OrgUnit? parent, CancellationToken ct)
    {
        var unit = new OrgUnit { Name = name, Level = level, ParentId = parent?.Id };
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync(ct);
        unit.Path = (parent?.Path ?? "/") + unit.Id + "/";
        await db.SaveChangesAsync(ct);
        return unit;
    }

    /// <summary>
    /// Adds many units at once, parents before children (a parent may be one of them): one batch per depth instead
    /// of two round trips per unit. Runs in the caller's transaction.
    /// </summary>
    public static async Task AddManyAsync(FormFlowDbContext db, IReadOnlyList<(OrgUnit Unit, OrgUnit Parent)> units, CancellationToken ct = default)
    {
        var pending = units.ToList();
        while (pending.Count > 0)
        {
            // The units whose parent has its path now; the rest wait for the next round.
            var ready = pending.Where(p => p.Parent.Path.Length > 0).ToList();
            if (ready.Count == 0) throw new InvalidOperationException("a unit's parent is neither stored nor among the units");
            foreach (var (unit, parent) in ready) { unit.ParentId = parent.Id; unit.Parent = null; db.OrgUnits.Add(unit); }
            await db.SaveChangesAsync(ct);
            foreach (var (unit, parent) in ready) unit.Path = parent.Path + unit.Id + "/";
            await db.SaveChangesAsync(ct);
            pending = pending.Except(ready).ToList();
        }
    }

    /// <summary>
    /// Moves a unit and its whole subtree under <paramref name="parent"/>: one update rewrites the start of every
    /// path below it. The caller checks that the new parent is not inside the moved subtree.
    /// </summary>
    public static async Task MoveAsync(FormFlowDbContext db, OrgUnit unit, OrgUnit parent, CancellationToken ct = default)
    {
        var oldPrefix = unit.Path;
        var newPrefix = parent.Path + unit.Id + "/";
        var keep = oldPrefix.Length;
        await db.OrgUnits.Within(oldPrefix).ExecuteUpdateAsync(s => s.SetProperty(o => o.Path, o => newPrefix + o.Path.Substring(keep)), ct);
        await db.OrgUnits.Where(o => o.Id == unit.Id).ExecuteUpdateAsync(s => s.SetProperty(o => o.ParentId, parent.Id), ct);
        await Statistics.FigureStore.MoveSubtreeAsync(db, unit.Id, oldPrefix, newPrefix, ct);
        unit.Path = newPrefix;
        unit.ParentId = parent.Id;
    }
}
