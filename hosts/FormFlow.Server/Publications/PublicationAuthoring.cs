using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Publications;
using FormFlow.Server.Files;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Publications;

/// <summary>
/// Authoring items directly (the Studio's content page): staff with an author role at the item's org or above create
/// drafts, change them, publish and withdraw them. Every input is checked before anything is written.
/// </summary>
internal sealed partial class PublicationAuthoring(FormFlowDbContext db, TimeProvider clock, FeedReader reader)
{
    /// <summary>Who may author at an org: its designers and admins, and those of the orgs above it.</summary>
    public static readonly IReadOnlyList<string> AuthorRoles = [Roles.Designer, Roles.Admin];

    public static bool MayAuthorAt(Account account, string orgPath) =>
        account.Roles.Any(r => AuthorRoles.Contains(r.Role) && OrgSubtree.Contains(r.OrgUnit!.Path, orgPath));

    public async Task<PublicationView> CreateAsync(Account author, PublicationInput input, CancellationToken ct)
    {
        var checkedInput = await CheckAsync(author, input, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var item = new Publication
        {
            Kind = input.Kind, Title = "", Status = PublicationStatuses.Draft, AuthorAccountId = author.Id, CreatedAt = now,
        };
        Fill(item, input, checkedInput, now);
        await PublicationContent.ApplyAsync(db, item, checkedInput.Title, input.Summary?.Trim() ?? "", input.Body ?? "", checkedInput.Files, ct);
        db.Publications.Add(item);
        await db.SaveChangesAsync(ct);
        Audit(author, "publication.create", item);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (await reader.ViewAsync(author, item.Id, ct))!;
    }

    public async Task<PublicationView> UpdateAsync(Account author, long id, PublicationInput input, CancellationToken ct)
    {
        // The item first: someone who may not edit it learns nothing about it from how their input is refused.
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var item = await EditableAsync(author, id, ct);
        var checkedInput = await CheckAsync(author, input, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (item.Kind != input.Kind) throw PublicationRefused.Invalid("kind", $"item {id} is a {item.Kind}; its kind cannot change");
        Fill(item, input, checkedInput, now);
        await PublicationContent.ApplyAsync(db, item, checkedInput.Title, input.Summary?.Trim() ?? "", input.Body ?? "", checkedInput.Files, ct);
        Audit(author, "publication.update", item);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (await reader.ViewAsync(author, item.Id, ct))!;
    }

    /// <summary>Publishes (from now, or from the item's publish time if later) or withdraws an item.</summary>
    public async Task<PublicationView> SetStatusAsync(Account author, long id, string status, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var item = await EditableAsync(author, id, ct);
        if (status == PublicationStatuses.Published)
        {
            if (item.PublishAt is null || item.Status == PublicationStatuses.Withdrawn) item.PublishAt = now;
            if (item.ExpiresAt <= item.PublishAt)
                throw new PublicationRefused(StatusCodes.Status409Conflict, "Item has expired", $"item {id} expired at {item.ExpiresAt:O}; change expiresAt first", "expiresAt");
        }
        item.Status = status;
        item.UpdatedAt = now;
        Audit(author, $"publication.{(status == PublicationStatuses.Published ? "publish" : "withdraw")}", item);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (await reader.ViewAsync(author, item.Id, ct))!;
    }

    /// <summary>An item as its author edits it: drafts included, and no read counted (opening the editor is not reading).</summary>
    public async Task<PublicationView> ForEditingAsync(Account author, long id, CancellationToken ct)
    {
        await EditableAsync(author, id, ct);
        return (await reader.ViewAsync(author, id, ct))!;
    }

    /// <summary>Every item at or below the orgs where the account may author, newest change first (the Studio's list).</summary>
    public async Task<IReadOnlyList<FeedItemView>> EditableByAsync(Account author, CancellationToken ct)
    {
        var roots = author.Roles.Where(r => AuthorRoles.Contains(r.Role)).Select(r => r.OrgUnit!.Path).Distinct().ToList();
        var found = new List<FeedItemView>();
        foreach (var root in roots)
        {
            var rows = await db.Publications.AsNoTracking()
                .Join(db.OrgUnits.Within(root), p => p.OrgUnitId, o => o.Id, (p, o) => new { Item = p, Org = o.Name })
                .OrderByDescending(x => x.Item.UpdatedAt).Take(200).ToListAsync(ct);
            found.AddRange(rows.Where(x => found.All(f => f.Id != x.Item.Id)).Select(x => PublicationTags.ListView(x.Item, x.Org)));
        }
        return found;
    }

    private async Task<Publication> EditableAsync(Account author, long id, CancellationToken ct)
    {
        var found = await db.Publications.Where(p => p.Id == id)
            .Join(db.OrgUnits, p => p.OrgUnitId, o => o.Id, (p, o) => new { Item = p, o.Path }).SingleOrDefaultAsync(ct);
        if (found is null || !MayAuthorAt(author, found.Path))
        {
            if (found is not null && await reader.ViewAsync(author, id, ct) is { UniqueReaders: not null })
                throw new PublicationRefused(StatusCodes.Status403Forbidden, "Not an author here",
                    $"only {string.Join(" or ", AuthorRoles)} at the item's org or above may change item {id}");
            throw PublicationRefused.NotFound(id);
        }
        return found.Item;
    }

    private sealed record CheckedInput(string Title, PublicationContent.Files Files, DateTime? PublishAt, DateTime? ExpiresAt, string Tags);

    private async Task<CheckedInput> CheckAsync(Account author, PublicationInput input, CancellationToken ct)
    {
        if (!PublicationKinds.All.Contains(input.Kind))
            throw PublicationRefused.Invalid("kind", $"kind '{input.Kind}' is not one of {string.Join(", ", PublicationKinds.All)}");
        var title = input.Title.Trim();
        if (title.Length == 0) throw PublicationRefused.Invalid("title", "the title is empty");
        if (title.Length > PublicationLimits.Title) throw PublicationRefused.Invalid("title", $"the title is longer than {PublicationLimits.Title} characters");
        if (input.Summary?.Trim().Length > PublicationLimits.Summary) throw PublicationRefused.Invalid("summary", $"the summary is longer than {PublicationLimits.Summary} characters");
        if (input.Body?.Length > PublicationLimits.Body) throw PublicationRefused.Invalid("body", $"the body is longer than {PublicationLimits.Body} characters");
        if (input.Phone is { } phone && !PhonePattern().IsMatch(phone)) throw PublicationRefused.Invalid("phone", "a phone number holds 3 to 20 digits, spaces, '+' and '-'");
        var tags = (input.Tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        if (tags.Count > PublicationLimits.Tags) throw PublicationRefused.Invalid("tags", $"at most {PublicationLimits.Tags} tags");
        if (tags.FirstOrDefault(t => t.Length > PublicationLimits.Tag) is { } longTag) throw PublicationRefused.Invalid("tags", $"the tag '{longTag[..10]}…' is longer than {PublicationLimits.Tag} characters");
        var publishAt = input.PublishAt?.UtcDateTime;
        var expiresAt = input.ExpiresAt?.UtcDateTime;
        if (expiresAt is { } expiry && expiry <= (publishAt ?? clock.GetUtcNow().UtcDateTime))
            throw PublicationRefused.Invalid("expiresAt", publishAt is null ? "the expiry time is not in the future" : "the expiry time is not after the publish time");

        var org = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(o => o.Id == input.OrgId, ct)
                  ?? throw PublicationRefused.Invalid("orgId", $"org {input.OrgId} does not exist");
        if (!MayAuthorAt(author, org.Path))
            throw new PublicationRefused(StatusCodes.Status403Forbidden, "Not an author here",
                $"only {string.Join(" or ", AuthorRoles)} at org {org.Id} or above may publish there", "orgId");

        var attachments = (input.Attachments ?? []).Distinct().ToList();
        if (attachments.Count > 20) throw PublicationRefused.Invalid("attachments", "at most 20 attachments");
        await CheckFileAsync(author, "coverFileId", input.CoverFileId, ct);
        await CheckFileAsync(author, "qrFileId", input.QrFileId, ct);
        foreach (var file in attachments) await CheckFileAsync(author, "attachments", file, ct);
        return new CheckedInput(title, new PublicationContent.Files(input.CoverFileId, attachments, input.QrFileId), publishAt, expiresAt, PublicationTags.Write(tags));
    }

    /// <summary>Publishing a file shows it to the whole subtree, so an author may only use files they can read themselves.</summary>
    private async Task CheckFileAsync(Account author, string field, string? id, CancellationToken ct)
    {
        if (id is null) return;
        var file = await db.Files.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, ct);
        if (file is null || !await Files.FileAccess.MayReadAsync(db, author, file, clock.GetUtcNow().UtcDateTime, ct))
            throw PublicationRefused.Invalid(field, $"file {id} does not exist or is not yours to publish (POST /api/files first)");
    }

    private static void Fill(Publication item, PublicationInput input, CheckedInput checkedInput, DateTime now)
    {
        item.OrgUnitId = input.OrgId;
        item.Phone = input.Phone;
        item.Tags = checkedInput.Tags;
        item.Pinned = input.Pinned ?? false;
        item.PublishAt = checkedInput.PublishAt ?? (item.Status == PublicationStatuses.Published ? item.PublishAt : null);
        item.ExpiresAt = checkedInput.ExpiresAt;
        item.UpdatedAt = now;
    }

    private void Audit(Account author, string action, Publication item) =>
        AuditLog.Append(db, author.UserName!, action, $"publication:{item.Id}", item.OrgUnitId, new JsonObject { ["kind"] = item.Kind, ["org"] = item.OrgUnitId, ["status"] = item.Status });

    [GeneratedRegex(@"^[0-9+\- ]{3,20}$")]
    private static partial Regex PhonePattern();
}
