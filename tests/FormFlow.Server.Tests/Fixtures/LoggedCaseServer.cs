using FormFlow.Persistence.Database;
using FormFlow.Server.Tests.Cases;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>A case server that logs everything down to Debug (EF Core's SQL and ASP.NET Core's requests included) into <see cref="Logs"/>.</summary>
public class LoggedCaseServer(DatabaseProvider provider) : CaseServer(provider)
{
    public CapturedLogs Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => CapturedLogs.Everything(base.Settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(Logs));
    }
}

public sealed class SqliteLoggedCaseServer() : LoggedCaseServer(DatabaseProvider.Sqlite);

public sealed class PostgresLoggedCaseServer() : LoggedCaseServer(DatabaseProvider.Postgres);
