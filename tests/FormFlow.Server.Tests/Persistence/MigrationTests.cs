using FormFlow.Cli;
using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Persistence;

/// <summary>Migrations apply from empty on both providers, through the library and through `formflow db migrate`.</summary>
public sealed class MigrationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrations_apply_from_empty_then_nothing_is_pending(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = FormFlowDatabase.CreateContext(database.Settings);
        var all = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);

        var applied = await FormFlowDatabase.MigrateAsync(db);
        Assert.Equal(all, applied);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await FormFlowDatabase.MigrateAsync(db));
        // The schema is usable: the tables answer queries.
        Assert.Equal(0, await db.OrgUnits.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_cli_migrates_and_reports_what_it_applied(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string[] args = ["db", "migrate", "--provider", provider.ToString().ToLowerInvariant(), "--connection", database.Settings.ConnectionString];

        var (code, stdout, stderr) = Run(args);
        Assert.True(code == ExitCodes.Ok, stderr);
        var report = JsonNode.Parse(stdout)!;
        Assert.Equal(provider.ToString().ToLowerInvariant(), report["provider"]!.GetValue<string>());
        Assert.Contains(report["applied"]!.AsArray(), m => m!.GetValue<string>().EndsWith("_Initial"));

        var (again, stdoutAgain, _) = Run(args);
        Assert.Equal(ExitCodes.Ok, again);
        Assert.Empty(JsonNode.Parse(stdoutAgain)!["applied"]!.AsArray());
    }

    [Fact]
    public void The_cli_names_a_missing_connection_or_unknown_provider()
    {
        var (code, _, stderr) = Run(["db", "migrate", "--provider", "postgres"]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("connection string", stderr);

        (code, _, stderr) = Run(["db", "migrate", "--provider", "oracle"]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("unknown database provider 'oracle'", stderr);
    }

    [Fact]
    public void The_cli_reports_an_unreachable_server_without_a_stack_trace()
    {
        var (code, _, stderr) = Run(["db", "migrate", "--provider", "postgres", "--connection", "Host=127.0.0.1;Port=1;Database=x;Timeout=2"]);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("postgres: cannot migrate", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    private static (int Code, string Stdout, string Stderr) Run(string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
