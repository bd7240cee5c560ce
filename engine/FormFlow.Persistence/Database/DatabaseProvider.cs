namespace FormFlow.Persistence.Database;

public enum DatabaseProvider
{
    /// <summary>The embedded default: one file in the data folder.</summary>
    Sqlite,
    /// <summary>The production store; several server processes may share one database.</summary>
    Postgres,
}
