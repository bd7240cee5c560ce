using FormFlow.Persistence;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Training;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Training;

/// <summary>
/// Draws questions for one attempt: from the banks of the owning org and every org above it, of the topic (and the
/// difficulty, when given; only the banks of one name, when given), a random choice in a random order — each participant's own.
/// </summary>
internal static class QuestionDraw
{
    public static async Task<List<long>> DrawAsync(FormFlowDbContext db, OrgUnit owner, string? bankName, string? topic, int? difficulty, int count, CancellationToken ct)
    {
        var chain = OrgSubtree.Chain(owner.Path);
        var pool = db.BankQuestions.Where(q => db.QuestionBanks.Any(b => b.Id == q.BankId && chain.Contains(b.OrgUnitId)));
        if (bankName is not null) pool = pool.Where(q => q.Bank!.Name == bankName);
        if (topic is not null) pool = pool.Where(q => q.Topic == topic);
        if (difficulty is { } d) pool = pool.Where(q => q.Difficulty == d);
        var ids = await pool.Select(q => q.Id).ToListAsync(ct);
        Random.Shared.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(ids));
        return ids.Take(count).ToList();
    }
}
