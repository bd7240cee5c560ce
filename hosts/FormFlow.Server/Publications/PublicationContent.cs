using FormFlow.Persistence;
using FormFlow.Persistence.Publications;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Publications;

/// <summary>
/// Puts text and files on an item, for authors and for the publish step alike: the body sanitised, the search text
/// and its bigrams rebuilt, and the files it shows listed (their readers may download them).
/// </summary>
internal static class PublicationContent
{
    public sealed record Files(string? Cover, IReadOnlyList<string> Attachments, string? Qr);

    /// <summary>
    /// Call inside the write transaction, with the item loaded without its files and bigrams: an existing item's rows
    /// of both are deleted here and written again on save.
    /// </summary>
    public static async Task ApplyAsync(FormFlowDbContext db, Publication item, string title, string summary, string body, Files files, CancellationToken ct)
    {
        item.Title = title;
        item.Summary = summary;
        item.Body = RichText.Sanitise(body);
        item.SearchText = PublicationQueries.Normalise($"{title} {summary} {RichText.TextOf(item.Body)}");
        item.CoverFileId = files.Cover;

        if (item.Id != 0)
        {
            await db.PublicationBigrams.Where(g => g.PublicationId == item.Id).ExecuteDeleteAsync(ct);
            await db.PublicationFiles.Where(f => f.PublicationId == item.Id).ExecuteDeleteAsync(ct);
        }
        item.Bigrams = PublicationQueries.Bigrams(item.SearchText).Select(g => new PublicationBigram { Bigram = g }).ToList();

        var shown = new List<PublicationFile>();
        void Show(string? id, string use, int position = 0)
        {
            if (id is not null && !shown.Any(f => f.FileId == id && f.Use == use))
                shown.Add(new PublicationFile { FileId = id, Use = use, Position = position });
        }
        Show(files.Cover, PublicationFileUses.Cover);
        Show(files.Qr, PublicationFileUses.Qr);
        for (var i = 0; i < files.Attachments.Count; i++) Show(files.Attachments[i], PublicationFileUses.Attachment, i);
        foreach (var image in RichText.ImageFileIds(item.Body)) Show(image, PublicationFileUses.Inline);
        item.Files = shown;
    }
}
