using System.CommandLine;
using FormFlow.Persistence.Database;

namespace FormFlow.Cli;

/// <summary>
/// The options that name the database a command works on (<c>--provider</c>, <c>--connection</c>,
/// <c>--data-folder</c>), shared by every such command so that they read and check them alike.
/// </summary>
internal sealed class DatabaseOptions
{
    public Option<string> Provider { get; } = new("--provider") { Description = "sqlite (default) or postgres", DefaultValueFactory = _ => "sqlite" };
    public Option<string?> Connection { get; } = new("--connection") { Description = "connection string; SQLite defaults to <data-folder>/formflow.db" };
    public Option<string> DataFolder { get; } = new("--data-folder") { Description = "folder of the SQLite file", DefaultValueFactory = _ => "data" };

    /// <summary>Adds the three options to <paramref name="command"/> and returns it.</summary>
    public Command AddTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Connection);
        command.Options.Add(DataFolder);
        return command;
    }

    /// <summary>The full path of the data folder given.</summary>
    public string DataFolderPath(ParseResult result) => Path.GetFullPath(result.GetValue(DataFolder)!);

    /// <summary>The database the options name; an unknown provider or a bad connection string is a usage error naming it.</summary>
    public DatabaseSettings Resolve(ParseResult result)
    {
        try
        {
            return DatabaseSettings.Resolve(DatabaseSettings.ParseProvider(result.GetValue(Provider)), result.GetValue(Connection), DataFolderPath(result));
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message);
        }
    }
}
