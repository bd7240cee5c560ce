using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FormFlow.Server.Cases;

/// <summary>
/// Two stimuli for one case racing (in one process or two): the loser's save fails on the case's concurrency token
/// or — when its inserts come first in the batch — on the unique index of a step row the winner already inserted
/// (a task per bookmark, an outbox item per key, a timer per due time). Either way nothing of the loser is stored.
/// </summary>
public static class LostRace
{
    public static bool Is(DbUpdateException e) =>
        e is DbUpdateConcurrencyException
        || e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
        || e.InnerException is SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 }; // SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY
}
