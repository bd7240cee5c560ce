using System.Data.Common;
using FormFlow.Persistence.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>
/// A case server on SQLite whose database file stops growing while <see cref="Full"/> is set, as on a full disk:
/// every connection then opens with <c>max_page_count</c> at the file's current size, so SQLite itself answers
/// SQLITE_FULL ("database or disk is full") to the first write that needs a new page, and writes again once it is
/// cleared. (The fault soak, tests/load/soak.sh, fills a real size-limited file system.)
/// </summary>
public sealed class FullDiskServer() : CaseServer(DatabaseProvider.Sqlite)
{
    private readonly PageLimit _limit = new();

    public bool Full { get => _limit.Full; set => _limit.Full = value; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.ConfigureDbContext<SqliteFormFlowDbContext>(o => o.AddInterceptors(_limit)));
    }

    private sealed class PageLimit : DbConnectionInterceptor
    {
        /// <summary>SQLite's largest page count: no limit below the disk's.</summary>
        private const long Unlimited = 4294967294;
        private volatile bool _full;

        public bool Full { get => _full; set => _full = value; }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
            ConnectionOpenedAsync(connection, eventData).GetAwaiter().GetResult();

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
        {
            await using var command = connection.CreateCommand();
            var limit = Unlimited;
            if (_full)
            {
                command.CommandText = "PRAGMA page_count";
                limit = Convert.ToInt64(await command.ExecuteScalarAsync(ct));
            }
            command.CommandText = $"PRAGMA max_page_count = {limit}";
            await command.ExecuteScalarAsync(ct);
        }
    }
}
