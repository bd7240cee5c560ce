using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Observability;

/// <summary>
/// Every test server in this process names its meter "FormFlow", and a meter listener hears all of them: these
/// classes run alone (after the parallel ones), one at a time, so the counts they read are their own server's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection { public const string Name = "Metrics, alone"; }

/// <summary>
/// The Prometheus endpoint of the people who run the server: locked by its scrape token, and counting what happened
/// (a submission, a task completion, the dispatcher's claims and the outbox lag, PostgreSQL's commands).
/// </summary>
public abstract partial class MetricsEndpointTests(ScrapedServer server)
{
    [Fact]
    public async Task Metrics_are_refused_without_the_scrape_token_or_with_a_wrong_one()
    {
        var anonymous = server.CreateClient();
        var none = await Api.ProblemAsync(await anonymous.GetAsync("/metrics"), HttpStatusCode.Unauthorized);
        Assert.Contains("Authorization: Bearer", Api.Text(none));

        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScrapedServer.Token + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        // A signed-in admin is no scraper either: the token is the only key.
        var admin = await Api.CookieClientAsync(server, "district-admin");
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task A_submission_a_completion_and_the_dispatch_of_its_effects_are_counted()
    {
        var before = await ScrapeAsync();
        await server.ApprovedJoinAsync();
        await server.DispatchAsync();

        await Eventually(async () =>
        {
            var after = await ScrapeAsync();
            Assert.Equal(Value(before, "formflow_submissions_total", "kind=\"case\",module=\"join\"") + 1, Value(after, "formflow_submissions_total", "kind=\"case\",module=\"join\""));
            Assert.Equal(Value(before, "formflow_tasks_completed_total", "module=\"join\"") + 1, Value(after, "formflow_tasks_completed_total", "module=\"join\""));
            Assert.True(Value(after, "formflow_dispatcher_claims_total", "work=\"outbox\"") > Value(before, "formflow_dispatcher_claims_total", "work=\"outbox\""));
            Assert.True(Value(after, "formflow_outbox_lag_seconds_count", "kind=") > Value(before, "formflow_outbox_lag_seconds_count", "kind="));
            Assert.Contains("http_server_request_duration_seconds", after);
        });
    }

    private async Task<string> ScrapeAsync()
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScrapedServer.Token);
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The sum of a metric's series whose labels contain <paramref name="labels"/> (0 when none).</summary>
    private static double Value(string text, string metric, string labels) =>
        text.Split('\n').Where(l => l.StartsWith(metric + "{", StringComparison.Ordinal) && l.Contains(labels, StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The exporter caches a scrape briefly: a figure may show on the next one.</summary>
    private static async Task Eventually(Func<Task> check)
    {
        for (var attempt = 0; ; attempt++)
        {
            try { await check(); return; }
            catch (Xunit.Sdk.XunitException) when (attempt < 20) { await Task.Delay(100); }
        }
    }
}

[Collection(MetricsCollection.Name)]
public sealed class SqliteMetricsEndpointTests(SqliteScrapedServer server) : MetricsEndpointTests(server), IClassFixture<SqliteScrapedServer>;

[Collection(MetricsCollection.Name)]
public sealed class PostgresMetricsEndpointTests(PostgresScrapedServer server) : MetricsEndpointTests(server), IClassFixture<PostgresScrapedServer>
{
    [Fact]
    public async Task PostgreSQL_commands_are_measured()
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScrapedServer.Token);
        await (await Api.CookieClientAsync(server, "worker")).GetAsync("/api/services");
        Assert.Matches(new Regex("^db_client_", RegexOptions.Multiline), await client.GetStringAsync("/metrics"));
    }
}

/// <summary>Without a scrape token the server has no metrics endpoint at all.</summary>
public sealed class MetricsOffByDefaultTests(SqliteCaseServer server) : IClassFixture<SqliteCaseServer>
{
    [Fact]
    public async Task An_unconfigured_server_serves_no_metrics()
    {
        var response = await server.CreateClient().GetAsync("/metrics");
        Assert.DoesNotContain("formflow_", await response.Content.ReadAsStringAsync());
    }
}
