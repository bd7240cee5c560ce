using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FormFlow.Server.Shared;

/// <summary>
/// The one rule for "this write lost a race": a row changed since it was read (a concurrency token), or another
/// request or process created the same unique or primary key first. Two stimuli for one case racing lose this way
/// too: the loser's save fails on the case's concurrency token or — when its inserts come first in the batch — on the
/// unique index of a step row the winner already inserted (a task per bookmark, an outbox item per key, a timer per
/// due time). Either way nothing of the loser is stored. A foreign-key fault is not a race.
/// </summary>
internal static class LostRace
{
    public static bool Is(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => true,
        // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555); both are SQLITE_CONSTRAINT (19).
        DbUpdateException { InnerException: SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } } => true,
        _ => false,
    };
}
