using System.Net;
using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Responses;
using FormFlow.Server.Services;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FormFlow.Server.Tests.Responses;

/// <summary>
/// Results from the tallies against a recount of the raw answers (10,000 random answers through the endpoint's
/// submission class), and the breakdown's suppression of small groups.
/// </summary>
public abstract class ResultsTests(ResponseServer server)
{
    private static readonly string[] Needs = ["training", "childcare", "legal", "health", "culture", "hardship"];
    private static readonly string[] Jobs = ["production", "technical", "service", "office"];
    private static readonly string[] Candidates = ["wangmin", "lijun", "zhaoli", "chenhao"];

    private async Task<List<OrgUnit>> GrassrootsAsync()
    {
        await using var db = server.OpenDb();
        return await db.OrgUnits.AsNoTracking().Where(o => o.Level == OrgLevel.Grassroots).OrderBy(o => o.Id).ToListAsync();
    }

    private static Account Respondent(OrgUnit org)
    {
        var id = Guid.NewGuid().ToString();
        return new Account { Id = id, UserName = "gen-" + id[..8], Roles = [new RoleAssignment { AccountId = id, Role = Roles.Worker, OrgUnitId = org.Id, OrgUnit = org }] };
    }

    /// <summary>One answer through the class the endpoint uses, in a scope of its own as a request would have.</summary>
    private async Task AnswerAsync(Account account, string module, JsonObject data)
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FormFlowDbContext>();
        var directory = scope.ServiceProvider.GetRequiredService<ServiceDirectory>();
        var service = (await directory.VisibleToAsync(db, account, default)).Single(s => s.Activation.ModuleKey == module);
        var result = await scope.ServiceProvider.GetRequiredService<ResponseSubmission>().SubmitAsync(account, service, data, default);
        Assert.IsType<Created<ResponseReceipt>>(result.Result);
    }

    private async Task<ResultsView> ResultsAsync(string module, string user = "designer")
    {
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FormFlowDbContext>();
        var account = await db.Users.Include(u => u.Roles).ThenInclude(r => r.OrgUnit).AsNoTracking().SingleAsync(u => u.UserName == user);
        var service = (await scope.ServiceProvider.GetRequiredService<ServiceDirectory>().VisibleToAsync(db, account, default)).Single(s => s.Activation.ModuleKey == module);
        var result = await scope.ServiceProvider.GetRequiredService<ResultsReport>().ForAsync(account, service, default);
        return Assert.IsType<Ok<ResultsView>>(result.Result).Value!;
    }

    private static JsonObject RandomAnswer(Random random)
    {
        var answer = new JsonObject
        {
            ["needs"] = new JsonArray(Needs.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).Select(n => (JsonNode)n).ToArray()),
            ["jobType"] = Jobs[random.Next(Jobs.Length)], ["satisfaction"] = random.Next(1, 6),
        };
        if (random.Next(10) > 0) answer["overtimeHours"] = random.Next(0, 81);
        if (random.Next(10) > 0) answer["joinedActivity"] = random.Next(2) == 0;
        if (random.Next(50) == 0) answer["suggestion"] = $"建议{random.Next(1000)}，联系我 13800138000";
        return answer;
    }

    [Fact]
    public async Task Survey_results_equal_a_recount_of_the_raw_answers_after_10000_random_answers()
    {
        var random = new Random(14);
        var orgs = await GrassrootsAsync();
        for (var i = 0; i < 10_000; i++) await AnswerAsync(Respondent(orgs[random.Next(orgs.Count)]), "pollOpen", RandomAnswer(random));

        var results = await ResultsAsync("pollOpen");
        await using var db = server.OpenDb();
        var service = results.ServiceId;
        var raw = (await db.Responses.AsNoTracking().Where(r => r.ServiceActivationId == service).Select(r => new { r.Data, r.OrgUnitId }).ToListAsync())
            .Select(r => (Data: JsonNode.Parse(r.Data)!.AsObject(), r.OrgUnitId)).ToList();
        Assert.Equal(10_000, raw.Count);
        Assert.Equal(raw.Count, results.Responses);

        FieldResult Field(string key) => results.Fields.Single(f => f.Key == key);
        Assert.Equal(raw.Count(r => r.Data["needs"]!.AsArray().Count > 0), Field("needs").Answered);
        foreach (var need in Needs)
            Assert.Equal(raw.Count(r => r.Data["needs"]!.AsArray().Any(n => n!.GetValue<string>() == need)), Field("needs").Options!.Single(o => o.Value == need).Count);
        foreach (var job in Jobs)
            Assert.Equal(raw.Count(r => r.Data["jobType"]!.GetValue<string>() == job), Field("jobType").Options!.Single(o => o.Value == job).Count);
        var ratings = raw.Select(r => r.Data["satisfaction"]!.GetValue<int>()).ToList();
        for (var v = 1; v <= 5; v++) Assert.Equal(ratings.Count(r => r == v), Field("satisfaction").Options!.Single(o => o.Value == v.ToString()).Count);
        Assert.Equal(Math.Round(ratings.Average(), 4), Field("satisfaction").Mean);
        var hours = raw.Where(r => r.Data["overtimeHours"] is not null).Select(r => r.Data["overtimeHours"]!.GetValue<double>()).Order().ToList();
        var overtime = Field("overtimeHours");
        Assert.Equal(hours.Count, overtime.Answered);
        Assert.Equal(hours.Min(), overtime.Min);
        Assert.Equal(hours.Max(), overtime.Max);
        Assert.Equal(Math.Round(hours.Average(), 4), overtime.Mean);
        Assert.Equal(hours.Count % 2 == 1 ? hours[hours.Count / 2] : (hours[hours.Count / 2 - 1] + hours[hours.Count / 2]) / 2, overtime.Median);
        foreach (var flag in new[] { true, false })
            Assert.Equal(raw.Count(r => r.Data["joinedActivity"]?.GetValue<bool>() == flag), Field("joinedActivity").Options!.Single(o => o.Value == (flag ? "true" : "false")).Count);
        var texts = Field("suggestion").Texts!;
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.DoesNotContain("13800138000", t));

        // The breakdown by the designer's child units (the districts) adds up to the raw answers under each.
        var paths = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Path);
        Assert.NotEmpty(results.ByOrg);
        foreach (var group in results.ByOrg.Where(g => !g.Suppressed))
            Assert.Equal(raw.Count(r => OrgSubtree.Contains(paths[group.OrgId], paths[r.OrgUnitId])), group.Responses);
    }

    [Fact]
    public async Task Vote_results_equal_the_ballots_cast_after_10000_random_votes_and_piles_hold_them_all()
    {
        var random = new Random(15);
        var orgs = await GrassrootsAsync();
        var cast = new Dictionary<string, long>();
        for (var i = 0; i < 10_000; i++)
        {
            var choice = Candidates.OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToArray();
            foreach (var c in choice) cast[c] = cast.GetValueOrDefault(c) + 1;
            await AnswerAsync(Respondent(orgs[random.Next(orgs.Count)]), "vote", ResponseServer.Ballot(choice));
        }
        var results = await ResultsAsync("vote");
        Assert.Equal(10_000, results.Responses);
        var candidates = results.Fields.Single(f => f.Key == "candidates");
        Assert.Equal(10_000, candidates.Answered);
        foreach (var c in Candidates) Assert.Equal(cast.GetValueOrDefault(c), candidates.Options!.Single(o => o.Value == c).Count);
        Assert.Null(candidates.Texts);
        await using var db = server.OpenDb();
        Assert.Equal(10_000L, await db.BallotPiles.Where(p => p.ServiceActivationId == results.ServiceId).SumAsync(p => p.Count));
        Assert.NotNull(results.Turnout);
        // Before the vote closes nothing is shown per org unit.
        Assert.Empty(results.ByOrg);
        Assert.Equal("anonymousWhileOpen", results.ByOrgHidden?.Reason);
    }

    [Fact]
    public async Task A_group_under_five_is_hidden_and_so_is_the_next_smallest_that_would_give_it_away()
    {
        await using var db = server.OpenDb();
        var districts = await db.OrgUnits.AsNoTracking().Where(o => o.Level == OrgLevel.District).OrderBy(o => o.Id).ToListAsync();
        var grassroots = await GrassrootsAsync();
        OrgUnit Under(OrgUnit district) => grassroots.First(g => OrgSubtree.Contains(district.Path, g.Path));
        Assert.True(districts.Count >= 2, "the demo hierarchy has two districts");
        var (big, small) = (districts[0], districts[1]);
        for (var i = 0; i < 9; i++) await AnswerAsync(Respondent(Under(big)), "survey", ResponseServer.SurveyAnswer());
        for (var i = 0; i < 3; i++) await AnswerAsync(Respondent(Under(small)), "survey", ResponseServer.SurveyAnswer());

        var results = await ResultsAsync("survey");
        var bigGroup = results.ByOrg.Single(g => g.OrgId == big.Id);
        var smallGroup = results.ByOrg.Single(g => g.OrgId == small.Id);
        Assert.True(smallGroup.Suppressed);
        Assert.Null(smallGroup.Responses);
        Assert.Null(smallGroup.Fields);
        // With one group hidden, the 9 would give the 3 away by subtraction from the total: it is hidden too.
        Assert.True(bigGroup.Suppressed);
        Assert.Null(bigGroup.Responses);
        Assert.Equal(12, results.Responses);
    }

    [Fact]
    public void Suppression_hides_groups_under_five_and_one_more_only_when_a_single_group_is_hidden()
    {
        Assert.Equal([true, true, false], ResultsReport.Suppressed([3, 10, 12]));
        Assert.Equal([true, true, false, false], ResultsReport.Suppressed([3, 4, 10, 12]));
        Assert.Equal([false, false], ResultsReport.Suppressed([5, 12]));
    }

    [Fact]
    public void The_median_comes_from_value_buckets_and_averages_the_two_middle_values_of_an_even_count()
    {
        Assert.Equal(1.5, ResultsReport.Median([(1, 1), (2, 1)], 2));
        Assert.Equal(5, ResultsReport.Median([(1, 1), (5, 1), (9, 1)], 3));
        Assert.Equal(6, ResultsReport.Median([(2, 2), (4, 1), (8, 2), (9, 1)], 6));
        Assert.Null(ResultsReport.Median([], 0));
    }

    [Fact]
    public async Task Anonymous_results_show_nothing_per_org_unit_until_the_window_closes()
    {
        var orgs = await GrassrootsAsync();
        for (var i = 0; i < 12; i++) await AnswerAsync(Respondent(orgs[i % orgs.Count]), "pollDaily", ResponseServer.SurveyAnswer());
        var open = await ResultsAsync("pollDaily");
        Assert.Equal(12, open.Responses);
        Assert.Empty(open.ByOrg);
        Assert.Equal(ByOrgHidden.AnonymousWhileOpen(DateTimeOffset.Parse("2026-03-10T00:00:00Z")), open.ByOrgHidden);

        server.Clock.Advance(DateTimeOffset.Parse("2026-03-10T00:00:01Z") - server.Clock.GetUtcNow());
        var closed = await ResultsAsync("pollDaily");
        Assert.NotEmpty(closed.ByOrg);
        // Once the window closed any respondent sees results (resultsVisibility = afterClose) ...
        var worker = await Api.CookieClientAsync(server, "worker");
        var poll = await CaseServer.ServiceIdAsync(worker, "pollDaily");
        var shown = await Api.JsonAsync(await worker.GetAsync($"/api/services/{poll}/results"));
        Assert.Equal(12, shown["responses"]!.GetValue<int>());
        // ... and the Excel export carries the same numbers.
        var xlsx = await worker.GetAsync($"/api/services/{poll}/results.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }
}

public sealed class SqliteResultsTests(SqliteResponseServer server) : ResultsTests(server), IClassFixture<SqliteResponseServer>;

public sealed class PostgresResultsTests(PostgresResponseServer server) : ResultsTests(server), IClassFixture<PostgresResponseServer>;
