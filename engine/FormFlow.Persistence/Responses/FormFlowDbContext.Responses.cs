using FormFlow.Persistence.Responses;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    public DbSet<Participation> Participations => Set<Participation>();
    public DbSet<ResponseRecord> Responses => Set<ResponseRecord>();
    public DbSet<ResponseTally> ResponseTallies => Set<ResponseTally>();
    public DbSet<BallotPile> BallotPiles => Set<BallotPile>();

    /// <summary>
    /// Adds one answer's buckets to the tallies in one statement (insert or add; the same SQL on SQLite and
    /// PostgreSQL). Buckets must be distinct: PostgreSQL refuses to touch one row twice in a statement.
    /// </summary>
    public Task AddToTalliesAsync(int service, int org, IReadOnlyList<(string Field, string Bucket, double Sum)> buckets, CancellationToken ct)
    {
        var values = new List<object>();
        var rows = new List<string>();
        foreach (var (field, bucket, sum) in buckets)
        {
            var at = values.Count;
            rows.Add($"({{{at}}}, {{{at + 1}}}, {{{at + 2}}}, {{{at + 3}}}, 1, {{{at + 4}}})");
            values.AddRange([service, org, field, bucket, sum]);
        }
        var sql = $"""
            INSERT INTO "ResponseTallies" ("ServiceActivationId", "OrgUnitId", "Field", "Bucket", "Count", "Sum") VALUES {string.Join(", ", rows)}
            ON CONFLICT ("ServiceActivationId", "OrgUnitId", "Field", "Bucket")
            DO UPDATE SET "Count" = "ResponseTallies"."Count" + 1, "Sum" = "ResponseTallies"."Sum" + excluded."Sum"
            """;
        return Database.ExecuteSqlRawAsync(sql, values, ct);
    }

    /// <summary>Creates the service's piles at zero (those that exist stay); run in its own transaction, before any vote.</summary>
    public async Task EnsurePilesAsync(int service, IReadOnlyList<string> answers, CancellationToken ct)
    {
        foreach (var chunk in answers.Chunk(200))
        {
            var values = new List<object>();
            var rows = chunk.Select((answer, i) => { values.AddRange([service, answer]); return $"({{{2 * i}}}, {{{2 * i + 1}}}, 0)"; });
            var sql = $"""
                INSERT INTO "BallotPiles" ("ServiceActivationId", "Answer", "Count") VALUES {string.Join(", ", rows)}
                ON CONFLICT ("ServiceActivationId", "Answer") DO NOTHING
                """;
            await Database.ExecuteSqlRawAsync(sql, values, ct);
        }
    }

    /// <summary>
    /// One vote: every pile of the service is rewritten in one statement, the chosen one with one more, so every
    /// pile row carries this transaction's id (PostgreSQL's xmin) alike. Returns how many piles held the answer (0 or 1).
    /// </summary>
    public async Task<int> CastBallotAsync(int service, string answer, CancellationToken ct)
    {
        await Database.ExecuteSqlRawAsync("""
            UPDATE "BallotPiles" SET "Count" = "Count" + CASE WHEN "Answer" = {1} THEN 1 ELSE 0 END WHERE "ServiceActivationId" = {0}
            """, [service, answer], ct);
        return await BallotPiles.CountAsync(p => p.ServiceActivationId == service && p.Answer == answer, ct);
    }
}
