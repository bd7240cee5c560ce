namespace FormFlow.Server.Tests.Fixtures;

/// <summary>A writable copy of the shipped module templates, for servers whose templates a test changes.</summary>
public static class TemplateCopies
{
    /// <returns>The copy's <c>module-templates</c> folder, in a new temporary folder.</returns>
    public static string Make()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "module-templates");
        var copy = Path.Combine(Directory.CreateTempSubdirectory("formflow-templates-").FullName, "module-templates");
        foreach (var file in Directory.EnumerateFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }
}
