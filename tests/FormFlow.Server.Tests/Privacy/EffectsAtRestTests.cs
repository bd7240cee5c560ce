using System.Text.Json.Nodes;
using FormFlow.Server.Privacy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using FormFlow.Server.Tests.Fixtures;
using FormFlow.Server.Tests.Cases;

namespace FormFlow.Server.Tests.Privacy;

/// <summary>
/// A case's effects at rest: the outbox rows and the notifications they write hold the applicant's mobile number and
/// name only encrypted, yet the welcome SMS reaches the applicant with their name in it; no log line carries them.
/// </summary>
public abstract class EffectsAtRestTests(LoggedCaseServer server)
{
    private const string ResidentId = "11010519491231002X";
    private const string Mobile = "13800138000";
    private const string Name = "李晓红";

    [Fact]
    public async Task Outbox_payloads_and_notifications_are_encrypted_and_the_welcome_still_reaches_the_applicant_with_their_name()
    {
        var (worker, caseId) = await server.ApprovedJoinAsync();
        await server.DispatchAsync();
        await server.DispatchAsync();

        await using var db = server.OpenDb();
        // The rows as stored: projections, so nothing could decrypt them on the way.
        var outbox = await db.Outbox.Where(o => o.CaseId == caseId).Select(o => new { o.ActivityId, o.Payload, o.DoneAt }).ToListAsync();
        var welcome = Assert.Single(outbox, o => o.ActivityId == "welcome");
        Assert.NotNull(welcome.DoneAt);
        foreach (var row in outbox)
        {
            Assert.StartsWith("\"" + PiiProtector.Prefix, row.Payload);
            foreach (var secret in new[] { Mobile, ResidentId, Name }) Assert.DoesNotContain(secret, row.Payload);
        }
        var notification = await db.Notifications.Where(n => n.CaseId == caseId && n.Template == "joinApproved")
            .Select(n => new { n.AccountId, n.Recipient, n.Data }).SingleAsync();
        foreach (var secret in new[] { Mobile, Name }) Assert.DoesNotContain(secret, notification.Recipient + notification.Data);

        // Sealed, not lost: the server's keys open the recipient to the mobile number the workflow named.
        var pii = server.Services.GetRequiredService<PiiProtector>();
        Assert.Equal(Mobile, pii.Open(notification.Recipient)!.GetValue<string>());
        var applicant = await db.Cases.Where(c => c.Id == caseId).Select(c => c.ApplicantAccountId).SingleAsync();
        Assert.Equal(applicant, notification.AccountId);

        // The applicant reads the welcome with their name and card in it.
        var mine = JsonNode.Parse(await worker.GetStringAsync("/api/notifications"))!["items"]!.AsArray()
            .Single(n => n!["caseId"]!.GetValue<long>() == caseId && n["template"]!.GetValue<string>() == "joinApproved")!;
        Assert.Equal(Name, mine["data"]!["name"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(mine["data"]!["card"]?.GetValue<string>()));

        // Structured logs (SQL commands, requests, the dispatcher) carry none of the personal values.
        var logs = server.Logs.Entries.ToList();
        Assert.Contains(logs, l => l.Contains("INSERT INTO \"Outbox\"")); // the log did record the writes
        foreach (var secret in new[] { Mobile, ResidentId, Name })
            Assert.DoesNotContain(logs, l => l.Contains(secret, StringComparison.Ordinal));
    }
}

public sealed class SqliteEffectsAtRestTests(SqliteLoggedCaseServer server) : EffectsAtRestTests(server), IClassFixture<SqliteLoggedCaseServer>;

public sealed class PostgresEffectsAtRestTests(PostgresLoggedCaseServer server) : EffectsAtRestTests(server), IClassFixture<PostgresLoggedCaseServer>;
