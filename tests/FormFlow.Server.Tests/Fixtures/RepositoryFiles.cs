namespace FormFlow.Server.Tests.Fixtures;

/// <summary>Files of the repository the tests compare against, found from the test binary upwards.</summary>
public static class RepositoryFiles
{
    public static string Path(params string[] relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "FormFlow.sln"))) return System.IO.Path.Combine([dir.FullName, .. relative]);
        throw new DirectoryNotFoundException($"FormFlow.sln not found above {AppContext.BaseDirectory}");
    }
}
