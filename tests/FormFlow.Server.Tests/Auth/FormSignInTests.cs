using System.Net;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Auth;

/// <summary>
/// The Portal page's own sign-in form (POST /api/auth/login/form), pressed before the scripts have run: a signed-in
/// browser is sent on to the page it came from, a wrong password back to it with the message; the same check, lockout
/// and audit as the JSON sign-in; a post from another site, a foreign returnUrl or a body that is not a form is refused
/// and signs nobody in.
/// </summary>
public abstract class FormSignInTests(ServerFixture server)
{
    private const string Form = "/api/auth/login/form";

    [Fact]
    public async Task The_right_password_signs_the_browser_in_and_sees_it_to_the_page_it_came_from()
    {
        var client = Browser();
        var response = await client.SendAsync(Post(("userName", "worker"), ("password", Api.DemoPassword), ("returnUrl", "/cases?tab=open")));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/cases?tab=open", response.Headers.Location?.OriginalString);
        var me = await Api.JsonAsync(await client.GetAsync("/api/me"));
        Assert.Equal("worker", me["userName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_returnUrl_the_browser_goes_to_the_start_page()
    {
        var response = await Browser().SendAsync(Post(("userName", "worker"), ("password", Api.DemoPassword)));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_goes_back_with_the_message_signs_nothing_in_and_is_audited_like_the_json_sign_in()
    {
        var client = Browser();
        var before = await server.AuditCountAsync("auth.login.failed", "account:lawyer");
        var response = await client.SendAsync(Post(("userName", "lawyer"), ("password", "not-the-password"), ("returnUrl", "/hall")));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/hall?signInError=password", response.Headers.Location?.OriginalString);
        Assert.False(response.Headers.Contains("Set-Cookie"));
        await Api.ProblemAsync(await client.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        Assert.Equal(before + 1, await server.AuditCountAsync("auth.login.failed", "account:lawyer"));
    }

    [Fact]
    public async Task Failures_on_the_form_and_on_the_json_sign_in_count_towards_one_lockout()
    {
        var client = Browser();
        for (var i = 0; i < 4; i++)
            await Api.ProblemAsync(await Api.LoginAsync(client, "merchant", "wrong-" + i), HttpStatusCode.Unauthorized);
        var fifth = await client.SendAsync(Post(("userName", "merchant"), ("password", "wrong-4")));
        Assert.EndsWith("signInError=password", fifth.Headers.Location?.OriginalString);

        // Locked: the right password is refused on both, alike.
        var locked = await client.SendAsync(Post(("userName", "merchant"), ("password", Api.DemoPassword)));
        Assert.Equal("/?signInError=password", locked.Headers.Location?.OriginalString);
        await Api.ProblemAsync(await Api.LoginAsync(client, "merchant"), HttpStatusCode.Unauthorized);
        await Api.ProblemAsync(await client.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_browser_saying_same_origin_is_let_in_though_its_origin_is_null_under_no_referrer()
    {
        // What Chromium sends for the drawn form under the server's Referrer-Policy: no-referrer.
        var request = Post("null", ("userName", "worker"), ("password", Api.DemoPassword));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        var response = await Browser().SendAsync(request);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("http://evil.example", null)]
    [InlineData("null", null)]
    [InlineData(null, null)]
    [InlineData("null", "cross-site")]
    [InlineData("null", "same-site")]
    [InlineData(Origin, "cross-site")]
    public async Task A_post_from_another_site_or_without_an_origin_is_403_naming_the_origin_and_signs_nobody_in(string? origin, string? site)
    {
        var client = Browser();
        var before = await server.AuditCountAsync("auth.login.succeeded", "account:worker");
        var request = Post(origin, ("userName", "worker"), ("password", Api.DemoPassword));
        if (site is not null) request.Headers.Add("Sec-Fetch-Site", site);
        var response = await client.SendAsync(request);
        var problem = await Api.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("Origin", problem["parameter"]!.GetValue<string>());
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(before, await server.AuditCountAsync("auth.login.succeeded", "account:worker"));
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("hall")]
    public async Task A_returnUrl_off_this_server_is_400_naming_it_and_signs_nobody_in(string returnUrl)
    {
        var client = Browser();
        var response = await client.SendAsync(Post(("userName", "worker"), ("password", Api.DemoPassword), ("returnUrl", returnUrl)));
        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("returnUrl", problem["parameter"]!.GetValue<string>());
        await Api.ProblemAsync(await client.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_missing_user_name_is_400_naming_it()
    {
        var problem = await Api.ProblemAsync(await Browser().SendAsync(Post(("password", Api.DemoPassword))), HttpStatusCode.BadRequest);
        Assert.Contains("/userName", Api.Text(problem));
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Form)
        {
            Content = new StringContent("{\"userName\":\"worker\",\"password\":\"demo\"}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", Origin);
        await Api.ProblemAsync(await Browser().SendAsync(request), HttpStatusCode.UnsupportedMediaType);
    }

    private const string Origin = "http://localhost";

    /// <summary>A browser that keeps its cookies and shows us the redirect instead of following it.</summary>
    private HttpClient Browser() => server.CreateClient(new() { AllowAutoRedirect = false });

    private static HttpRequestMessage Post(params (string Name, string Value)[] fields) => Post(Origin, fields);

    private static HttpRequestMessage Post(string? origin, params (string Name, string Value)[] fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Form)
        {
            Content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))),
        };
        if (origin is not null) request.Headers.Add("Origin", origin);
        return request;
    }
}

public sealed class SqliteFormSignInTests(SqliteServer server) : FormSignInTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresFormSignInTests(PostgresServer server) : FormSignInTests(server), IClassFixture<PostgresServer>;
