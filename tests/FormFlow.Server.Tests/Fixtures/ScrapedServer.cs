using FormFlow.Persistence.Database;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>A <see cref="CaseServer"/> with the Prometheus endpoint opened by a scrape token (<see cref="Token"/>).</summary>
public class ScrapedServer(DatabaseProvider provider) : CaseServer(provider)
{
    public const string Token = "scrape-7f3a9c";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["FormFlow:Telemetry:PrometheusScrapeToken"] = Token,
    };
}

public sealed class SqliteScrapedServer() : ScrapedServer(DatabaseProvider.Sqlite);

public sealed class PostgresScrapedServer() : ScrapedServer(DatabaseProvider.Postgres);
