namespace FormFlow.Tests;

/// <summary>Files of the repository (samples, templates, conformance vectors, READMEs) from wherever the tests run.</summary>
internal static class RepositoryFiles
{
    /// <summary>The folder holding FormFlow.sln, found upwards from the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FormFlow.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"FormFlow.sln not found above {AppContext.BaseDirectory}");
    }
}
