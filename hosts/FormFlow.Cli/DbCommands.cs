using System.CommandLine;
using FormFlow.Persistence.Database;

namespace FormFlow.Cli;

/// <summary>
/// `formflow db migrate [--provider sqlite|postgres] [--connection ...] [--data-folder ./data]` — brings a database
/// to the current schema (the server does the same at start) and prints the migrations it applied; `formflow db generate`
/// fills an empty database with a generated city (<see cref="CityGeneration.CityCommand"/>).
/// </summary>
internal static class DbCommands
{
    public static Command Create()
    {
        var provider = new Option<string>("--provider") { Description = "sqlite (default) or postgres", DefaultValueFactory = _ => "sqlite" };
        var connection = new Option<string?>("--connection") { Description = "connection string; SQLite defaults to <data-folder>/formflow.db" };
        var dataFolder = new Option<string>("--data-folder") { Description = "folder for the SQLite file", DefaultValueFactory = _ => "data" };
        var migrate = new Command("migrate", "Apply pending database migrations.") { provider, connection, dataFolder };
        migrate.SetAction((result, ct) => MigrateAsync(result, result.GetValue(provider), result.GetValue(connection), result.GetValue(dataFolder)!, ct));
        return new Command("db", "Manage the FormFlow database.") { migrate, CityGeneration.CityCommand.Create(provider, connection, dataFolder) };
    }

    private static async Task<int> MigrateAsync(ParseResult result, string? providerName, string? connection, string dataFolder, CancellationToken ct)
    {
        DatabaseSettings settings;
        try
        {
            settings = DatabaseSettings.Resolve(DatabaseSettings.ParseProvider(providerName), connection, Path.GetFullPath(dataFolder));
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message);
        }
        await using var db = FormFlowDatabase.CreateContext(settings);
        IReadOnlyList<string> applied;
        try
        {
            applied = await FormFlowDatabase.MigrateAsync(db, ct);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or ArgumentException)
        {
            throw new CliException($"{settings.Provider.ToString().ToLowerInvariant()}: cannot migrate: {ex.Message}");
        }
        CliJson.Write(result, new { provider = settings.Provider.ToString().ToLowerInvariant(), applied });
        return ExitCodes.Ok;
    }
}
