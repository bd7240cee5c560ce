using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Cases;
using FormFlow.Persistence.Deliveries;
using FormFlow.Persistence.Notifications;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Privacy;

/// <summary>
/// What a case's effects carry at rest: an outbox payload (an SMS to the applicant's mobile number, a message with
/// their name) and a notification's data and recipient are sealed whole (<see cref="PiiProtector.Seal"/>) as they are
/// added, by <see cref="CaseSealing"/> on every save, so no writer can forget. They are never changed afterwards;
/// their readers open them (<see cref="PiiProtector.Open"/>): the dispatcher for the effect handler, the
/// notification endpoints for the notification's owner, the delivery pass for an SMS or WeChat message's gateway.
/// </summary>
internal static class EffectSealing
{
    public static void Seal(FormFlowDbContext db, PiiProtector pii)
    {
        foreach (var entry in db.ChangeTracker.Entries<OutboxEntry>().Where(e => e.State == EntityState.Added))
            entry.Entity.Payload = pii.Seal(entry.Entity.Payload);
        foreach (var entry in db.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added))
        {
            entry.Entity.Data = pii.Seal(entry.Entity.Data);
            // A name or a number, not JSON: sealed as a JSON string.
            entry.Entity.Recipient = pii.SealText(entry.Entity.Recipient);
        }
        // An SMS or WeChat message: the number it goes to and its text (a name, a registration code).
        foreach (var entry in db.ChangeTracker.Entries<Delivery>().Where(e => e.State == EntityState.Added))
            (entry.Entity.To, entry.Entity.Body) = (pii.SealText(entry.Entity.To), pii.SealText(entry.Entity.Body));
    }
}
