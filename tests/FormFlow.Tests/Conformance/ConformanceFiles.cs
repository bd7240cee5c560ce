namespace FormFlow.Tests.Conformance;

/// <summary>Finds the repository (and tests/conformance in it) from wherever the test assembly runs.</summary>
internal static class ConformanceFiles
{
    public static string Folder(string area) => Path.Combine(RepositoryRoot(), "tests", "conformance", area);

    /// <summary>The folder holding FormFlow.sln, found upwards from the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FormFlow.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"FormFlow.sln not found above {AppContext.BaseDirectory}");
    }
}
