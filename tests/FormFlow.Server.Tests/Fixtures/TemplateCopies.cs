namespace FormFlow.Server.Tests.Fixtures;

/// <summary>A writable copy of the shipped module templates, for servers whose templates a test changes.</summary>
public static class TemplateCopies
{
    /// <returns>The copy's <c>module-templates</c> folder, in a new temporary folder.</returns>
    public static string Make()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "module-templates");
        var copy = Path.Combine(Directory.CreateTempSubdirectory("formflow-templates-").FullName, "module-templates");
        FolderCopy.Into(shipped, copy);
        return copy;
    }
}
