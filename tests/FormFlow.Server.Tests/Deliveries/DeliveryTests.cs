using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Cases;
using FormFlow.Persistence.Deliveries;
using FormFlow.Persistence.Notifications;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Deliveries;

/// <summary>
/// Notifications leave FormFlow: the join's welcome SMS reaches a real HTTP gateway signed with the shared secret,
/// a failing gateway is retried after a back-off and the failure is shown to the union's admin (never to another
/// subtree's), a muted channel gets nothing while the Portal message still arrives, and the Portal's list pages.
/// </summary>
public abstract class DeliveryTests(DeliveryServer server)
{
    [Fact]
    public async Task The_welcome_sms_reaches_the_gateway_signed_with_the_secret_and_worded_from_the_modules_texts()
    {
        var delivery = await WelcomeSmsAsync();
        await server.DeliverAsync();

        var received = server.Gateway.Requests.Single(r => JsonNode.Parse(r.Body)!["id"]!.GetValue<string>() == delivery.Id.ToString());
        Assert.Equal("/sms", received.Path);
        Assert.Equal(server.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(), received.Timestamp);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(GatewayReceiver.Secret), Encoding.UTF8.GetBytes(received.Timestamp + "." + received.Body)));
        Assert.Equal(expected, received.Signature);
        var sms = JsonNode.Parse(received.Body)!;
        Assert.Equal("13800138000", sms["to"]!.GetValue<string>());
        Assert.Equal("joinApproved", sms["template"]!.GetValue<string>());
        Assert.Equal("入会申请已通过", sms["title"]!.GetValue<string>());
        Assert.StartsWith("李晓红，您的入会申请已通过，会员卡号 ", sms["text"]!.GetValue<string>());
        Assert.DoesNotContain("{", sms["text"]!.GetValue<string>());

        await using var db = server.OpenDb();
        var sent = await db.Deliveries.SingleAsync(d => d.Id == delivery.Id);
        Assert.NotNull(sent.DoneAt);
        Assert.Equal("http", sent.Via);
        Assert.DoesNotContain("13800138000", sent.To); // sealed at rest
    }

    [Fact]
    public async Task A_gateway_failure_is_retried_after_a_back_off_and_shown_to_the_unions_admin_only()
    {
        var delivery = await WelcomeSmsAsync();
        server.Gateway.Fail(1, "joinApproved");
        await server.DeliverAsync();

        await using (var db = server.OpenDb())
        {
            var failed = await db.Deliveries.SingleAsync(d => d.Id == delivery.Id);
            Assert.Equal(1, failed.Attempts);
            Assert.Contains("500", failed.LastError);
            Assert.Equal(server.Clock.GetUtcNow().UtcDateTime.AddMinutes(1), failed.NextAttemptAt);
            Assert.Null(failed.DoneAt);
        }
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var pending = await ListAsync(admin, "?status=pending&channel=sms");
        var shown = pending.Single(d => d["id"]!.GetValue<long>() == delivery.Id);
        Assert.Contains("gateway answered 500", shown["lastError"]!.GetValue<string>());
        Assert.Equal("138****8000", shown["to"]!.GetValue<string>());
        Assert.Null(shown["body"]); // a real SMS's text stays with its recipient
        await TestAccounts.EnsureAsync(server, "xihu-admin", "admin", "西湖区总工会");
        var foreign = await Api.CookieClientAsync(server, "xihu-admin");
        Assert.DoesNotContain(await ListAsync(foreign, ""), d => d["id"]!.GetValue<long>() == delivery.Id);

        var before = server.Gateway.Requests.Count;
        Assert.Equal(0, await server.DeliverAsync()); // backing off
        Assert.Equal(before, server.Gateway.Requests.Count);
        server.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await server.DeliverAsync());
        Assert.Equal(before + 1, server.Gateway.Requests.Count);
        admin = await Api.CookieClientAsync(server, "district-admin");
        Assert.Contains(await ListAsync(admin, "?status=sent"), d => d["id"]!.GetValue<long>() == delivery.Id);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_fails_for_good_and_its_admin_can_send_it_again_now()
    {
        var delivery = await WelcomeSmsAsync();
        server.Gateway.Fail(8, "joinApproved");
        for (var i = 0; i < 10; i++)
        {
            await server.DeliverAsync();
            server.Clock.Advance(TimeSpan.FromHours(2));
        }
        await using (var db = server.OpenDb())
        {
            var failed = await db.Deliveries.SingleAsync(d => d.Id == delivery.Id);
            Assert.NotNull(failed.FailedAt);
            Assert.Equal(8, failed.Attempts);
        }
        await TestAccounts.EnsureAsync(server, "xihu-admin", "admin", "西湖区总工会");
        var foreign = await Api.CookieClientAsync(server, "xihu-admin");
        await Api.ProblemAsync(await foreign.PostAsync($"/api/deliveries/{delivery.Id}/retry", null), HttpStatusCode.NotFound);
        var admin = await Api.CookieClientAsync(server, "district-admin");
        Assert.Contains(await ListAsync(admin, "?status=failed"), d => d["id"]!.GetValue<long>() == delivery.Id);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/deliveries/{delivery.Id}/retry", null)).StatusCode);
        Assert.Equal(1, await server.DeliverAsync());
        Assert.Contains(await ListAsync(admin, "?status=sent"), d => d["id"]!.GetValue<long>() == delivery.Id);
    }

    [Fact]
    public async Task A_member_who_muted_sms_gets_no_sms_but_the_portal_message_still_arrives()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        await Api.ProblemAsync(await worker.PutAsJsonAsync("/api/me/channels", new { muted = new[] { "inApp" } }), HttpStatusCode.UnprocessableEntity);
        var muted = await Api.JsonAsync(await worker.PutAsJsonAsync("/api/me/channels", new { muted = new[] { "sms" } }));
        Assert.True(muted["channels"]!.AsArray().Single(c => c!["channel"]!.GetValue<string>() == "sms")!["muted"]!.GetValue<bool>());
        try
        {
            var last = await LastDeliveryIdAsync();
            var (_, caseId) = await server.ApprovedJoinAsync();
            for (var i = 0; i < 3; i++) await server.DispatchAsync();
            await using var db = server.OpenDb();
            Assert.False(await db.Deliveries.AnyAsync(d => d.Id > last));
            Assert.True(await db.Notifications.AnyAsync(n => n.CaseId == caseId && n.Template == "joinApproved"));
        }
        finally
        {
            await Api.JsonAsync(await worker.PutAsJsonAsync("/api/me/channels", new { muted = Array.Empty<string>() }));
        }
        var heard = await Api.JsonAsync(await worker.GetAsync("/api/me/channels"));
        Assert.All(heard["channels"]!.AsArray(), c => Assert.False(c!["muted"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task My_notifications_page_with_limit_and_cursor_and_a_bad_limit_is_a_400_naming_it()
    {
        await TestAccounts.EnsureAsync(server, "paged-reader", "worker", "华兴电子有限公司工会");
        await using (var db = server.OpenDb())
        {
            var id = await db.Users.Where(u => u.UserName == "paged-reader").Select(u => u.Id).SingleAsync();
            if (!await db.Notifications.AnyAsync(n => n.AccountId == id))
                for (var i = 1; i <= 5; i++)
                    db.Notifications.Add(new Notification
                    {
                        AccountId = id, Channel = "inbox", Recipient = "paged-reader", Template = "message", EffectKey = $"paged:{i}",
                        Texts = $$$"""{"title":{"zh-CN":"第{{{i}}}条"},"body":{"zh-CN":"内容"}}""", CreatedAt = server.Clock.GetUtcNow().UtcDateTime,
                    });
            await db.SaveChangesAsync();
        }
        var reader = await Api.CookieClientAsync(server, "paged-reader");
        var titles = new List<string>();
        string? cursor = null;
        do
        {
            var page = await Api.JsonAsync(await reader.GetAsync("/api/notifications?limit=2" + (cursor is null ? "" : "&cursor=" + cursor)));
            Assert.True(page["items"]!.AsArray().Count <= 2);
            titles.AddRange(page["items"]!.AsArray().Select(n => n!["title"]!.GetValue<string>()));
            cursor = page["next"]?.GetValue<string>();
        } while (cursor is not null);
        Assert.Equal(["第5条", "第4条", "第3条", "第2条", "第1条"], titles);
        var problem = await Api.ProblemAsync(await reader.GetAsync("/api/notifications?limit=0"), HttpStatusCode.BadRequest);
        Assert.Equal("limit", problem["parameter"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_failed_workflow_effect_is_shown_to_its_unions_admin_who_can_retry_it_now()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var caseId = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        long id;
        await using (var db = server.OpenDb())
        {
            var now = server.Clock.GetUtcNow().UtcDateTime;
            var ghost = new OutboxEntry
            {
                CaseId = caseId, Key = $"case-{caseId}:ghost:1", Kind = "ghostEffect", ActivityId = "ghost", Payload = "{}",
                CreatedAt = now, NextAttemptAt = now, Attempts = 8, FailedAt = now, LastError = "no effect handler is registered for kind 'ghostEffect'",
            };
            db.Outbox.Add(ghost);
            await db.SaveChangesAsync();
            id = ghost.Id;
        }
        await TestAccounts.EnsureAsync(server, "xihu-admin", "admin", "西湖区总工会");
        var foreign = await Api.CookieClientAsync(server, "xihu-admin");
        Assert.DoesNotContain((await Api.JsonAsync(await foreign.GetAsync("/api/outbox/failed")))["items"]!.AsArray(), o => o!["id"]!.GetValue<long>() == id);
        await Api.ProblemAsync(await foreign.PostAsync($"/api/outbox/{id}/retry", null), HttpStatusCode.NotFound);

        var admin = await Api.CookieClientAsync(server, "district-admin");
        var shown = (await Api.JsonAsync(await admin.GetAsync("/api/outbox/failed")))["items"]!.AsArray().Single(o => o!["id"]!.GetValue<long>() == id)!;
        Assert.Equal("ghostEffect", shown["kind"]!.GetValue<string>());
        Assert.Contains("no effect handler", shown["lastError"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/outbox/{id}/retry", null)).StatusCode);
        await using var check = server.OpenDb();
        var retried = await check.Outbox.SingleAsync(o => o.Id == id);
        Assert.Null(retried.FailedAt);
        Assert.Equal(server.Clock.GetUtcNow().UtcDateTime, retried.NextAttemptAt);
    }

    private static async Task<List<JsonNode>> ListAsync(HttpClient admin, string query) =>
        (await Api.JsonAsync(await admin.GetAsync("/api/deliveries" + query)))["items"]!.AsArray().Select(n => n!).ToList();

    private async Task<long> LastDeliveryIdAsync()
    {
        await using var db = server.OpenDb();
        return await db.Deliveries.MaxAsync(d => (long?)d.Id) ?? 0;
    }

    /// <summary>The worker's join is approved and its effects run: the welcome SMS is queued (and returned), not yet sent; nothing else is due.</summary>
    private async Task<Delivery> WelcomeSmsAsync()
    {
        // Another test's messages are sent first, so each pass here counts only this test's.
        server.Gateway.Fail(0);
        server.Clock.Advance(TimeSpan.FromHours(2));
        while (await server.DeliverAsync() > 0) { }
        var last = await LastDeliveryIdAsync();
        await server.ApprovedJoinAsync();
        for (var i = 0; i < 3; i++) await server.DispatchAsync();
        await using var db = server.OpenDb();
        return await db.Deliveries.SingleAsync(d => d.Id > last && d.Template == "joinApproved");
    }
}

public sealed class SqliteDeliveryTests(SqliteDeliveryServer server) : DeliveryTests(server), IClassFixture<SqliteDeliveryServer>;

public sealed class PostgresDeliveryTests(PostgresDeliveryServer server) : DeliveryTests(server), IClassFixture<PostgresDeliveryServer>;
