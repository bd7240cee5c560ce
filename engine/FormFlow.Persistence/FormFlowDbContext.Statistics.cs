using FormFlow.Persistence.Statistics;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    public DbSet<Figure> Figures => Set<Figure>();
    public DbSet<CompactedFigureMonth> CompactedFigureMonths => Set<CompactedFigureMonth>();

    /// <summary>
    /// Saves, and adds what the save changes in the figures (<see cref="FigureChanges"/>) in the same transaction: the
    /// caller's, or one begun here (on SQLite the subclass already holds the write gate for a save outside a transaction).
    /// </summary>
    private async Task<int> SaveWithFiguresAsync(bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        var deltas = await FigureChanges.CollectAsync(this, ct);
        if (deltas.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        if (Database.CurrentTransaction is not null)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
            await FigureStore.AddAsync(this, deltas, ct);
            return saved;
        }
        await using var transaction = await Database.BeginTransactionAsync(ct);
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        await FigureStore.AddAsync(this, deltas, ct);
        await transaction.CommitAsync(ct);
        return count;
    }
}
