using System.Text;

namespace FormFlow.Server.Files;

/// <summary>
/// The kinds of file the server accepts, recognised by their first bytes rather than by the name or the declared
/// type, so a script renamed to .png is refused.
/// </summary>
internal static class FileKinds
{
    private sealed record Kind(string ContentType, Func<ReadOnlySpan<byte>, bool> Matches);

    private static readonly Kind[] Known =
    [
        new("image/png", b => b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])),
        new("image/jpeg", b => b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])),
        new("image/gif", b => b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)),
        new("image/webp", b => b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)),
        new("application/pdf", b => b.StartsWith("%PDF-"u8)),
        new("image/svg+xml", IsSvg),
        // Word and Excel documents are ZIP containers; the declared type tells which (both start with PK\3\4).
        new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", b => b.StartsWith("PK\x03\x04"u8)),
        new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b => b.StartsWith("PK\x03\x04"u8)),
    ];

    public static IEnumerable<string> ContentTypes => Known.Select(k => k.ContentType);

    /// <summary>
    /// The content type of <paramref name="content"/>: the declared one when the bytes are of that kind, else the
    /// first kind the bytes match (for a declared <c>application/octet-stream</c> or none); null when no kind matches
    /// or the bytes contradict the declared type.
    /// </summary>
    public static string? Detect(ReadOnlySpan<byte> content, string? declared)
    {
        declared = declared?.Split(';')[0].Trim().ToLowerInvariant();
        if (Known.FirstOrDefault(k => k.ContentType == declared) is { } named) return named.Matches(content) ? named.ContentType : null;
        if (declared is not (null or "" or "application/octet-stream")) return null;
        foreach (var kind in Known)
            if (kind.Matches(content)) return kind.ContentType;
        return null;
    }

    public static bool IsImage(string contentType) => contentType.StartsWith("image/", StringComparison.Ordinal);

    private static bool IsSvg(ReadOnlySpan<byte> content)
    {
        var head = Encoding.UTF8.GetString(content[..Math.Min(content.Length, 512)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<svg", StringComparison.Ordinal)
            || (head.StartsWith("<?xml", StringComparison.Ordinal) && head.Contains("<svg", StringComparison.Ordinal));
    }
}
