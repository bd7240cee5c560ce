using System.Net;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Database;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Auth;

/// <summary>The server with the union login configured against a <see cref="TestOidcProvider"/> of its own.</summary>
public class OidcServer(DatabaseProvider provider) : ServerFixture(provider), IAsyncLifetime
{
    public TestOidcProvider Oidc { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Auth:Oidc:Authority"] = Oidc.Authority,
        ["Auth:Oidc:ClientId"] = TestOidcProvider.ClientId,
        ["Auth:Oidc:ClientSecret"] = TestOidcProvider.ClientSecret,
        ["Auth:Oidc:DisplayName"] = "市总工会统一登录",
        ["Auth:Oidc:RequireHttpsMetadata"] = "false", // the test provider speaks plain HTTP
    };

    public override async Task InitializeAsync()
    {
        Oidc = await TestOidcProvider.StartAsync();
        await base.InitializeAsync();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Oidc.DisposeAsync();
    }

    /// <summary>A browser: cookies kept, redirects not followed (the test walks them), on HTTPS as a deployment would be.</summary>
    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
}

public sealed class SqliteOidcServer() : OidcServer(DatabaseProvider.Sqlite);

public sealed class PostgresOidcServer() : OidcServer(DatabaseProvider.Postgres);

/// <summary>
/// The whole authorization-code flow against a real (in-test) provider: a union login whose user name matches an
/// account signs that account in with its own roles; one that matches none is refused and gets nothing; a forged
/// id_token is refused.
/// </summary>
public abstract class OidcSignInTests(OidcServer server)
{
    /// <summary>Login → provider → callback, as a browser follows the redirects; returns the callback's answer.</summary>
    private async Task<HttpResponseMessage> SignInAtProviderAsync(HttpClient browser, string user, string returnUrl = "/studio/")
    {
        var start = await browser.GetAsync($"/api/auth/oidc/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.StartsWith(server.Oidc.Authority + "/authorize?", authorize.ToString());

        server.Oidc.NextUser = user;
        using var atProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var back = await atProvider.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var callback = back.Headers.Location!;
        Assert.Equal("https://localhost/api/auth/oidc/callback", callback.GetLeftPart(UriPartial.Path));
        return await browser.GetAsync(callback.PathAndQuery);
    }

    [Fact]
    public async Task The_providers_list_offers_the_union_login()
    {
        var providers = JsonNode.Parse(await server.CreateClient().GetStringAsync("/api/auth/providers"))!.AsArray();
        var oidc = providers.Single(p => p!["id"]!.GetValue<string>() == "oidc")!;
        Assert.Equal("市总工会统一登录", oidc["displayName"]!.GetValue<string>());
        Assert.Equal("/api/auth/oidc/login", oidc["loginUrl"]!.GetValue<string>());
        Assert.Equal("GET", oidc["method"]!.GetValue<string>()); // the sign-in pages offer the GET (navigation) ones as links
        Assert.Contains(providers, p => p!["id"]!.GetValue<string>() == "password");
    }

    [Fact]
    public async Task A_union_login_matching_an_account_signs_in_with_that_accounts_roles()
    {
        var browser = server.Browser();
        var redeemedBefore = server.Oidc.Redeemed;
        var answer = await SignInAtProviderAsync(browser, "reviewer");
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, await answer.Content.ReadAsStringAsync());
        Assert.Equal("/studio/", answer.Headers.Location!.OriginalString);
        Assert.Equal(redeemedBefore + 1, server.Oidc.Redeemed); // the code went through the token endpoint

        var me = await Api.JsonAsync(await browser.GetAsync("/api/me"));
        var byPassword = await Api.JsonAsync(await (await Api.CookieClientAsync(server, "reviewer")).GetAsync("/api/me"));
        Assert.Equal(byPassword.ToJsonString(), me.ToJsonString()); // the same account, the same roles at the same orgs
        Assert.NotEmpty(me["roles"]!.AsArray());
        // The session works like a password login's: the reviewer's inbox answers.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/tasks")).StatusCode);

        await using var db = server.OpenDb();
        var entry = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.Action == "auth.oidc.succeeded");
        Assert.Equal("reviewer", entry.Actor);
        Assert.Equal("union-reviewer", JsonNode.Parse(entry.Details!)!["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_union_login_without_an_account_is_refused_and_gets_no_session()
    {
        var browser = server.Browser();
        var problem = await Api.ProblemAsync(await SignInAtProviderAsync(browser, "stranger"), HttpStatusCode.Forbidden);
        Assert.Contains("no FormFlow account has the user name 'stranger'", Api.Text(problem));
        await Api.ProblemAsync(await browser.GetAsync("/api/me"), HttpStatusCode.Unauthorized);

        await using var db = server.OpenDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "auth.oidc.refused" && a.Target == "account:stranger"));
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "stranger")); // nothing was created for it
    }

    [Fact]
    public async Task A_browser_refused_goes_back_to_its_page_told_why_and_without_a_session()
    {
        var browser = server.Browser();
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        var refused = await SignInAtProviderAsync(browser, "stranger", "/cases/42?from=notice");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/cases/42?from=notice&signInError=no-account", refused.Headers.Location!.OriginalString);
        await Api.ProblemAsync(await browser.GetAsync("/api/me"), HttpStatusCode.Unauthorized);

        server.Oidc.SignWithForeignKey = true;
        try
        {
            var failed = await SignInAtProviderAsync(browser, "reviewer");
            Assert.Equal(HttpStatusCode.Redirect, failed.StatusCode);
            Assert.Equal("/studio/?signInError=failed", failed.Headers.Location!.OriginalString);
        }
        finally
        {
            server.Oidc.SignWithForeignKey = false;
        }
        await Api.ProblemAsync(await browser.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_id_token_not_signed_by_the_providers_published_key_is_refused()
    {
        var browser = server.Browser();
        server.Oidc.SignWithForeignKey = true;
        try
        {
            var problem = await Api.ProblemAsync(await SignInAtProviderAsync(browser, "reviewer"), HttpStatusCode.Unauthorized);
            Assert.Contains("union login failed", Api.Text(problem));
        }
        finally
        {
            server.Oidc.SignWithForeignKey = false;
        }
        await Api.ProblemAsync(await browser.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_return_url_off_this_server_is_refused()
    {
        var problem = await Api.ProblemAsync(await server.Browser().GetAsync("/api/auth/oidc/login?returnUrl=https%3A%2F%2Fevil.example%2F"), HttpStatusCode.BadRequest);
        Assert.Equal("returnUrl", problem["parameter"]!.GetValue<string>());
        await Api.ProblemAsync(await server.Browser().GetAsync("/api/auth/oidc/login?returnUrl=%2F%2Fevil.example"), HttpStatusCode.BadRequest);
    }
}

public sealed class SqliteOidcSignInTests(SqliteOidcServer server) : OidcSignInTests(server), IClassFixture<SqliteOidcServer>;

public sealed class PostgresOidcSignInTests(PostgresOidcServer server) : OidcSignInTests(server), IClassFixture<PostgresOidcServer>;

/// <summary>Without Auth:Oidc the union login does not exist: not offered, and its login path is a 404.</summary>
public sealed class OidcOffTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task Off_by_default_only_the_password_is_offered()
    {
        var client = server.CreateClient();
        var providers = JsonNode.Parse(await client.GetStringAsync("/api/auth/providers"))!.AsArray();
        Assert.Equal(["password"], providers.Select(p => p!["id"]!.GetValue<string>()));
        var problem = await Api.ProblemAsync(await client.GetAsync("/api/auth/oidc/login"), HttpStatusCode.NotFound);
        Assert.Contains("Auth:Oidc:Authority", Api.Text(problem));
    }
}
