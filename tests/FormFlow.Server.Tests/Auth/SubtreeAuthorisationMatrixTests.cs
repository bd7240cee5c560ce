using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Notifications;
using FormFlow.Server.Tests.Fixtures;
using FormFlow.Server.Tests.Fuzzing;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Auth;

/// <summary>
/// The authorisation matrix, generated from the OpenAPI document: every operation × every demo role of 东城区 (and the
/// city's merchant) × an object of 西湖区, the subtree next door — its worker's join case and task, upload, notification
/// and account, the case's outbox effects, a sign-up's code message, its district union, its benefits module and
/// service, a merchant there, a notice published there, a report its admin saved. Wherever the path names
/// such an object the caller has no business with, the answer is 401, 403 or 404; and no answer to any operation, with
/// or without such ids, carries 西湖区's data. A 西湖区 reviewer and the city designer read the same objects, so the
/// refusals are about the subtree, not about ids that do not exist. Anonymous callers get 401 everywhere but the
/// reviewed anonymous list. A new operation whose path names an object this test cannot place fails it.
/// </summary>
public abstract class SubtreeAuthorisationMatrixTests(ServerFixture server)
{
    private const string ApplicantName = "外区隐私样本";
    private const string NoticeTitle = "外区通知样本";
    private const string ReportName = "外区报表样本";
    private static readonly string[] Callers = ["district-admin", "reviewer", "lawyer", "district-reviewer", "expert", "worker", "merchant"];

    /// <summary>Reads by anyone signed in, on purpose: org units' names and levels are not personal, and every sign-up and form picks among them.</summary>
    private static readonly HashSet<string> OpenToEveryone = ["GET /api/orgs/{id}"];

    private sealed record Foreign(Dictionary<string, string> Ids, string[] Markers);

