using System.Buffers.Text;
using System.Globalization;
using System.Text;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Publications;
using FormFlow.Server.Privacy;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Publications;

/// <summary>
/// Reading the feed: the published, current items on the reader's chain of unions, pinned first then newest, paged
/// by a keyset cursor (pinned, publish time, id) so a page never repeats or skips an item when new ones arrive; one
/// item with its read counted.
/// </summary>
internal sealed class FeedReader(FormFlowDbContext db, TimeProvider clock, PiiProtector pii)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;

    public async Task<FeedPage> PageAsync(Account reader, string? kind, string? q, string? cursor, int? limit, CancellationToken ct)
    {
        if (kind is not null && !PublicationKinds.All.Contains(kind))
            throw PublicationRefused.Invalid("kind", $"kind '{kind}' is not one of {string.Join(", ", PublicationKinds.All)}");
        var size = limit ?? DefaultLimit;
        if (size is < 1 or > MaxLimit) throw PublicationRefused.Invalid("limit", $"limit must be 1 to {MaxLimit}, not {size}");
        if (q is { Length: > 100 }) throw PublicationRefused.Invalid("q", "the search text is longer than 100 characters");

        var now = clock.GetUtcNow().UtcDateTime;
        var items = db.Publications.AsNoTracking().InFeedOf(PublicationQueries.ChainOf(reader.Roles.Select(r => r.OrgUnit!.Path)), now);
        if (kind is not null) items = items.Where(p => p.Kind == kind);
        items = Matching(items, q);
        if (cursor is not null) items = After(items, Cursor.Parse(cursor));

        var page = await items.OrderByDescending(p => p.Pinned).ThenByDescending(p => p.PublishAt).ThenByDescending(p => p.Id)
            .Take(size + 1)
            .Join(db.OrgUnits, p => p.OrgUnitId, o => o.Id, (p, o) => new { Item = p, Org = o.Name })
            .ToListAsync(ct);
        // The join may reorder rows on some plans; the page's order is the feed's.
        page = page.OrderByDescending(x => x.Item.Pinned).ThenByDescending(x => x.Item.PublishAt).ThenByDescending(x => x.Item.Id).ToList();
        var next = page.Count > size ? Cursor.Of(page[size - 1].Item) : null;
        return new FeedPage(page.Take(size).Select(x => PublicationTags.ListView(x.Item, x.Org)).ToList(), next);
    }

    /// <summary>
    /// Items whose text holds every space-separated term. Each term of two or more characters must first hold all of
    /// its bigrams (index lookups in PublicationBigrams), then the exact substring is checked on those few rows.
    /// </summary>
    private IQueryable<Publication> Matching(IQueryable<Publication> items, string? q)
    {
        if (string.IsNullOrWhiteSpace(q)) return items;
        foreach (var term in PublicationQueries.Normalise(q).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var bigram in PublicationQueries.Bigrams(term))
                items = items.Where(p => db.PublicationBigrams.Any(g => g.Bigram == bigram && g.PublicationId == p.Id));
            items = items.Where(p => p.SearchText.Contains(term));
        }
        return items;
    }

    private static IQueryable<Publication> After(IQueryable<Publication> items, Cursor c) => c.Pinned
        ? items.Where(p => !p.Pinned || (p.PublishAt < c.PublishAt || (p.PublishAt == c.PublishAt && p.Id < c.Id)))
        : items.Where(p => !p.Pinned && (p.PublishAt < c.PublishAt || (p.PublishAt == c.PublishAt && p.Id < c.Id)));

    /// <summary>One item for its reader; a read is counted when it is in the reader's feed (an author's preview of a draft is not a read).</summary>
    public async Task<PublicationView> ReadAsync(Account reader, long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var chain = PublicationQueries.ChainOf(reader.Roles.Select(r => r.OrgUnit!.Path));
        var inFeed = await db.Publications.AsNoTracking().InFeedOf(chain, now).AnyAsync(p => p.Id == id, ct);
        if (inFeed) await db.CountReadAsync(id, reader.Id, now, ct);
        var view = await ViewAsync(reader, id, ct);
        if (view is null || (!inFeed && !view.MayEdit && view.UniqueReaders is null)) throw PublicationRefused.NotFound(id);
        return view;
    }

    /// <summary>The item as <paramref name="reader"/> may see it, or null when it does not exist. Does not check that the reader may see it.</summary>
    public async Task<PublicationView?> ViewAsync(Account reader, long id, CancellationToken ct)
    {
        var found = await db.Publications.AsNoTracking().Include(p => p.Files).Where(p => p.Id == id)
            .Join(db.OrgUnits, p => p.OrgUnitId, o => o.Id, (p, o) => new { Item = p, Org = o })
            .SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var (item, org) = (found.Item, found.Org);
        var staff = reader.Roles.Any(r => Roles.ReachesSubtree(r.Role) && OrgSubtree.Contains(r.OrgUnit!.Path, org.Path));
        var mayEdit = PublicationAuthoring.MayAuthorAt(reader, org.Path);
        var attachmentIds = item.Files.Where(f => f.Use == PublicationFileUses.Attachment).OrderBy(f => f.Position).Select(f => f.FileId).ToList();
        var stored = await db.Files.AsNoTracking().Where(f => attachmentIds.Contains(f.Id))
            .Select(f => new { f.Id, f.Name, f.ContentType, f.Size }).ToDictionaryAsync(f => f.Id, ct);
        var attachments = attachmentIds.Where(stored.ContainsKey)
            .Select(fileId => stored[fileId])
            .Select(f => new PublicationFileView(f.Id, PublicationFileUses.Attachment, pii.OpenText(f.Name), f.ContentType, f.Size))
            .ToList();
        var qr = item.Files.FirstOrDefault(f => f.Use == PublicationFileUses.Qr)?.FileId;
        return new PublicationView(item.Id, item.Kind, item.Title, item.Summary, item.Body, item.CoverFileId, qr, item.Phone,
            attachments, PublicationTags.Read(item.Tags), item.Pinned, item.PublishAt, item.ExpiresAt, item.OrgUnitId, org.Name,
            item.Status, mayEdit, staff ? item.UniqueReaders : null, staff ? item.Reads : null,
            staff ? item.SourceCaseId : null, staff ? item.SourceModuleKey : null);
    }

    /// <summary>Where the previous page ended: "1.ticks.id" (pinned, publish time, id), base64url so it reads as one opaque token.</summary>
    private sealed record Cursor(bool Pinned, DateTime PublishAt, long Id)
    {
        public static string Of(Publication p) =>
            Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
                $"{(p.Pinned ? 1 : 0)}.{p.PublishAt!.Value.Ticks.ToString(CultureInfo.InvariantCulture)}.{p.Id.ToString(CultureInfo.InvariantCulture)}"));

        public static Cursor Parse(string text)
        {
            try
            {
                var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split('.');
                if (parts.Length == 3 && parts[0] is "0" or "1"
                    && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks
                    && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                    return new Cursor(parts[0] == "1", new DateTime(ticks, DateTimeKind.Utc), id);
            }
            catch (FormatException)
            {
            }
            throw PublicationRefused.Invalid("cursor", "the cursor is not one this server gave out (take 'next' from the previous page)");
        }
    }
}
