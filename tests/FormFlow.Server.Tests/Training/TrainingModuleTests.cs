using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Training;

/// <summary>
/// Trainings and contests as module templates: the demo city's training and contest come from the shipped
/// <c>training</c> and <c>contest</c> templates, a district derives the contest and narrows its window within the
/// city's locks, and a new template version activated at the city changes the training without losing progress.
/// </summary>
public abstract class TrainingModuleTests(ServerFixture server)
{
    private const string Bank = "职工安全生产与劳动合同法题库";

    private async Task<Dictionary<long, JsonNode>> KeysAsync(HttpClient designer)
    {
        var bank = JsonNode.Parse(await designer.GetStringAsync("/api/question-banks"))!.AsArray().Single(b => (string?)b!["name"] == Bank)!;
        return await TrainingApi.KeysAsync(designer, (int)bank["id"]!);
    }

    [Fact]
    public async Task A_district_deriving_the_contest_narrows_its_window_but_cannot_change_the_bank_or_draw_fewer_questions()
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        var city = await ModuleLibraryApi.FindAsync(designer, "contest", "某市总工会");
        Assert.Equal("template", (string?)city["kind"]);
        var worker = await Api.CookieClientAsync(server, "worker");
        var before = JsonNode.Parse(await worker.GetStringAsync("/api/contests"))!.AsArray().Single()!;
        Assert.Equal(("某市总工会", 600, 10, 3), ((string?)before["orgName"], (int)before["durationSeconds"]!, (int)before["questions"]!, (int)before["attemptsAllowed"]!));
        Assert.Equal(new DateTime(2027, 6, 30, 16, 0, 0, DateTimeKind.Utc), before["closesAt"]!.GetValue<DateTime>().ToUniversalTime());
        Assert.Equal([50, 30, 20], before["placePoints"]!.AsArray().Select(p => (int)p!));

        var admin = await Api.CookieClientAsync(server, "district-admin");
        var dongcheng = await ModuleLibraryApi.OrgIdAsync(server, "东城区总工会");
        var module = await Api.JsonAsync(await admin.PostAsJsonAsync($"/api/modules/{city["id"]}/derive", new { orgUnitId = dongcheng }));
        async Task<JsonNode> RefusedAsync(string element, object value, object? was)
        {
            var refused = await admin.PutAsJsonAsync($"/api/modules/{module["id"]}/overlay", new { operations = new[] { new { op = "set", element, path = "/value", value, was } } });
            return (await Api.ProblemAsync(refused, HttpStatusCode.UnprocessableEntity))["errors"]![0]!;
        }
        var bank = await RefusedAsync("contestBank", "东城区自建题库", Bank);
        Assert.Equal(("contestBank", "某市总工会"), ((string?)bank["element"], (string?)bank["lockedBy"]!["orgName"]));
        var fewer = await RefusedAsync("contestQuestions", 5, 10);
        Assert.Equal(("contestQuestions", "某市总工会"), ((string?)fewer["element"], (string?)fewer["lockedBy"]!["orgName"]));
        Assert.Empty((await Api.JsonAsync(await admin.GetAsync($"/api/modules/{module["id"]}/overlay")))["operations"]!.AsArray());

