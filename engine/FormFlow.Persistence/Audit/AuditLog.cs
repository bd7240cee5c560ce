using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FormFlow.Persistence.Audit;

/// <summary>Appends audit entries to the context, so they commit in the same SaveChanges as the change they record.</summary>
public static class AuditLog
{
    public const string SystemActor = "system";
    public const string Anonymous = "anonymous";

    public static AuditEntry Append(FormFlowDbContext db, string actor, string action, string? target, JsonObject? details = null)
    {
        var entry = new AuditEntry
        {
            At = DateTime.UtcNow,
            Actor = actor,
            Action = action,
            Target = target,
            Details = (details ?? []).ToJsonString(JsonOptions),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
