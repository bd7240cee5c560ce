using FormFlow.Persistence.Database;

namespace FormFlow.Server.Hosting;

/// <summary>
/// The server's own settings, read once at start. Configuration keys (appsettings.json, environment variables
/// with <c>__</c> for <c>:</c>, or <c>--Key=value</c> arguments):
/// <c>FormFlow:DataFolder</c> (default <c>./data</c>), <c>FormFlow:Demo</c> (default true; <c>--no-demo</c> turns it off),
/// <c>Database:Provider</c> (sqlite | postgres), <c>Database:ConnectionString</c>,
/// <c>FormFlow:MaxRequestBodyBytes</c> (default 1 MiB), <c>FormFlow:MaxUploadBytes</c> (file uploads, default 10 MiB),
/// <c>FormFlow:KeysFolder</c> (default <c>&lt;data folder&gt;/keys</c>).
/// </summary>
/// <param name="KeysFolder">
/// The Data Protection key ring: it encrypts sign-in cookies and the personal data stored in cases, outbox items and
/// notifications. Every process serving one database must share it, or one process cannot read what another wrote;
/// it stays out of the database so that a database dump alone reveals no personal data.
/// </param>
public sealed record ServerSettings(string DataFolder, bool Demo, DatabaseSettings Database, long MaxRequestBodyBytes, long MaxUploadBytes, string KeysFolder)
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
            config.GetValue("FormFlow:MaxUploadBytes", 10L << 20),
            Path.GetFullPath(config["FormFlow:KeysFolder"] is { Length: > 0 } keys ? keys : Path.Combine(dataFolder, "keys")));
    }

    /// <summary>The largest request body accepted at <paramref name="path"/>: file uploads have a limit of their own.</summary>
    public long BodyLimitFor(PathString path) =>
        path.StartsWithSegments(Files.FileEndpoints.Path) ? MaxUploadBytes : MaxRequestBodyBytes;
}
