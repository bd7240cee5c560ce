using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    /// <summary>One scalar from plain SQL on this context's connection and transaction (no query pipeline: this runs per submission).</summary>
    protected async Task<object?> ScalarAsync(string sql, CancellationToken ct)
    {
        await Database.OpenConnectionAsync(ct);
        try
        {
            await using DbCommand command = Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = Database.CurrentTransaction?.GetDbTransaction();
            return await command.ExecuteScalarAsync(ct);
        }
        finally
        {
            await Database.CloseConnectionAsync();
        }
    }
}
