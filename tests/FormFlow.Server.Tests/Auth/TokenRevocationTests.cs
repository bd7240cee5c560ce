using System.Net;
using FormFlow.Server.Tests.Cases;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Auth;

/// <summary>Signing out ends the account's bearer tokens at once, not when they expire; a new sign-in gets a working token.</summary>
public abstract class TokenRevocationTests(ServerFixture server)
{
    [Fact]
    public async Task A_bearer_token_is_refused_after_its_owner_signs_out_with_it()
    {
        var client = await Api.BearerClientAsync(server, "lawyer");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null)).StatusCode);

        var refused = await Api.ProblemAsync(await client.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        Assert.Equal("Unauthorized", refused["title"]!.GetValue<string>());
        var again = await Api.BearerClientAsync(server, "lawyer");
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Signing_out_in_the_browser_also_ends_the_accounts_bearer_tokens()
    {
        var token = await Api.BearerClientAsync(server, "reviewer");
        var browser = await Api.CookieClientAsync(server, "reviewer");

        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/auth/logout", null)).StatusCode);

        await Api.ProblemAsync(await token.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        await Api.ProblemAsync(await browser.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(browser, "reviewer")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/me")).StatusCode);
    }
}

/// <summary>Other browser sessions of an account that signed out end at Identity's next check of their cookie.</summary>
public sealed class OtherSessionsAfterSignOutTests(SqliteCaseServer server) : IClassFixture<SqliteCaseServer>
{
    [Fact]
    public async Task Another_browser_of_the_account_is_signed_out_within_thirty_minutes_on_the_servers_clock()
    {
        var phone = await Api.CookieClientAsync(server, "designer");
        var desktop = await Api.CookieClientAsync(server, "designer");
        Assert.Equal(HttpStatusCode.NoContent, (await phone.PostAsync("/api/auth/logout", null)).StatusCode);

        server.Clock.Advance(TimeSpan.FromMinutes(31));
        await Api.ProblemAsync(await desktop.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }
}

public sealed class SqliteTokenRevocationTests(SqliteServer server) : TokenRevocationTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresTokenRevocationTests(PostgresServer server) : TokenRevocationTests(server), IClassFixture<PostgresServer>;
