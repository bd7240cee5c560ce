using FormFlow.Persistence;
using FormFlow.Persistence.FormDrafts;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Privacy;

/// <summary>
/// An applicant's draft at rest: sealed whole (<see cref="PiiProtector.Seal"/>) on every save, by
/// <see cref="CaseSealing"/>, so no writer can forget. Whole rather than field by field: a draft is half-typed data
/// that only its owner reads back and nothing queries inside, so there is no reason to leave any of it readable,
/// and no snapshot to look up on each keystroke save. Its reader opens it (<see cref="PiiProtector.Open"/>), which
/// also reads drafts saved in plain text before sealing; those are sealed on their next save.
/// </summary>
internal static class DraftSealing
{
    public static void Seal(FormFlowDbContext db, PiiProtector pii)
    {
        // Through the entry, so a plain draft saved again unchanged (only its time moves) is sealed too.
        foreach (var entry in db.ChangeTracker.Entries<FormDraft>().Where(e => e.State is EntityState.Added or EntityState.Modified))
            entry.Property(d => d.Data).CurrentValue = pii.Seal(entry.Entity.Data);
    }
}
