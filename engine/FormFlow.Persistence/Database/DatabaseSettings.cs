namespace FormFlow.Persistence.Database;

/// <summary>Which database to use. Bound from the <c>Database</c> configuration section by the hosts.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultFileName = "formflow.db";

    /// <summary>Reads a provider name as typed on a command line or in configuration (sqlite | postgres).</summary>
    public static DatabaseProvider ParseProvider(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new ArgumentException($"unknown database provider '{name}': use sqlite or postgres"),
    };

    /// <summary>
    /// The settings for a provider: an explicit connection string wins; SQLite otherwise uses
    /// <c>{dataFolder}/formflow.db</c>; PostgreSQL has no default and needs one.
    /// </summary>
    public static DatabaseSettings Resolve(DatabaseProvider provider, string? connectionString, string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(connectionString)) return new(provider, connectionString);
        if (provider == DatabaseProvider.Postgres)
            throw new ArgumentException("PostgreSQL needs a connection string (Database:ConnectionString or --connection)");
        return new(provider, $"Data Source={Path.Combine(dataFolder, DefaultFileName)}");
    }
}
