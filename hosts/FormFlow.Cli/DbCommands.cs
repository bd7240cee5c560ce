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
        var database = new DatabaseOptions();
        var migrate = database.AddTo(new Command("migrate", "Apply pending database migrations."));
        migrate.SetAction((result, ct) => MigrateAsync(result, database.Resolve(result), ct));
        return new Command("db", "Manage the FormFlow database.") { migrate, CityGeneration.CityCommand.Create(database) };
    }

    private static async Task<int> MigrateAsync(ParseResult result, DatabaseSettings settings, CancellationToken ct)
    {
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
