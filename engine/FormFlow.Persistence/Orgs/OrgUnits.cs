namespace FormFlow.Persistence.Orgs;

/// <summary>Creating org units: the path needs the generated ID, so a unit is saved, then its path written.</summary>
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
}
