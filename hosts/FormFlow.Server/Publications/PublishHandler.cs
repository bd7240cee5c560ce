using System.Net;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Publications;
using FormFlow.Server.Effects;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Publications;

/// <summary>
/// <c>publish</c>: writes the feed item a workflow's publish step describes, published now, at the org the step
/// resolved. Once: a retry finds the item by the effect's key. An FAQ entry never names who asked (credit "none").
/// </summary>
internal sealed class PublishHandler : IEffectHandler
{
    public string Kind => "publish";

    public async Task HandleAsync(EffectRequest request, CancellationToken ct)
    {
        var db = request.Db;
        if (await db.Publications.AnyAsync(p => p.IdempotencyKey == request.IdempotencyKey, ct)) return;
        var payload = request.Item.Payload;
        var now = request.Now.UtcDateTime;
        var kind = Text(payload, "kind") is { } k && PublicationKinds.All.Contains(k) ? k : PublicationKinds.Notice;
        var orgId = int.TryParse(Text(payload, "org"), out var named) && await db.OrgUnits.AnyAsync(o => o.Id == named, ct)
            ? named : request.ApplicantOrgUnitId;
        var moduleKey = await db.Cases.Where(c => c.Id == request.CaseId).Select(c => c.ModuleKey).SingleOrDefaultAsync(ct);
        var days = payload["expiresInDays"] is JsonValue d && d.TryGetValue<int>(out var n) && n > 0 ? n : (int?)null;
        var tags = payload["tags"] is JsonArray list
            ? list.Select(t => (t as JsonValue)?.TryGetValue<string>(out var s) == true ? s.Trim() : null)
                .OfType<string>().Where(t => t.Length is > 0 and <= PublicationLimits.Tag).Distinct().Take(PublicationLimits.Tags).ToList()
            : [];
        var item = new Publication
        {
            Kind = kind, Title = "", Status = PublicationStatuses.Published, PublishAt = now,
            ExpiresAt = days is { } valid ? now.AddDays(valid) : null,
            Pinned = payload["pinned"] is JsonValue p && p.TryGetValue<bool>(out var pinned) && pinned,
            Phone = Text(payload, "phone") is { Length: <= 40 } phone ? phone : null,
            Tags = PublicationTags.Write(tags),
            OrgUnitId = orgId,
            AuthorAccountId = Text(payload, "credit") == "none" ? null : request.ApplicantAccountId,
            SourceCaseId = request.CaseId, SourceModuleKey = moduleKey,
            IdempotencyKey = request.IdempotencyKey,
            CreatedAt = now, UpdatedAt = now,
        };
        var files = new PublicationContent.Files(await ExistingAsync(request, Text(payload, "cover"), ct), [], await ExistingAsync(request, Text(payload, "qr"), ct));
        await PublicationContent.ApplyAsync(db, item, Clip(Text(payload, "title") ?? "", PublicationLimits.Title),
            Clip(Text(payload, "summary") ?? "", PublicationLimits.Summary), AsHtml(Text(payload, "body") ?? ""), files, ct);
        db.Publications.Add(item);
        AuditLog.Append(db, AuditLog.SystemActor, "publication.publish", $"case:{request.CaseId}", orgId, new JsonObject { ["kind"] = kind, ["org"] = orgId });
    }

    /// <summary>
    /// A textarea's answer is plain text: each line becomes a paragraph, any markup in it shown as typed. Text that
    /// starts with a tag is taken as HTML (a rich-text field), and sanitised like every body.
    /// </summary>
    private static string AsHtml(string body) =>
        body.TrimStart().StartsWith('<') ? body
            : string.Concat(body.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>"));

    private static string Clip(string text, int max) => text.Trim() is var t && t.Length > max ? t[..max] : t;

    private static string? Text(JsonObject payload, string name) => payload[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>Only a file the case's applicant uploaded (the form checked that) and that still exists.</summary>
    private static async Task<string?> ExistingAsync(EffectRequest request, string? id, CancellationToken ct) =>
        id is not null && await request.Db.Files.AnyAsync(f => f.Id == id && f.OwnerAccountId == request.ApplicantAccountId, ct) ? id : null;
}
