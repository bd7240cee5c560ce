using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormFlow.Persistence.Database;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Registration;

/// <summary>
/// A worker signs up with the code the SMS gateway received: the account is a worker at the chosen union and is
/// signed in. Abuse is refused: a wrong code six times, an expired code, a second code too soon, a flood of codes
/// from one address; a malformed number or an unknown union is named.
/// </summary>
public abstract partial class RegistrationTests(DeliveryServer server)
{
    [Fact]
    public async Task A_worker_registers_with_the_sms_code_at_the_chosen_union_and_is_signed_in()
    {
        const string mobile = "13900000001";
        var client = server.CreateClient();
        var org = await OrgIdAsync(client, "华兴电子有限公司工会");
        var code = await SendCodeAsync(client, mobile, org);

        var created = await client.PostAsJsonAsync("/api/auth/register", new { mobile, code, displayName = "周新", password = "Register-2026", orgUnitId = org });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var me = await Api.JsonAsync(await client.GetAsync("/api/me"));
        Assert.Equal(mobile, me["userName"]!.GetValue<string>());
        Assert.Equal("周新", me["displayName"]!.GetValue<string>());
        var role = me["roles"]!.AsArray().Single()!;
        Assert.Equal(("worker", org), (role["role"]!.GetValue<string>(), role["orgId"]!.GetValue<int>()));

        // The code is spent, and a second sign-up with the same number is refused.
        var again = await client.PostAsJsonAsync("/api/auth/register", new { mobile, code, displayName = "周新", password = "Register-2026", orgUnitId = org });
        Assert.Equal("code", (await Api.ProblemAsync(again, HttpStatusCode.UnprocessableEntity))["field"]!.GetValue<string>());
        await using var db = server.OpenDb();
        Assert.DoesNotContain(code, (await db.RegistrationCodes.Where(c => c.Mobile == mobile).ToListAsync()).Single().CodeHash);
    }

    [Fact]
    public async Task A_member_the_union_imported_with_this_number_finds_their_card_once_registered()
    {
        const string mobile = "13900000077";
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var sheet = await TestFiles.UploadSheetAsync(admin, [new Dictionary<string, object?>
            { ["姓名"] = "吴桂芳", ["身份证号"] = "11010519491231002X", ["手机号"] = mobile, ["工会"] = "华兴电子有限公司工会" }]);
        var imported = await admin.PostAsJsonAsync("/api/members/import", new { fileId = sheet, dryRun = false });
        Assert.True(imported.StatusCode == HttpStatusCode.Created, await imported.Content.ReadAsStringAsync());

        var client = server.CreateClient();
        var org = await OrgIdAsync(client, "华兴电子有限公司工会");
        var code = await SendCodeAsync(client, mobile, org);
        var created = await client.PostAsJsonAsync("/api/auth/register", new { mobile, code, displayName = "吴桂芳", password = "Register-2026", orgUnitId = org });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var card = await client.GetAsync("/api/members/me/card");
        Assert.True(card.StatusCode == HttpStatusCode.OK, await card.Content.ReadAsStringAsync());
        await using var db = server.OpenDb();
        var account = await db.Users.Where(u => u.UserName == mobile).Select(u => u.Id).SingleAsync();
        Assert.Equal(1, await db.Members.CountAsync(m => m.Mobile == mobile && m.AccountId == account));
    }

