using System.Text.Json;
using FormFlow.Persistence.Publications;

namespace FormFlow.Server.Publications;

/// <summary>What an author sends to create or change an item. Times are absolute (with an offset).</summary>
internal sealed record PublicationInput(
    string Kind,
    string Title,
    int OrgId,
    string? Summary = null,
    string? Body = null,
    string? CoverFileId = null,
    IReadOnlyList<string>? Attachments = null,
    string? QrFileId = null,
    string? Phone = null,
    IReadOnlyList<string>? Tags = null,
    bool? Pinned = null,
    DateTimeOffset? PublishAt = null,
    DateTimeOffset? ExpiresAt = null);

/// <summary>An item in a feed list: no body.</summary>
internal sealed record FeedItemView(
    long Id, string Kind, string Title, string Summary, string? CoverFileId, string? Phone, IReadOnlyList<string> Tags,
    bool Pinned, DateTime? PublishAt, DateTime? ExpiresAt, int OrgId, string OrgName, string Status);

/// <summary>A page of the feed; <see cref="Next"/> is the cursor of the following page, null on the last.</summary>
internal sealed record FeedPage(IReadOnlyList<FeedItemView> Items, string? Next);

internal sealed record PublicationFileView(string Id, string Use, string Name, string ContentType, long Size);

/// <summary>
/// One item with its sanitised body and files. <see cref="UniqueReaders"/> and <see cref="Reads"/> are set only for
/// staff with a role at the publishing org or above; <see cref="SourceCaseId"/> likewise.
/// </summary>
internal sealed record PublicationView(
    long Id, string Kind, string Title, string Summary, string Body, string? CoverFileId, string? QrFileId, string? Phone,
    IReadOnlyList<PublicationFileView> Attachments, IReadOnlyList<string> Tags, bool Pinned, DateTime? PublishAt,
    DateTime? ExpiresAt, int OrgId, string OrgName, string Status, bool MayEdit, int? UniqueReaders, long? Reads,
    long? SourceCaseId, string? SourceModuleKey);

internal static class PublicationTags
{
    public static IReadOnlyList<string> Read(string json) => JsonSerializer.Deserialize<List<string>>(json) ?? [];

    public static string Write(IEnumerable<string> tags) => JsonSerializer.Serialize(tags);

    public static FeedItemView ListView(Publication p, string orgName) => new(
        p.Id, p.Kind, p.Title, p.Summary, p.CoverFileId, p.Phone, Read(p.Tags), p.Pinned, p.PublishAt, p.ExpiresAt,
        p.OrgUnitId, orgName, p.Status);
}
