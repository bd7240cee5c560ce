namespace FormFlow.Persistence.Files;

/// <summary>
/// An uploaded file (an attachment, a photo, a signature). The bytes live in the database, not on a local disk, so
/// several server processes on one PostgreSQL database all serve it. Form data refers to it by <see cref="Id"/>.
/// </summary>
public sealed class StoredFile
{
    /// <summary>Random and unguessable (32 hex digits), the ID in form file references.</summary>
    public required string Id { get; set; }
    /// <summary>The account that uploaded it.</summary>
    public required string OwnerAccountId { get; set; }
    /// <summary>The file name as the uploader gave it (shown, never used as a path); the server stores it sealed, as personal data.</summary>
    public required string Name { get; set; }
    /// <summary>The content type the bytes were checked to be.</summary>
    public required string ContentType { get; set; }
    public long Size { get; set; }
    /// <summary>SHA-256 of the bytes, hex.</summary>
    public required string Sha256 { get; set; }
    public DateTime CreatedAt { get; set; }
    public required byte[] Content { get; set; }
}
