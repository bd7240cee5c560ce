using System.Net;
using FormFlow.Persistence.Database;
using FormFlow.Server.Demo;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Demo;

/// <summary>Demo seeding happens once per database; outside demo mode nothing is seeded and no default password exists.</summary>
public sealed class DemoModeTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_restart_does_not_seed_twice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var first = await ServerFixture.StartOnAsync(database))
        {
            Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(first.CreateClient(), "worker")).StatusCode);
        }
        var counts = await CountsAsync(database);
        // The demo people and the demo contest's contestants.
        Assert.Equal((10, DemoData.People.Count + DemoContestants.People.Count, DemoData.People.Count + DemoContestants.People.Count, 1), counts);

        await using (var second = await ServerFixture.StartOnAsync(database))
        {
            Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(second.CreateClient(), "worker")).StatusCode);
        }
        Assert.Equal(counts, await CountsAsync(database));
    }

    [Fact]
    public async Task The_demo_password_comes_from_FORMFLOW_DEMO_PASSWORD_when_set()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var server = await ServerFixture.StartOnAsync(database, new Dictionary<string, string?> { [DemoData.PasswordVariable] = "另一个口令-2026" });
        var client = server.CreateClient();
        await Api.ProblemAsync(await Api.LoginAsync(client, "designer", "demo"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(client, "designer", "另一个口令-2026")).StatusCode);
    }

    [Fact]
    public async Task Outside_demo_mode_there_are_no_accounts_and_no_default_password()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var server = await ServerFixture.StartOnAsync(database, RealMode.Settings());
        await Api.ProblemAsync(await Api.LoginAsync(server.CreateClient(), "designer"), HttpStatusCode.Unauthorized);
        Assert.Equal((0, 0, 0, 0), await CountsAsync(database));
        Assert.False(File.Exists(Path.Combine(database.DataFolder, "jwt-signing-key")), "no key is generated outside demo mode");
        Assert.False(File.Exists(Path.Combine(database.DataFolder, "member-card-key.pem")), "no card key is generated outside demo mode");
        // The configured card key is the one published for offline verification.
        var published = await Api.JsonAsync(await server.CreateClient().GetAsync("/api/members/public-key"));
        using var configured = System.Security.Cryptography.ECDsa.Create();
        configured.ImportFromPem(RealMode.CardKeyPem);
        Assert.Equal(configured.ExportSubjectPublicKeyInfoPem(), published["publicKeyPem"]!.GetValue<string>());
    }

    [Fact]
    public async Task Outside_demo_mode_a_missing_member_card_key_stops_the_server_with_a_clear_message()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => ServerFixture.StartOnAsync(database, new Dictionary<string, string?>
        {
            ["FormFlow:Demo"] = "false",
            ["Auth:Jwt:SigningKey"] = RealMode.JwtSigningKey,
        }));
        Assert.Contains("Members:CardSigningKey is not configured", ex.ToString());
    }

    [Fact]
    public async Task Outside_demo_mode_a_missing_signing_key_stops_the_server_with_a_clear_message()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => ServerFixture.StartOnAsync(database, new Dictionary<string, string?> { ["FormFlow:Demo"] = "false" }));
        Assert.Contains("Auth:Jwt:SigningKey is not configured", ex.ToString());
    }

    /// <summary>Org units, accounts, role assignments and demo-seeding audit entries.</summary>
    private static async Task<(int, int, int, int)> CountsAsync(TestDatabase database)
    {
        await using var db = FormFlowDatabase.CreateContext(database.Settings);
        return (await db.OrgUnits.CountAsync(), await db.Users.CountAsync(), await db.RoleAssignments.CountAsync(),
            await db.AuditEntries.CountAsync(a => a.Action == "seed.demo"));
    }
}