        var narrowed = await admin.PutAsJsonAsync($"/api/modules/{module["id"]}/overlay", new
        {
            operations = new object[]
            {
                new { op = "set", element = "contestClosesAt", path = "/value", value = "2027-01-31T16:00:00Z", was = "2027-06-30T16:00:00Z" },
                new { op = "set", element = "contestMinutes", path = "/value", value = 5, was = 10 },
                new { op = "set", element = "contestTitle", path = "/value", value = "东城区职工安全知识竞赛", was = "全市职工安全生产与劳动法知识竞赛" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, narrowed.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync($"/api/modules/{module["id"]}/publish", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/modules/{module["id"]}/activate", new { orgUnitId = dongcheng })).StatusCode);

        // The worker under 东城区 now has 东城区's contest in place of the city's; 西湖区 keeps the city's.
        var mine = JsonNode.Parse(await worker.GetStringAsync("/api/contests"))!.AsArray().Single()!;
        Assert.Equal(("东城区职工安全知识竞赛", "东城区总工会", 300, 10), ((string?)mine["title"], (string?)mine["orgName"], (int)mine["durationSeconds"]!, (int)mine["questions"]!));
        Assert.Equal(new DateTime(2027, 1, 31, 16, 0, 0, DateTimeKind.Utc), mine["closesAt"]!.GetValue<DateTime>().ToUniversalTime());
        var xihu = await Api.CookieClientAsync(server, "xihu-admin");
        Assert.Equal("某市总工会", (string?)JsonNode.Parse(await xihu.GetStringAsync("/api/contests"))!.AsArray().Single()!["orgName"]);

        var attempt = await Api.JsonAsync(await worker.PostAsync($"/api/contests/{mine["id"]}/attempts", null));
        var keys = await KeysAsync(designer);
        Assert.Equal(10, attempt["questions"]!.AsArray().Count);
        Assert.All(attempt["questions"]!.AsArray(), q => Assert.Contains((long)q!["id"]!, keys.Keys)); // drawn from the city's bank, as locked
        var deadline = attempt["deadline"]!.GetValue<DateTime>().ToUniversalTime();
        Assert.InRange(deadline - DateTime.UtcNow, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task A_new_training_version_activated_at_the_city_changes_the_levels_and_keeps_the_workers_progress()
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        var worker = await Api.CookieClientAsync(server, "worker");
        var training = JsonNode.Parse(await worker.GetStringAsync("/api/trainings"))!.AsArray().Single()!.AsObject();
        Assert.Equal("职工安全与权益闯关", (string?)training["title"]);
        Assert.Equal([("安全生产", 5, 60), ("劳动合同法", 5, 60)],
            training["levels"]!.AsArray().Select(l => ((string?)l!["topic"], (int)l["questions"]!, (int)l["passPercent"]!)));
        var level1 = await Api.JsonAsync(await worker.PostAsync($"/api/trainings/{training["id"]}/levels/1/attempts", null));
        await TrainingApi.AnswerAsync(worker, level1, await KeysAsync(designer), right: 5);

        var template = await ModuleLibraryApi.FindAsync(designer, "training", "某市总工会");
        await ModuleLibraryApi.PublishTemplateAsync(designer, template, "1.1.0", package =>
        {
            package["settings"]!["trainingLevels"]!["value"]!.AsArray().Add(new JsonObject { ["title"] = "第三关：综合", ["difficulty"] = 3, ["questions"] = 8 });
            package["settings"]!["trainingPassPercent"]!["value"] = 80;
        });
        var cityId = await ModuleLibraryApi.OrgIdAsync(server, "某市总工会");
        Assert.Equal(HttpStatusCode.Created, (await designer.PostAsJsonAsync($"/api/modules/{template["id"]}/activate", new { orgUnitId = cityId })).StatusCode);

        var after = JsonNode.Parse(await worker.GetStringAsync("/api/trainings"))!.AsArray().Single()!;
        Assert.Equal((int)training["id"]!, (int)after["id"]!);
        Assert.Equal([(null, 5, 80, true), (null, 5, 80, true), (3, 8, 80, false)],
            after["levels"]!.AsArray().Select(l => ((int?)l!["difficulty"], (int)l["questions"]!, (int)l["passPercent"]!, (bool)l["unlocked"]!)));
        Assert.True((bool)after["levels"]![0]!["passed"]!);
    }

    [Fact]
    public async Task A_training_version_with_a_level_drawing_no_questions_is_refused_naming_the_level()
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        var template = await ModuleLibraryApi.FindAsync(designer, "training", "某市总工会");
        var draft = await Api.JsonAsync(await designer.GetAsync($"/api/modules/{template["id"]}/draft"));
        var package = (JsonObject)draft.DeepClone();
        package["version"] = "9.0.0";
        package["settings"]!["trainingLevels"]!["value"]![1]!["questions"] = 0;
        var saved = await designer.PutAsJsonAsync($"/api/modules/{template["id"]}/draft", package);
        var published = saved.IsSuccessStatusCode ? await designer.PostAsync($"/api/modules/{template["id"]}/publish", null) : saved;
        var problem = await Api.ProblemAsync(published, HttpStatusCode.UnprocessableEntity);
        Assert.Contains(problem["errors"]!.AsArray(), e => (string?)e!["path"] == "/settings/trainingLevels/value/1/questions");
        Assert.Equal(5, (int)JsonNode.Parse(await designer.GetStringAsync("/api/trainings"))!.AsArray().Single()!["levels"]![1]!["questions"]!);
        Assert.Equal(HttpStatusCode.OK, (await designer.PutAsJsonAsync($"/api/modules/{template["id"]}/draft", draft)).StatusCode); // the other tests publish from it
    }
}

public sealed class SqliteTrainingModuleTests(SqliteServer server) : TrainingModuleTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresTrainingModuleTests(PostgresServer server) : TrainingModuleTests(server), IClassFixture<PostgresServer>;
