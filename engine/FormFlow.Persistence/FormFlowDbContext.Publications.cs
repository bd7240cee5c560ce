using FormFlow.Persistence.Publications;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    public DbSet<Publication> Publications => Set<Publication>();
    public DbSet<PublicationFile> PublicationFiles => Set<PublicationFile>();
    public DbSet<PublicationRead> PublicationReads => Set<PublicationRead>();
    public DbSet<PublicationBigram> PublicationBigrams => Set<PublicationBigram>();

    /// <summary>
    /// Counts one read of an item: always one more read, and one more unique reader when this reader is new. The
    /// reader row is inserted with ON CONFLICT DO NOTHING (the same SQL on SQLite and PostgreSQL), so concurrent
    /// first reads by one reader count once and a lost race does not abort the transaction. Returns true for a first read.
    /// </summary>
    public async Task<bool> CountReadAsync(long publicationId, string readerAccountId, DateTime now, CancellationToken ct)
    {
        await using var transaction = await BeginWriteTransactionAsync(ct);
        var inserted = await Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO "PublicationReads" ("PublicationId", "ReaderAccountId", "FirstReadAt") VALUES ({publicationId}, {readerAccountId}, {now}) ON CONFLICT DO NOTHING""", ct);
        var first = inserted == 1 ? 1 : 0;
        await Publications.Where(p => p.Id == publicationId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Reads, p => p.Reads + 1)
            .SetProperty(p => p.UniqueReaders, p => p.UniqueReaders + first), ct);
        await transaction.CommitAsync(ct);
        return first == 1;
    }
}
