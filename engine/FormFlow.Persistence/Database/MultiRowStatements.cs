using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace FormFlow.Persistence.Database;

/// <summary>
/// How many rows one multi-row statement (<c>INSERT ... VALUES (...), (...)</c>) takes. Microsoft.Data.Sqlite binds
/// every parameter by name, and SQLite finds a name by walking the statement's list of names, so binding a statement
/// costs the square of its parameters: 500 rows of 6 columns were 4.5 million name comparisons a statement, and the
/// top of a profile. On SQLite a statement therefore takes few rows; PostgreSQL binds by position and takes more, each
/// statement being a round trip.
/// </summary>
public static class MultiRowStatements
{
    private const int SqliteRows = 32;

    public static int Rows(DatabaseFacade database, int onPostgres) => database.IsSqlite() ? SqliteRows : onPostgres;
}