    [Fact]
    public async Task Asking_a_code_for_a_registered_number_answers_202_like_any_other()
    {
        await TestAccounts.EnsureAsync(server, "13900000002", "worker", "华兴电子有限公司工会");
        var response = await server.CreateClient().PostAsJsonAsync("/api/auth/register/code", new { mobile = "13900000002" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_code_is_refused_naming_code_and_the_sixth_try_is_refused_even_with_the_right_code()
    {
        const string mobile = "13900000003";
        var client = server.CreateClient();
        var org = await OrgIdAsync(client, "华兴电子有限公司工会");
        var code = await SendCodeAsync(client, mobile, org);
        var wrong = code == "000000" ? "111111" : "000000";
        for (var i = 0; i < 5; i++)
        {
            var refused = await client.PostAsJsonAsync("/api/auth/register", new { mobile, code = wrong, displayName = "钱多", password = "Register-2026", orgUnitId = org });
            var problem = await Api.ProblemAsync(refused, HttpStatusCode.UnprocessableEntity);
            Assert.Equal("code", problem["field"]!.GetValue<string>());
            Assert.Contains("wrong", Api.Text(problem));
        }
        var sixth = await client.PostAsJsonAsync("/api/auth/register", new { mobile, code, displayName = "钱多", password = "Register-2026", orgUnitId = org });
        var last = await Api.ProblemAsync(sixth, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("code", last["field"]!.GetValue<string>());
        Assert.Contains("tried 5 times", Api.Text(last));
        await using var db = server.OpenDb();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == mobile));
    }

    [Fact]
    public async Task An_expired_code_is_refused()
    {
        const string mobile = "13900000004";
        var client = server.CreateClient();
        var org = await OrgIdAsync(client, "华兴电子有限公司工会");
        var code = await SendCodeAsync(client, mobile, org);
        server.Clock.Advance(TimeSpan.FromMinutes(5));
        var refused = await client.PostAsJsonAsync("/api/auth/register", new { mobile, code, displayName = "孙立", password = "Register-2026", orgUnitId = org });
        var problem = await Api.ProblemAsync(refused, HttpStatusCode.UnprocessableEntity);
        Assert.Equal("code", problem["field"]!.GetValue<string>());
        Assert.Contains("expired", Api.Text(problem));
    }

    [Fact]
    public async Task A_second_code_within_a_minute_is_429_and_bad_input_is_named()
    {
        var client = server.CreateClient();
        await SendCodeAsync(client, "13900000005", null);
        var tooSoon = await client.PostAsJsonAsync("/api/auth/register/code", new { mobile = "13900000005" });
        await Api.ProblemAsync(tooSoon, HttpStatusCode.TooManyRequests);
        Assert.NotNull(tooSoon.Headers.RetryAfter);

        var malformed = await client.PostAsJsonAsync("/api/auth/register/code", new { mobile = "1234" });
        Assert.Equal("mobile", (await Api.ProblemAsync(malformed, HttpStatusCode.BadRequest))["field"]!.GetValue<string>());
        var code = await SendCodeAsync(client, "13900000006", null);
        var nowhere = await client.PostAsJsonAsync("/api/auth/register", new { mobile = "13900000006", code, displayName = "吴敏", password = "Register-2026", orgUnitId = 987654 });
        Assert.Equal("orgUnitId", (await Api.ProblemAsync(nowhere, HttpStatusCode.UnprocessableEntity))["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_flood_of_codes_from_one_address_is_429()
    {
        await using var database = await TestDatabase.CreateAsync(server.Provider);
        await using var flooded = await ServerFixture.StartOnAsync(database);
        var client = flooded.CreateClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/auth/register/code", new { mobile = $"1370000000{i}" })).StatusCode);
        var refused = await client.PostAsJsonAsync("/api/auth/register/code", new { mobile = "13700000009" });
        await Api.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Anyone_signing_up_sees_the_active_unions_with_only_their_place_in_the_tree()
    {
        var orgs = JsonNode.Parse(await server.CreateClient().GetStringAsync("/api/auth/register/orgs"))!.AsArray();
        var unit = orgs.Single(o => o!["name"]!.GetValue<string>() == "华兴电子有限公司工会")!.AsObject();
        Assert.Equal(["id", "name", "parentId", "level"], unit.Select(p => p.Key));
    }

    private static async Task<int> OrgIdAsync(HttpClient client, string name) =>
        JsonNode.Parse(await client.GetStringAsync("/api/auth/register/orgs"))!.AsArray().Single(o => o!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<int>();

    /// <summary>Asks for a code and reads it where a person would: in the SMS the gateway received.</summary>
    private async Task<string> SendCodeAsync(HttpClient client, string mobile, int? orgUnitId)
    {
        var response = await client.PostAsJsonAsync("/api/auth/register/code", new { mobile, orgUnitId });
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        server.Gateway.Fail(0);
        await server.DeliverAsync();
        var sms = server.Gateway.Requests.Select(r => JsonNode.Parse(r.Body)!).Last(b => b["to"]?.GetValue<string>() == mobile);
        Assert.Equal("registrationCode", sms["template"]!.GetValue<string>());
        return SixDigits().Match(sms["text"]!.GetValue<string>()).Value;
    }

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex SixDigits();
}

public sealed class SqliteRegistrationTests(SqliteDeliveryServer server) : RegistrationTests(server), IClassFixture<SqliteDeliveryServer>;

public sealed class PostgresRegistrationTests(PostgresDeliveryServer server) : RegistrationTests(server), IClassFixture<PostgresDeliveryServer>;
