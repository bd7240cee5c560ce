using System.Globalization;
using FormFlow.Persistence;
using FormFlow.Persistence.Modules;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Modules;

/// <summary>
/// Optimistic concurrency for drafts: GET /draft and /overlay answer with an ETag naming the draft's revision; a PUT
/// that sends it back in If-Match is refused with 409 — naming who saved in between and when — once the draft has
/// moved on. The revision is also the row's concurrency token, so of two saves racing on one revision exactly one
/// lands even when neither sent If-Match.
/// </summary>
internal static class DraftRevisions
{
    public static string ETag(ModuleRecord module) => $"\"{module.DraftRevision.ToString(CultureInfo.InvariantCulture)}\"";

    public static void Tag(HttpContext http, ModuleRecord module) => http.Response.Headers.ETag = ETag(module);

    /// <summary>Refuses the edit when If-Match names another revision than the draft's (absent If-Match: no check).</summary>
    public static void CheckIfMatch(HttpContext http, ModuleRecord module)
    {
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*") return;
        var token = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        if (!long.TryParse(token.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
            throw new ModuleRefusal(StatusCodes.Status400BadRequest, "Bad If-Match",
                $"If-Match must be the ETag of GET /api/modules/{module.Id}/{Part(module)} (e.g. \"3\"), not {header}");
        if (revision != module.DraftRevision) throw Moved(module, revision);
    }

    /// <summary>Saves; when another save of the draft landed first, 409 naming it and nothing of this request is kept.</summary>
    public static async Task SaveAsync(FormFlowDbContext db, ModuleRecord module, long loadedRevision, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var winner = await db.Modules.AsNoTracking().SingleAsync(m => m.Id == module.Id, ct);
            throw Moved(winner, loadedRevision);
        }
    }

    private static ModuleRefusal Moved(ModuleRecord current, long revision) => ModuleRefusal.Conflict("The draft changed meanwhile",
        $"module {current.Id}'s {Part(current)} was saved by {current.DraftUpdatedBy} at {current.DraftUpdatedAt:yyyy-MM-ddTHH:mm:ssZ} " +
        $"(revision {current.DraftRevision}) after the revision {revision} you edited: reload it and apply your change again",
        new Dictionary<string, object?>
        {
            ["savedBy"] = current.DraftUpdatedBy, ["savedAt"] = current.DraftUpdatedAt, ["revision"] = current.DraftRevision, ["yourRevision"] = revision,
        });

    private static string Part(ModuleRecord module) => module.Kind == ModuleKinds.Template ? "draft" : "overlay";
}
