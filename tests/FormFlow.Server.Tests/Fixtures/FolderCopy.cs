namespace FormFlow.Server.Tests.Fixtures;

/// <summary>Copies a folder's files, subfolders included, into another folder (created as needed).</summary>
public static class FolderCopy
{
    public static void Into(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}
