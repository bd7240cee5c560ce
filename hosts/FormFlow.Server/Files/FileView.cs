using FormFlow.Persistence.Files;

namespace FormFlow.Server.Files;

/// <summary>A file reference as form data holds it (the forms engine's file-reference shape).</summary>
internal sealed record FileView(string Id, string Name, long Size, string ContentType)
{
    public static FileView Of(StoredFile file) => new(file.Id, file.Name, file.Size, file.ContentType);
}