    private async Task<Foreign> ForeignSubtreeAsync()
    {
        await TestAccounts.EnsureAsync(server, "xihu-worker", Roles.Worker, "西湖区实验小学工会");
        await TestAccounts.EnsureAsync(server, "xihu-reviewer", Roles.Reviewer, "西湖区实验小学工会");
        var worker = await Api.CookieClientAsync(server, "xihu-worker");
        var designer = await Api.CookieClientAsync(server, "designer");
        var caseView = await CaseServer.SubmitJoinAsync(worker, await CaseServer.JoinDataAsync(worker, ApplicantName));
        var caseId = caseView["id"]!.GetValue<long>();
        var district = await FeedApi.OrgIdAsync(server, "西湖区总工会");
        var notice = await FeedApi.PublishAsync(designer, FeedApi.Notice(district, NoticeTitle));
        var module = await ModuleLibraryApi.FindAsync(designer, "benefits", "西湖区总工会");
        // The 西湖区 reviewer approves, so the case has effects in the outbox; a sign-up there queues a code message.
        var reviewer = await Api.CookieClientAsync(server, "xihu-reviewer");
        var review = await CaseServer.InboxTaskAsync(reviewer, caseId);
        var approved = await reviewer.PostAsJsonAsync($"/api/tasks/{review["id"]}/complete", new { outcome = "approve", rowVersion = review["rowVersion"]!.GetValue<long>() });
        Assert.True(approved.IsSuccessStatusCode, await approved.Content.ReadAsStringAsync());
        var school = await FeedApi.OrgIdAsync(server, "西湖区实验小学工会");
        await using (var check = server.OpenDb())
            if (!await check.Deliveries.AnyAsync(d => d.OrgUnitId == school))
            {
                // Once per server: sign-up codes are rate limited per address.
                var signUp = await server.CreateClient().PostAsJsonAsync("/api/auth/register/code", new { mobile = "13600001111", orgUnitId = school });
                Assert.Equal(HttpStatusCode.Accepted, signUp.StatusCode);
            }

        await using var db = server.OpenDb();
        var account = await db.Users.Where(u => u.UserName == "xihu-worker").Select(u => u.Id).SingleAsync();
        var task = await db.CaseTasks.Where(t => t.CaseId == caseId).Select(t => t.Id).FirstAsync();
        var file = await db.Files.Where(f => f.OwnerAccountId == account).Select(f => f.Id).FirstAsync();
        var service = await db.ServiceActivations.Where(a => a.OrgUnitId == district && a.RetiredAt == null).Select(a => a.Id).FirstAsync();
        var outbox = await db.Outbox.Where(o => o.CaseId == caseId).Select(o => o.Id).FirstAsync();
        var delivery = await db.Deliveries.Where(d => d.OrgUnitId == school).Select(d => d.Id).FirstAsync();
        var districtPath = await db.OrgUnits.Where(o => o.Id == district).Select(o => o.Path).SingleAsync();
        var merchant = await db.Merchants.Where(m => m.District!.Path.StartsWith(districtPath)).Select(m => m.Id).FirstAsync();
        var notification = await db.Notifications.Where(n => n.AccountId == account).Select(n => (long?)n.Id).FirstOrDefaultAsync();
        if (notification is null)
        {
            var row = new Notification { AccountId = account, CaseId = caseId, Channel = "inApp", Recipient = account, Template = "matrix", EffectKey = $"matrix-{caseId}" };
            db.Notifications.Add(row);
            await db.SaveChangesAsync();
            notification = row.Id;
        }
        // A question bank, training and contest of 西湖区, and its worker's practice run.
        var bank = await TrainingApi.BankAsync(server, designer, "西湖区总工会", "外区题库", 1);
        var question = (await TrainingApi.KeysAsync(designer, bank)).Keys.Single();
        var training = await TrainingApi.TrainingAsync(server, designer, "外区题库", questions: 1, orgName: "西湖区总工会");
        var contest = await TrainingApi.ContestAsync(server, designer, "外区题库", DateTimeOffset.UtcNow, questions: 1, orgName: "西湖区总工会");
        var practice = await Api.JsonAsync(await worker.PostAsync($"/api/trainings/{training["id"]}/levels/1/attempts", null));
        // A report of its own saved by 西湖区's admin.
        var xihuAdmin = await Api.CookieClientAsync(server, "xihu-admin");
        var report = await Api.JsonAsync(await xihuAdmin.PostAsJsonAsync("/api/stats/reports",
            new { name = ReportName, measures = new[] { "received" }, dimensions = new[] { "org" } }));
        var ids = new Dictionary<string, string>
        {
            ["/api/question-banks/{id}"] = bank.ToString(), ["{questionId}"] = question.ToString(), ["/api/trainings/{id}"] = training["id"]!.ToString(),
            ["{level}"] = "1", ["/api/contests/{id}"] = contest["id"]!.ToString(), ["/api/attempts/{id}"] = practice["id"]!.ToString(),
            ["/api/cases/{id}"] = caseId.ToString(), ["/api/tasks/{id}"] = task.ToString(), ["/api/files/{id}"] = file,
            ["/api/accounts/{id}"] = account, ["/api/notifications/{id}"] = notification.ToString()!, ["/api/orgs/{id}"] = district.ToString(),
            ["/api/modules/{id}"] = module["id"]!.ToString(), ["/api/services/{id}"] = service.ToString(),
            ["/api/feed/{id}"] = notice.Id.ToString(), ["/api/publications/{id}"] = notice.Id.ToString(), ["{version}"] = "1",
            ["/api/stats/reports/{id}"] = report["id"]!.ToString(), ["/api/outbox/{id}"] = outbox.ToString(), ["/api/deliveries/{id}"] = delivery.ToString(), ["/api/merchants/{id}"] = merchant.ToString(),
        };
        return new Foreign(ids, [ApplicantName, NoticeTitle, ReportName, (string)caseView["number"]!, "xihu-worker"]);
    }

    /// <summary>The path with every parameter replaced by the foreign object it names, or null when no such object is known.</summary>
    private static string? Fill(string path, Foreign foreign)
    {
        if (!path.Contains('{')) return path;
        var owner = foreign.Ids.Keys.Where(k => k.StartsWith('/') && path.StartsWith(k, StringComparison.Ordinal)).MaxBy(k => k.Length);
        if (owner is null) return null;
        var filled = foreign.Ids[owner] is var id ? owner.Replace("{id}", id) + path[owner.Length..] : path;
        foreach (var (parameter, value) in foreign.Ids.Where(p => p.Key.StartsWith('{'))) filled = filled.Replace(parameter, value);
        return filled.Contains('{') ? null : filled;
    }

