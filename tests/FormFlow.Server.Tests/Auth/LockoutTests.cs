using System.Net;
using FormFlow.Persistence.Database;
using System.Net.Http.Json;
using FormFlow.Server.Tests.Cases;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Auth;

/// <summary>Repeated wrong passwords lock the account for a while; the right password is then refused too, and every attempt is audited.</summary>
public sealed class LockoutTests
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var server = await ServerFixture.StartOnAsync(database);
        var client = server.CreateClient();
        for (var i = 0; i < 5; i++)
            await Api.ProblemAsync(await Api.LoginAsync(client, "merchant", "wrong-" + i), HttpStatusCode.Unauthorized);

        await Api.ProblemAsync(await Api.LoginAsync(client, "merchant"), HttpStatusCode.Unauthorized);
        await Api.ProblemAsync(await client.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        // Other accounts are unaffected.
        Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(client, "designer")).StatusCode);

        await using var db = server.OpenDb();
        var failures = await db.AuditEntries.Where(a => a.Action == "auth.login.failed" && a.Target == "account:merchant").Select(a => a.Details).ToListAsync();
        Assert.Equal(6, failures.Count);
        // The fifth failure is the one that locks; it and the later right password are recorded as locked-out.
        Assert.Equal(4, failures.Count(d => d.Contains("\"wrong-password\"")));
        Assert.Equal(2, failures.Count(d => d.Contains("\"locked-out\"")));
    }

    [Fact]
    public async Task The_lock_covers_the_token_endpoint_and_lifts_after_five_minutes_on_the_servers_clock()
    {
        await using var server = new SqliteCaseServer();
        await server.InitializeAsync();
        var client = server.CreateClient();
        for (var i = 0; i < 5; i++)
            await Api.ProblemAsync(await client.PostAsJsonAsync("/api/auth/token", new { userName = "lawyer", password = "wrong-" + i }), HttpStatusCode.Unauthorized);
        await Api.ProblemAsync(await Api.LoginAsync(client, "lawyer"), HttpStatusCode.Unauthorized);

        server.Clock.Advance(TimeSpan.FromMinutes(4));
        await Api.ProblemAsync(await Api.LoginAsync(client, "lawyer"), HttpStatusCode.Unauthorized);
        server.Clock.Advance(TimeSpan.FromMinutes(1.5));
        Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(client, "lawyer")).StatusCode);
    }
}
