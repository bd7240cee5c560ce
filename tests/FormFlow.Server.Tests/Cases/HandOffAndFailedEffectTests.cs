using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Cases;
using FormFlow.Server.Dispatch;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Cases;

/// <summary>The outbox ends: a hand-off tells the receiving union's handlers; an item nothing can carry out fails visibly instead of being retried for ever.</summary>
public abstract class HandOffAndFailedEffectTests(CaseServer server)
{
    [Fact]
    public async Task An_escalated_case_is_handed_off_and_the_street_unions_handlers_are_told()
    {
        await TestAccounts.EnsureAsync(server, "street-handler", "reviewer", "和平街道总工会");
        var worker = await Api.CookieClientAsync(server, "worker");
        var caseId = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        server.Clock.Advance(TimeSpan.FromDays(40));
        for (var i = 0; i < 4; i++) await server.DispatchAsync();

        await using (var db = server.OpenDb())
        {
            var handOff = await db.Outbox.SingleAsync(o => o.CaseId == caseId && o.Kind == "handOff");
            Assert.NotNull(handOff.DoneAt);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "case.handedOff" && a.Target == $"case:{caseId}"));
        }
        var street = await Api.CookieClientAsync(server, "street-handler");
        var told = JsonNode.Parse(await street.GetStringAsync("/api/notifications"))!["items"]!.AsArray().Single(n => n!["caseId"]!.GetValue<long>() == caseId)!;
        Assert.Equal("有案件移交本单位办理", told["title"]!.GetValue<string>());
        Assert.Contains("由华兴电子有限公司工会移交和平街道总工会办理", told["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_outbox_item_no_handler_takes_fails_with_its_reason_after_bounded_tries_and_is_not_tried_again()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var caseId = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        await using (var db = server.OpenDb())
        {
            db.Outbox.Add(new OutboxEntry
            {
                CaseId = caseId, Key = $"case-{caseId}:ghost:1", Kind = "ghostEffect", ActivityId = "ghost", Payload = "{}",
                CreatedAt = server.Clock.GetUtcNow().UtcDateTime, NextAttemptAt = server.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        }
        for (var i = 0; i < CaseDispatcher.MaxEffectAttempts + 3; i++)
        {
            await server.DispatchAsync();
            server.Clock.Advance(TimeSpan.FromHours(2));
        }

        await using var check = server.OpenDb();
        var ghost = await check.Outbox.SingleAsync(o => o.CaseId == caseId && o.Kind == "ghostEffect");
        Assert.Null(ghost.DoneAt);
        Assert.NotNull(ghost.FailedAt);
        Assert.Equal(CaseDispatcher.MaxEffectAttempts, ghost.Attempts);
        Assert.Equal("no effect handler is registered for kind 'ghostEffect'", ghost.LastError);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == "effect.failed" && a.Target == $"case:{caseId}"));
    }
}

public sealed class SqliteHandOffAndFailedEffectTests(SqliteCaseServer server) : HandOffAndFailedEffectTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresHandOffAndFailedEffectTests(PostgresCaseServer server) : HandOffAndFailedEffectTests(server), IClassFixture<PostgresCaseServer>;
