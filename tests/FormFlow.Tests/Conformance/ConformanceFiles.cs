namespace FormFlow.Tests.Conformance;

/// <summary>Finds the repository (and tests/conformance in it) from wherever the test assembly runs.</summary>
internal static class ConformanceFiles
{
    public static string Folder(string area) => Path.Combine(RepositoryFiles.Root, "tests", "conformance", area);

}
