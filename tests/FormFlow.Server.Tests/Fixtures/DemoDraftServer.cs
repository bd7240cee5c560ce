using FormFlow.Persistence.Database;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>A server with the demo city's sample drafts saved (FormFlow:DemoDrafts): join's draft is version 1.1.0 with one new lock.</summary>
public class DemoDraftServer(DatabaseProvider provider) : ServerFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["FormFlow:DemoDrafts"] = "true",
    };
}

public sealed class SqliteDemoDraftServer() : DemoDraftServer(DatabaseProvider.Sqlite);

public sealed class PostgresDemoDraftServer() : DemoDraftServer(DatabaseProvider.Postgres);
