using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace FormFlow.Server.Tests.Members;

/// <summary>
/// Merchant records from onboarding to settlement: admins create and import merchants in their subtree, members find
/// today's merchants in the directory, a merchant redeems only what it offers and only while active, sees its
/// history, and the union exports the month's settlement.
/// </summary>
public abstract class MerchantRecordTests(ServerFixture server)
{
    private const string Password = "Merchant-Pass-2026!";

    private async Task<int> OrgIdAsync(string name)
    {
        await using var db = server.OpenDb();
        return await db.OrgUnits.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    private async Task<JsonObject> CreateMerchantAsync(HttpClient admin, object body)
    {
        var response = await admin.PostAsJsonAsync("/api/merchants", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await Api.JsonAsync(response);
    }

    private static async Task<JsonObject> DirectoryAsync(HttpClient client, string query) =>
        await Api.JsonAsync(await client.GetAsync("/api/merchants" + query));

    private static List<string> Names(JsonObject page) => page["items"]!.AsArray().Select(i => (string)i!["name"]!).ToList();

    [Fact]
    public async Task Members_find_todays_merchants_by_search_category_and_district_and_never_a_deactivated_one()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var dongcheng = await OrgIdAsync("东城区总工会");
        var created = await CreateMerchantAsync(admin, new
        {
            name = "和平面馆", category = "面食", address = "东城区和平路1号", districtId = dongcheng, discount = "会员九折",
            benefits = new[] { "haircut" }, contactName = "李老板", contactPhone = "13900000000",
        });
        Assert.Equal(("和平面馆", "东城区总工会", true), ((string)created["name"]!, (string)created["districtName"]!, (bool)created["active"]!));

        var worker = await Api.CookieClientAsync(server, "worker");
        var food = await DirectoryAsync(worker, "?category=面食");
        Assert.Equal(["和平面馆"], Names(food));
        var listing = food["items"]![0]!;
        Assert.Equal(("理发", "会员九折"), ((string)listing["benefits"]![0]!["name"]!, (string)listing["discount"]!));
        Assert.Contains("和平面馆", Names(await DirectoryAsync(worker, "?q=面馆")));
        // The demo merchants: cinemas in both districts; the district filter keeps Xihu's.
        var xihuCinemas = await DirectoryAsync(worker, $"?category=影院&district={await OrgIdAsync("西湖区总工会")}");
        Assert.Equal(["湖畔影院"], Names(xihuCinemas));
        var facets = await Api.JsonAsync(await worker.GetAsync("/api/merchants/facets"));
        Assert.Contains("面食", facets["categories"]!.AsArray().Select(c => (string)c!));

        await Api.JsonAsync(await admin.PostAsync($"/api/merchants/{created["id"]}/deactivate", null));
        Assert.Empty(Names(await DirectoryAsync(worker, "?category=面食")));
    }

    [Fact]
    public async Task The_directory_pages_with_a_cursor_and_no_merchant_is_lost_or_repeated()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await DirectoryAsync(worker, "?limit=3" + (cursor is null ? "" : $"&cursor={cursor}"));
            Assert.True(page["items"]!.AsArray().Count <= 3);
            seen.AddRange(page["items"]!.AsArray().Select(i => (string)i!["id"]!.ToString()));
            cursor = (string?)page["next"];
        } while (cursor is not null);
        await using (var db = server.OpenDb())
        {
            var now = DateTime.UtcNow;
            var active = await db.Merchants.Where(m => m.DeactivatedAt == null && (m.ActiveUntil == null || m.ActiveUntil > now))
                .OrderByDescending(m => m.Id).Select(m => m.Id.ToString()).ToListAsync();
            Assert.Equal(active, seen);
        }
        Assert.True(seen.Count >= 5);
        await Api.ProblemAsync(await worker.GetAsync("/api/merchants?limit=0"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_admin_of_another_district_neither_sees_nor_changes_the_merchant_and_bad_input_names_the_field()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var xihu = await OrgIdAsync("西湖区总工会");
        var beside = await Api.ProblemAsync(await admin.PostAsJsonAsync("/api/merchants", new { name = "越界店", category = "餐饮", districtId = xihu }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("districtId", (string?)beside["field"]);
        var gymless = await Api.ProblemAsync(await admin.PostAsJsonAsync("/api/merchants",
            new { name = "乱填店", category = "餐饮", districtId = await OrgIdAsync("东城区总工会"), benefits = new[] { "massage" } }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("benefits", (string?)gymless["field"]);
        var window = await Api.ProblemAsync(await admin.PostAsJsonAsync("/api/merchants",
            new { name = "倒挂店", category = "餐饮", districtId = await OrgIdAsync("东城区总工会"), activeFrom = "2026-12-01", activeUntil = "2026-11-01" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("activeUntil", (string?)window["field"]);

        await using var db = server.OpenDb();
        var xihuMerchant = await db.Merchants.Where(m => m.Code == "DEMO-003").Select(m => m.Id).SingleAsync();
        await Api.ProblemAsync(await admin.PutAsJsonAsync($"/api/merchants/{xihuMerchant}", new { name = "改名", category = "健身", districtId = xihu }), HttpStatusCode.NotFound);
        var managed = await Api.JsonAsync(await admin.GetAsync("/api/merchants/managed?limit=100"));
        Assert.DoesNotContain("西湖健身中心", Names(managed));
        Assert.Contains("星光影城", Names(managed));
        var worker = await Api.CookieClientAsync(server, "worker");
        await Api.ProblemAsync(await worker.PostAsJsonAsync("/api/merchants", new { name = "职工店", category = "餐饮", districtId = xihu }), HttpStatusCode.Forbidden);
        Assert.False(await db.Merchants.AnyAsync(m => m.Name == "越界店" || m.Name == "乱填店" || m.Name == "倒挂店" || m.Name == "改名" || m.Name == "职工店"));
    }

    [Fact]
    public async Task A_merchant_outside_its_active_window_is_refused_naming_the_rule_and_records_nothing()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var dongcheng = await OrgIdAsync("东城区总工会");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/accounts", new
        {
            userName = "expired-shop", displayName = "过期理发店", password = Password, roles = new[] { new { role = "merchant", orgUnitId = dongcheng } },
        })).StatusCode);
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1);
        await CreateMerchantAsync(admin, new
        {
            name = "过期理发店", category = "理发", districtId = dongcheng, benefits = new[] { "haircut" },
            activeFrom = yesterday.AddMonths(-1).ToString("yyyy-MM-dd"), activeUntil = yesterday.ToString("yyyy-MM-dd"), accounts = new[] { "expired-shop" },
        });
        var shop = server.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Api.LoginAsync(shop, "expired-shop", Password)).StatusCode);
        var credential = await Memberships.CredentialAsync(server, "worker");

        var refused = await Api.ProblemAsync(await shop.PostAsJsonAsync("/api/redemptions", new { credential, benefitId = "haircut" }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("merchantActive", (string)refused["errors"]![0]!["rule"]!);
        Assert.DoesNotContain("过期理发店", Names(await DirectoryAsync(shop, "?category=理发")));
        await using var db = server.OpenDb();
        Assert.False(await db.Redemptions.AnyAsync(r => r.MerchantAccount!.UserName == "expired-shop"));
    }

    [Fact]
    public async Task A_merchant_sees_its_redemptions_and_the_union_settles_the_month_per_merchant_and_benefit()
    {
        var credential = await Memberships.CredentialAsync(server, "reviewer");
        var merchant = await Api.CookieClientAsync(server, "merchant");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Created, (await merchant.PostAsJsonAsync("/api/redemptions", new { credential, benefitId = i < 2 ? "cinema" : "haircut", note = $"第{i + 1}单" })).StatusCode);

        var first = await Api.JsonAsync(await merchant.GetAsync("/api/merchants/me/redemptions?limit=2"));
        Assert.Equal("惠民生活广场", (string)first["merchant"]!);
        Assert.Equal(["第3单", "第2单"], first["items"]!.AsArray().Select(r => (string)r!["note"]!));
        Assert.StartsWith("********", (string)first["items"]![0]!["memberNumber"]!);
        var second = await Api.JsonAsync(await merchant.GetAsync($"/api/merchants/me/redemptions?limit=2&cursor={first["next"]}"));
        Assert.Equal("第1单", (string)second["items"]![0]!["note"]!);
        var worker = await Api.CookieClientAsync(server, "worker");
        await Api.ProblemAsync(await worker.GetAsync("/api/merchants/me/redemptions"), HttpStatusCode.NotFound);

        var month = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM");
        var staff = await Api.CookieClientAsync(server, "designer"); // designer at the city: a staff role over every district
        var book = await staff.GetAsync($"/api/merchants/settlement.xlsx?month={month}");
        Assert.Equal(HttpStatusCode.OK, book.StatusCode);
        using var stream = new MemoryStream(await book.Content.ReadAsByteArrayAsync());
        var summary = stream.Query(useHeaderRow: true, sheetName: "结算汇总").Cast<IDictionary<string, object?>>()
            .Where(r => (string?)r["商户编号"] == "merchant").ToDictionary(r => (string)r["权益"]!, r => Convert.ToInt32(r["核销次数"]));
        Assert.True(summary["cinema"] >= 2 && summary["haircut"] >= 1);
        stream.Position = 0;
        var details = stream.Query(useHeaderRow: true, sheetName: "核销明细").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(details, d => (string?)d["备注"] == "第3单" && (string?)d["权益名称"] == "理发");
        Assert.Equal(summary.Values.Sum(), details.Count(d => (string?)d["商户编号"] == "merchant"));

        await Api.ProblemAsync(await staff.GetAsync("/api/merchants/settlement.xlsx?month=2026-13"), HttpStatusCode.BadRequest);
        await Api.ProblemAsync(await worker.GetAsync($"/api/merchants/settlement.xlsx?month={month}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Importing_372_merchants_writes_them_after_a_dry_run_that_writes_nothing()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        string[] districts = ["东城区总工会", "和平街道总工会", "建设街道总工会"];
        string[] categories = ["餐饮", "理发", "影院", "健身"];
        var rows = Enumerable.Range(1, 372).Select(i => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["编号"] = $"DL-{i:D4}", ["名称"] = $"导入商户{i}", ["类别"] = categories[i % 4], ["地址"] = $"某路{i}号", ["区域"] = districts[i % 3],
            ["优惠"] = "会员九折", ["权益"] = i % 2 == 0 ? "haircut、cinema" : "gym", ["开始日期"] = "2026-01-01", ["结束日期"] = "2030-12-31",
            ["联系人"] = "王经理", ["联系电话"] = $"1390000{i:D4}",
        }).ToList();
        var file = await TestFiles.UploadSheetAsync(admin, rows, "商户.xlsx");

        var dry = await Api.JsonAsync(await admin.PostAsJsonAsync("/api/merchants/import", new { fileId = file, dryRun = true }));
        Assert.Equal((372, 0, 0), ((int)dry["rows"]!, (int)dry["created"]!, dry["errors"]!.AsArray().Count));
        await using (var db = server.OpenDb()) Assert.False(await db.Merchants.AnyAsync(m => m.Code.StartsWith("DL-")));

        var real = await admin.PostAsJsonAsync("/api/merchants/import", new { fileId = file, dryRun = false });
        Assert.Equal(HttpStatusCode.Created, real.StatusCode);
        await using var check = server.OpenDb();
        Assert.Equal(372, await check.Merchants.CountAsync(m => m.Code.StartsWith("DL-")));
        var one = await check.Merchants.Include(m => m.Benefits).Include(m => m.District).SingleAsync(m => m.Code == "DL-0100");
        Assert.Equal(("导入商户100", "餐饮", "和平街道总工会", "1390000" + "0100"), (one.Name, one.Category, one.District!.Name, one.ContactPhone));
        Assert.Equal(["cinema", "haircut"], one.Benefits.Select(b => b.BenefitId).Order());
        var worker = await Api.CookieClientAsync(server, "worker");
        Assert.Contains("导入商户100", Names(await DirectoryAsync(worker, "?q=导入商户100")));
    }

    [Fact]
    public async Task A_merchant_sheet_with_bad_rows_reports_each_by_row_and_column_and_writes_nothing()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        IDictionary<string, object?> Row(string name, string category, string district, string benefits = "haircut", string until = "2030-12-31", string code = "") =>
            new Dictionary<string, object?> { ["编号"] = code, ["名称"] = name, ["类别"] = category, ["区域"] = district, ["权益"] = benefits, ["结束日期"] = until };
        var rows = new List<IDictionary<string, object?>>
        {
            Row("坏表好店", "餐饮", "东城区总工会", code: "BAD-1"),
            Row("", "餐饮", "东城区总工会"),                      // row 3: no name
            Row("坏表无类", "", "东城区总工会"),                   // row 4: no category
            Row("坏表越界", "餐饮", "西湖区总工会"),               // row 5: a district outside the subtree
            Row("坏表按摩", "餐饮", "东城区总工会", "massage"),     // row 6: a benefit not offered
            Row("坏表日期", "餐饮", "东城区总工会", until: "明年"),  // row 7: not a date
            Row("坏表重号", "餐饮", "东城区总工会", code: "BAD-1"), // row 8: a code of an earlier row
        };
        var file = await TestFiles.UploadSheetAsync(admin, rows);

        var dry = await Api.JsonAsync(await admin.PostAsJsonAsync("/api/merchants/import", new { fileId = file, dryRun = true }));
        Assert.Equal(["3:名称", "4:类别", "5:区域", "6:权益", "7:结束日期", "8:编号"],
            dry["errors"]!.AsArray().Select(e => $"{e!["row"]}:{e["column"]}"));
        var refused = await Api.ProblemAsync(await admin.PostAsJsonAsync("/api/merchants/import", new { fileId = file, dryRun = false }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(6, refused["errors"]!.AsArray().Count);
        await using var db = server.OpenDb();
        Assert.False(await db.Merchants.AnyAsync(m => m.Name.StartsWith("坏表")));
    }
}

public sealed class SqliteMerchantRecordTests(SqliteServer server) : MerchantRecordTests(server), IClassFixture<SqliteServer>;
public sealed class PostgresMerchantRecordTests(PostgresServer server) : MerchantRecordTests(server), IClassFixture<PostgresServer>;
