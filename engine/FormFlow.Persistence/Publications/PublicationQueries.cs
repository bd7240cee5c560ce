using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence.Publications;

/// <summary>Which items a reader sees, and the text search works on; shared by the feed and by file downloads.</summary>
public static class PublicationQueries
{
    /// <summary>Published, started and not expired, at one of <paramref name="chain"/> (the orgs a reader belongs to and their ancestors).</summary>
    public static IQueryable<Publication> InFeedOf(this IQueryable<Publication> items, IReadOnlyCollection<int> chain, DateTime now) =>
        items.Where(p => p.Status == PublicationStatuses.Published && chain.Contains(p.OrgUnitId)
                         && p.PublishAt <= now && (p.ExpiresAt == null || p.ExpiresAt > now));

    /// <summary>The orgs whose items a reader sees: for each org they hold a role at, it and its ancestors.</summary>
    public static int[] ChainOf(IEnumerable<string> orgPaths) =>
        orgPaths.SelectMany(Orgs.OrgSubtree.Chain).Distinct().ToArray();

    /// <summary>
    /// Whether a stored file is shown by an item the reader may see: a published, current item on the reader's
    /// chain, or any item at or below an org where the reader holds a staff role (<paramref name="staffPaths"/>).
    /// </summary>
    public static async Task<bool> ShowsFileAsync(FormFlowDbContext db, string fileId, IReadOnlyCollection<int> chain,
        IReadOnlyList<string> staffPaths, DateTime now, CancellationToken ct)
    {
        var items = await db.PublicationFiles.Where(f => f.FileId == fileId)
            .Join(db.Publications, f => f.PublicationId, p => p.Id, (f, p) => p)
            .Join(db.OrgUnits, p => p.OrgUnitId, o => o.Id, (p, o) => new { p.Status, p.OrgUnitId, p.PublishAt, p.ExpiresAt, o.Path })
            .Distinct().ToListAsync(ct);
        return items.Any(i =>
            (i.Status == PublicationStatuses.Published && chain.Contains(i.OrgUnitId) && i.PublishAt <= now && (i.ExpiresAt == null || i.ExpiresAt > now))
            || staffPaths.Any(staff => Orgs.OrgSubtree.Contains(staff, i.Path)));
    }

    /// <summary>What search compares: lower-case, whitespace runs folded to one space.</summary>
    public static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    /// <summary>
    /// The distinct pairs of consecutive characters of normalised text, skipping pairs with a space (a query never
    /// needs one: it is split at spaces) and surrogate halves (an emoji is not searched).
    /// </summary>
    public static IReadOnlyList<string> Bigrams(string normalised)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < normalised.Length; i++)
        {
            char a = normalised[i], b = normalised[i + 1];
            if (a == ' ' || b == ' ' || char.IsSurrogate(a) || char.IsSurrogate(b)) continue;
            found.Add(new string([a, b]));
        }
        return found.ToList();
    }
}
