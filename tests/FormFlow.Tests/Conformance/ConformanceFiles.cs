namespace FormFlow.Tests.Conformance;

/// <summary>Finds tests/conformance in the repository from wherever the test assembly runs.</summary>
internal static class ConformanceFiles
{
    public static string Folder(string area)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "conformance", area);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"tests/conformance/{area} not found above {AppContext.BaseDirectory}");
    }
}
