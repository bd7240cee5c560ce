namespace FormFlow.Persistence.Publications;

/// <summary>
/// A feed item published to an org subtree: a notice or policy explained, an FAQ entry, a showcase item or a
/// directory entry. Authored directly in the Studio or produced by a workflow's <c>publish</c> step
/// (<see cref="SourceCaseId"/>). Readers are every account whose chain of unions holds <see cref="OrgUnitId"/>.
/// </summary>
public sealed class Publication
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public required string Title { get; set; }
    public string Summary { get; set; } = "";

    /// <summary>Rich text, sanitised on the server before it is stored (never trusted as sent).</summary>
    public string Body { get; set; } = "";

    /// <summary>Title, summary and body text without tags, lower-cased: what search matches (see <see cref="PublicationBigram"/>).</summary>
    public string SearchText { get; set; } = "";

    public string? CoverFileId { get; set; }

    /// <summary>A directory entry's phone number (hotline).</summary>
    public string? Phone { get; set; }

    /// <summary>Tags as a JSON array of strings.</summary>
    public string Tags { get; set; } = "[]";

    public bool Pinned { get; set; }
    public required string Status { get; set; }

    /// <summary>UTC; null while a draft that has never been published.</summary>
    public DateTime? PublishAt { get; set; }

    /// <summary>UTC; the item leaves the feed then.</summary>
    public DateTime? ExpiresAt { get; set; }

    public int OrgUnitId { get; set; }
    public string? AuthorAccountId { get; set; }
    public long? SourceCaseId { get; set; }
    public string? SourceModuleKey { get; set; }

    /// <summary>The effect's key when a workflow produced it: a retried step finds this item instead of adding one.</summary>
    public string? IdempotencyKey { get; set; }

    public int UniqueReaders { get; set; }
    public long Reads { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<PublicationFile> Files { get; set; } = [];
    public List<PublicationBigram> Bigrams { get; set; } = [];
}

public static class PublicationStatuses
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Withdrawn = "withdrawn";
}

public static class PublicationKinds
{
    public const string Notice = "notice";
    public const string Faq = "faq";
    public const string Showcase = "showcase";
    public const string Directory = "directory";

    public static readonly IReadOnlyList<string> All = [Notice, Faq, Showcase, Directory];
}

/// <summary>A stored file an item shows (cover, attachment, an image in the body, a QR code): its readers may download it.</summary>
public sealed class PublicationFile
{
    public long PublicationId { get; set; }
    public required string FileId { get; set; }

    /// <summary>cover, attachment, inline or qr.</summary>
    public required string Use { get; set; }

    public int Position { get; set; }
}

/// <summary>One reader of one item, once: the unique index makes concurrent first reads count once.</summary>
public sealed class PublicationRead
{
    public long PublicationId { get; set; }
    public required string ReaderAccountId { get; set; }
    public DateTime FirstReadAt { get; set; }
}

/// <summary>
/// Two consecutive characters of an item's <see cref="Publication.SearchText"/>. Chinese has no spaces to split
/// words at, and PostgreSQL's pg_trgm is an extension that may not be installed; a table of bigrams, maintained by
/// the server, is indexable on both databases and finds any two-character substring.
/// </summary>
public sealed class PublicationBigram
{
    public long PublicationId { get; set; }
    public required string Bigram { get; set; }
}

public static class PublicationFileUses
{
    public const string Cover = "cover";
    public const string Attachment = "attachment";
    public const string Inline = "inline";
    public const string Qr = "qr";
}