    /// <summary>
    /// The operation with a well-formed body (every property of its request schema, with a plausible value), so that
    /// a refusal comes from the access check rather than from validation: a validation answer about another subtree's
    /// object would itself tell something about it.
    /// </summary>
    private static HttpRequestMessage Request(JsonObject document, ApiOperation operation, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        if (!operation.TakesJson) return request;
        var schema = document["paths"]![operation.Path]![operation.Method.ToLowerInvariant()]!["requestBody"]!["content"]!["application/json"]!["schema"];
        request.Content = new StringContent(Sample(document, schema, 0)?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");
        return request;
    }

    private static JsonNode? Sample(JsonObject document, JsonNode? schema, int depth)
    {
        if (schema is not JsonObject s || depth > 4) return null;
        if ((string?)s["$ref"] is { } reference) return Sample(document, document["components"]!["schemas"]![reference.Split('/')[^1]], depth + 1);
        var type = s["type"] switch
        {
            JsonValue v => (string?)v,
            JsonArray a => a.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
            _ => s["properties"] is not null ? "object" : null,
        };
        return type switch
        {
            "object" => new JsonObject((s["properties"]?.AsObject() ?? []).Select(p => KeyValuePair.Create(p.Key, Sample(document, p.Value, depth + 1)))),
            "array" => new JsonArray(),
            "integer" or "number" => 1,
            "boolean" => true,
            "string" when (string?)s["format"] == "date-time" => "2026-12-01T00:00:00Z",
            "string" when (string?)s["format"] == "date" => "2026-12-01",
            "string" => "样例",
            _ => null,
        };
    }

    [Fact]
    public async Task No_role_reaches_or_reads_another_subtree_through_any_operation()
    {
        var foreign = await ForeignSubtreeAsync();
        var document = JsonNode.Parse(await server.CreateClient().GetStringAsync("/openapi/v1.json"))!.AsObject();
        var operations = ApiOperation.From(document);
        var unplaced = operations.Where(o => Fill(o.Path, foreign) is null).Select(o => o.ToString()).ToList();
        Assert.True(unplaced.Count == 0, "operations naming an object this test cannot place in 西湖区:\n" + string.Join("\n", unplaced));

        var findings = new List<string>();
        foreach (var caller in Callers)
        {
            var client = await Api.CookieClientAsync(server, caller);
            // Sign-out last: it would end the session the other operations use.
            foreach (var operation in operations.OrderBy(o => o.Path == "/api/auth/logout"))
            {
                var path = Fill(operation.Path, foreign)!;
                using var response = await client.SendAsync(Request(document, operation, path));
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                if (foreign.Markers.FirstOrDefault(body.Contains) is { } leaked)
                    findings.Add($"{caller} {operation.Method} {path} → {status} carries 西湖区's “{leaked}”");
                if (path != operation.Path && !OpenToEveryone.Contains(operation.ToString()) && status is not (401 or 403 or 404))
                    findings.Add($"{caller} {operation.Method} {path} (西湖区's object) → {status}, not 401/403/404");
            }
        }
        Assert.True(findings.Count == 0, $"{findings.Count} findings:\n" + string.Join("\n", findings.Take(80)));
    }

    [Fact]
    public async Task The_foreign_objects_are_real_the_subtrees_own_staff_and_the_city_read_them()
    {
        var foreign = await ForeignSubtreeAsync();
        var reviewer = await Api.CookieClientAsync(server, "xihu-reviewer");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync(Fill("/api/cases/{id}", foreign))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync(Fill("/api/tasks/{id}", foreign))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync(Fill("/api/files/{id}", foreign))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync(Fill("/api/services/{id}", foreign))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync(Fill("/api/feed/{id}", foreign))).StatusCode);
        var designer = await Api.CookieClientAsync(server, "designer");
        Assert.Equal(HttpStatusCode.OK, (await designer.GetAsync(Fill("/api/modules/{id}", foreign))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await designer.GetAsync(Fill("/api/publications/{id}", foreign))).StatusCode);
        var xihuAdmin = await Api.CookieClientAsync(server, "xihu-admin");
        Assert.Contains(ReportName, await xihuAdmin.GetStringAsync(Fill("/api/stats/reports/{id}", foreign)));
        var worker = await Api.CookieClientAsync(server, "xihu-worker");
        Assert.Contains(ApplicantName, await worker.GetStringAsync(Fill("/api/cases/{id}", foreign)));
        Assert.Equal(HttpStatusCode.NoContent, (await worker.PostAsync(Fill("/api/notifications/{id}", foreign) + "/read", null)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_get_401_from_every_operation_off_the_reviewed_list()
    {
        var foreign = await ForeignSubtreeAsync();
        var document = JsonNode.Parse(await server.CreateClient().GetStringAsync("/openapi/v1.json"))!.AsObject();
        var operations = ApiOperation.From(document);
        var anonymous = server.CreateClient();
        var findings = new List<string>();
        foreach (var operation in operations.Where(o => !RouteTableAuthorisationTests.Anonymous.Contains(o.ToString())))
        {
            using var response = await anonymous.SendAsync(Request(document, operation, Fill(operation.Path, foreign)!));
            if (response.StatusCode != HttpStatusCode.Unauthorized) findings.Add($"{operation} → {(int)response.StatusCode}");
        }
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }
}

public sealed class SqliteSubtreeAuthorisationMatrixTests(SqliteServer server) : SubtreeAuthorisationMatrixTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresSubtreeAuthorisationMatrixTests(PostgresServer server) : SubtreeAuthorisationMatrixTests(server), IClassFixture<PostgresServer>;
