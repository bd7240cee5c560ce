using FormFlow.Persistence.Database;

namespace FormFlow.Server.Hosting;

/// <summary>
/// The server's own settings, read once at start. Configuration keys (appsettings.json, environment variables
/// with <c>__</c> for <c>:</c>, or <c>--Key=value</c> arguments):
/// <c>FormFlow:DataFolder</c> (default <c>./data</c>), <c>FormFlow:Demo</c> (default true; <c>--no-demo</c> turns it off),
/// <c>Database:Provider</c> (sqlite | postgres), <c>Database:ConnectionString</c>,
/// <c>FormFlow:MaxRequestBodyBytes</c> (default 1 MiB), <c>FormFlow:MaxUploadBytes</c> (file uploads, default 10 MiB).
/// </summary>
public sealed record ServerSettings(string DataFolder, bool Demo, DatabaseSettings Database, long MaxRequestBodyBytes, long MaxUploadBytes)
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    public const string NoDemoSwitch = "--no-demo";

    public static ServerSettings From(IConfiguration config, bool noDemoSwitch)
    {
        var dataFolder = Path.GetFullPath(config["FormFlow:DataFolder"] is { Length: > 0 } folder ? folder : "data");
        var provider = DatabaseSettings.ParseProvider(config["Database:Provider"]);
        return new ServerSettings(
            dataFolder,
            !noDemoSwitch && config.GetValue("FormFlow:Demo", true),
            DatabaseSettings.Resolve(provider, config["Database:ConnectionString"], dataFolder),
            config.GetValue("FormFlow:MaxRequestBodyBytes", 1L << 20),
            config.GetValue("FormFlow:MaxUploadBytes", 10L << 20));
    }

    /// <summary>The largest request body accepted at <paramref name="path"/>: file uploads have a limit of their own.</summary>
    public long BodyLimitFor(PathString path) =>
        path.StartsWithSegments(Files.FileEndpoints.Path) ? MaxUploadBytes : MaxRequestBodyBytes;
}
