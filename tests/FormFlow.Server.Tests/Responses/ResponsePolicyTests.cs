using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Responses;

/// <summary>The response policy at the door: once per member or period, the window, eligibility, and racing answers.</summary>
public abstract class ResponsePolicyTests(ResponseServer server)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private async Task<(HttpClient Client, int Service)> AsAsync(string user, string module)
    {
        var client = await Api.CookieClientAsync(server, user);
        return (client, await CaseServer.ServiceIdAsync(client, module));
    }

    private static Task<HttpResponseMessage> AnswerAsync(HttpClient client, int service, JsonObject data) =>
        client.PostAsJsonAsync($"/api/services/{service}/responses", new { data });

    private async Task<(int Participations, int Responses, long Tallied)> StoredAsync(int service)
    {
        await using var db = server.OpenDb();
        return (await db.Participations.CountAsync(p => p.ServiceActivationId == service),
            await db.Responses.CountAsync(r => r.ServiceActivationId == service),
            await db.ResponseTallies.Where(t => t.ServiceActivationId == service && t.Field == "").SumAsync(t => t.Count));
    }

    [Fact]
    public async Task A_second_answer_is_409_naming_the_once_per_member_rule_and_stores_nothing()
    {
        var (worker, survey) = await AsAsync("worker", "survey");
        var empty = await StoredAsync(survey);
        var receipt = await Api.JsonAsync(await AnswerAsync(worker, survey, ResponseServer.SurveyAnswer()));
        Assert.Equal("once", receipt["period"]!.GetValue<string>());
        Assert.True(receipt["resultsVisible"]!.GetValue<bool>());
        var before = await StoredAsync(survey);

        var problem = await Api.ProblemAsync(await AnswerAsync(worker, survey, ResponseServer.SurveyAnswer("再答一次")), HttpStatusCode.Conflict);
        Assert.Equal("responseLimit", problem["rule"]!.GetValue<string>());
        Assert.Contains("responseLimit", Api.Text(problem));
        Assert.Equal(before, await StoredAsync(survey));
        Assert.Equal((empty.Participations + 1, empty.Responses + 1, empty.Tallied + 1), before);

        var service = await Api.JsonAsync(await worker.GetAsync($"/api/services/{survey}"));
        Assert.Equal("responses", service["submissions"]!.GetValue<string>());
        Assert.True(service["responses"]!["answered"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Once_a_day_counts_days_in_China_time_and_a_new_day_takes_a_new_answer()
    {
        var (reviewer, poll) = await AsAsync("reviewer", "pollDaily");
        var first = await Api.JsonAsync(await AnswerAsync(reviewer, poll, ResponseServer.SurveyAnswer()));
        var day = first["period"]!.GetValue<string>();
        Assert.Equal(server.Clock.GetUtcNow().ToOffset(Beijing).ToString("yyyy-MM-dd"), day);

        var local = server.Clock.GetUtcNow().ToOffset(Beijing);
        var midnight = new DateTimeOffset(local.Date.AddDays(1), Beijing);
        server.Clock.Advance(midnight - local - TimeSpan.FromMinutes(1));
        reviewer = await Api.CookieClientAsync(server, "reviewer"); // sign-in cookies count on the moved clock
        var refused = await Api.ProblemAsync(await AnswerAsync(reviewer, poll, ResponseServer.SurveyAnswer()), HttpStatusCode.Conflict);
        Assert.Equal("responseLimit", refused["rule"]!.GetValue<string>());
        Assert.Equal(day, refused["period"]!.GetValue<string>());

        server.Clock.Advance(TimeSpan.FromMinutes(2));
        reviewer = await Api.CookieClientAsync(server, "reviewer");
        var next = await Api.JsonAsync(await AnswerAsync(reviewer, poll, ResponseServer.SurveyAnswer()));
        Assert.Equal(midnight.ToString("yyyy-MM-dd"), next["period"]!.GetValue<string>());
    }

    [Fact]
    public async Task Before_and_after_the_window_an_answer_is_422_naming_the_setting()
    {
        var (worker, poll) = await AsAsync("worker", "pollWindow");
        var opens = DateTimeOffset.Parse("2026-03-03T00:00:00Z");
        Assert.True(server.Clock.GetUtcNow() < opens, "the window test needs the clock before the window");
        var early = await Api.ProblemAsync(await AnswerAsync(worker, poll, ResponseServer.SurveyAnswer()), (HttpStatusCode)422);
        Assert.Equal("responseOpensAt", early["rule"]!.GetValue<string>());

        server.Clock.Advance(DateTimeOffset.Parse("2026-03-04T00:00:00Z") - server.Clock.GetUtcNow());
        worker = await Api.CookieClientAsync(server, "worker");
        var late = await Api.ProblemAsync(await AnswerAsync(worker, poll, ResponseServer.SurveyAnswer()), (HttpStatusCode)422);
        Assert.Equal("responseClosesAt", late["rule"]!.GetValue<string>());
        Assert.Equal((0, 0, 0L), await StoredAsync(poll));
    }

    [Fact]
    public async Task An_applicant_the_eligibility_rule_refuses_gets_422_naming_it_and_nothing_is_stored()
    {
        var (worker, poll) = await AsAsync("worker", "pollMembers");
        var problem = await Api.ProblemAsync(await AnswerAsync(worker, poll, ResponseServer.SurveyAnswer()), (HttpStatusCode)422);
        Assert.Equal("responseEligibility", problem["rule"]!.GetValue<string>());
        Assert.Contains("applicant.isMember", Api.Text(problem));
        Assert.Equal((0, 0, 0L), await StoredAsync(poll));
    }

    [Fact]
    public async Task A_case_service_with_a_closed_window_refuses_the_application_and_creates_no_case()
    {
        var (worker, benefits) = await AsAsync("worker", "benefitsClosed");
        await using (var db = server.OpenDb()) Assert.Equal(0, await db.Cases.CountAsync(c => c.ServiceActivationId == benefits));
        var data = new JsonObject { ["memberNo"] = "BJ0000000001", ["cardKey"] = "card", ["benefit"] = "haircut", ["merchant"] = "惠民眼镜店" };
        var problem = await Api.ProblemAsync(await worker.PostAsJsonAsync($"/api/services/{benefits}/cases", new { data }), (HttpStatusCode)422);
        Assert.Equal("responseClosesAt", problem["rule"]!.GetValue<string>());
        await using (var db = server.OpenDb()) Assert.Equal(0, await db.Cases.CountAsync(c => c.ServiceActivationId == benefits));
    }

    [Fact]
    public async Task A_survey_takes_no_case_submission()
    {
        var (worker, survey) = await AsAsync("worker", "survey");
        var problem = await Api.ProblemAsync(await worker.PostAsJsonAsync($"/api/services/{survey}/cases", new { data = ResponseServer.SurveyAnswer() }), HttpStatusCode.Conflict);
        Assert.Equal("submissions", problem["rule"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("survey")]
    [InlineData("vote")]
    public async Task Two_hundred_clients_each_sending_the_same_members_answer_twice_at_once_store_exactly_one(string module)
    {
        var user = module == "survey" ? "lawyer" : "district-admin";
        var (first, service) = await AsAsync(user, module);
        var clients = new List<HttpClient> { first };
        for (var i = 1; i < 200; i++) clients.Add(await Api.CookieClientAsync(server, user));
        var data = module == "survey" ? ResponseServer.SurveyAnswer() : ResponseServer.Ballot("lijun");
        var answers = await Task.WhenAll(clients.SelectMany(c => new[] { AnswerAsync(c, service, data), AnswerAsync(c, service, data) }));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(399, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var stored = await StoredAsync(service);
        Assert.Equal(1, stored.Participations);
        Assert.Equal(1L, stored.Tallied);
        Assert.Equal(module == "survey" ? 1 : 0, stored.Responses);
        if (module == "vote")
        {
            await using var db = server.OpenDb();
            Assert.Equal(1L, await db.BallotPiles.Where(p => p.ServiceActivationId == service).SumAsync(p => p.Count));
        }
    }

    [Fact]
    public async Task Results_follow_the_visibility_setting_and_organisers_always_see_them()
    {
        var (merchant, survey) = await AsAsync("merchant", "survey");
        var hidden = await Api.ProblemAsync(await merchant.GetAsync($"/api/services/{survey}/results"), HttpStatusCode.Forbidden);
        Assert.Equal("resultsVisibility", hidden["rule"]!.GetValue<string>());
        var designer = await Api.CookieClientAsync(server, "designer");
        await Api.JsonAsync(await designer.GetAsync($"/api/services/{survey}/results"));

        var (lawyer, poll) = await AsAsync("lawyer", "pollDaily");
        var before = await Api.JsonAsync(await lawyer.GetAsync($"/api/services/{poll}"));
        if (!before["responses"]!["answered"]!.GetValue<bool>()) await Api.JsonAsync(await AnswerAsync(lawyer, poll, ResponseServer.SurveyAnswer()));
        var afterClose = await Api.ProblemAsync(await lawyer.GetAsync($"/api/services/{poll}/results"), HttpStatusCode.Forbidden);
        Assert.Contains("afterClose", Api.Text(afterClose));
    }
}

public sealed class SqliteResponsePolicyTests(SqliteResponseServer server) : ResponsePolicyTests(server), IClassFixture<SqliteResponseServer>;

public sealed class PostgresResponsePolicyTests(PostgresResponseServer server) : ResponsePolicyTests(server), IClassFixture<PostgresResponseServer>;
