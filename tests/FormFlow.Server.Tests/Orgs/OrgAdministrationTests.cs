using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Accounts;
using FormFlow.Server.Shared;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Orgs;

/// <summary>Admins change the org tree below their own unit, never above it or beside it; every change is audited.</summary>
public abstract class OrgAdministrationTests(ServerFixture server)
{
    private async Task<int> OrgIdAsync(string name)
    {
        await using var db = server.OpenDb();
        return await db.OrgUnits.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    private static async Task<JsonObject> CreateAsync(HttpClient client, int parentId, string name, string level) =>
        await Api.JsonAsync(await client.PostAsJsonAsync("/api/orgs", new { parentId, name, level }));

    private static IEnumerable<JsonObject> Flatten(JsonNode? nodes) =>
        nodes!.AsArray().Select(n => n!.AsObject()).SelectMany(n => new[] { n }.Concat(Flatten(n["children"])));

    [Fact]
    public async Task A_district_admin_creates_a_street_that_appears_in_the_tree_and_the_audit_log()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var street = await CreateAsync(admin, await OrgIdAsync("东城区总工会"), "朝阳门街道总工会", "street");

        Assert.Equal("street", (string)street["level"]!);
        var tree = JsonNode.Parse(await admin.GetStringAsync("/api/orgs"));
        Assert.Contains(Flatten(tree), n => (string)n["name"]! == "朝阳门街道总工会" && (int)n["parentId"]! == street["parentId"]!.GetValue<int>());
        await using var db = server.OpenDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "org.created" && a.Actor == "district-admin" && a.Target == $"org:{street["id"]}"));
    }

    [Fact]
    public async Task Beside_or_above_the_admins_unit_nothing_changes()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var xihu = await OrgIdAsync("西湖区总工会");
        var dongcheng = await OrgIdAsync("东城区总工会");

        await Api.ProblemAsync(await admin.PostAsJsonAsync("/api/orgs", new { parentId = xihu, name = "越界街道", level = "street" }), HttpStatusCode.NotFound);
        await Api.ProblemAsync(await admin.PostAsJsonAsync("/api/orgs", new { parentId = await OrgIdAsync("某市总工会"), name = "越级区", level = "district" }), HttpStatusCode.NotFound);
        var own = await Api.ProblemAsync(await admin.PatchAsJsonAsync($"/api/orgs/{dongcheng}", new { name = "改名区总工会" }), HttpStatusCode.Forbidden);
        Assert.Contains("东城区总工会", Api.Text(own));
        var worker = await Api.CookieClientAsync(server, "worker");
        await Api.ProblemAsync(await worker.PostAsJsonAsync("/api/orgs", new { parentId = dongcheng, name = "职工自建", level = "street" }), HttpStatusCode.NotFound);

        await using var db = server.OpenDb();
        Assert.False(await db.OrgUnits.AnyAsync(o => o.Name == "越界街道" || o.Name == "越级区" || o.Name == "改名区总工会" || o.Name == "职工自建"));
    }

    [Theory]
    [InlineData("", "street", HttpStatusCode.UnprocessableEntity, "name")]
    [InlineData("某区", "district", HttpStatusCode.UnprocessableEntity, "level")]
    [InlineData("某区", "village", HttpStatusCode.UnprocessableEntity, "level")]
    [InlineData("和平街道总工会", "street", HttpStatusCode.Conflict, "name")]
    public async Task A_bad_unit_is_refused_naming_the_field(string name, string level, HttpStatusCode status, string field)
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var problem = await Api.ProblemAsync(await admin.PostAsJsonAsync("/api/orgs", new { parentId = await OrgIdAsync("东城区总工会"), name, level }), status);
        Assert.Equal(field, (string?)problem["field"]);
    }

    [Fact]
    public async Task Moving_a_street_to_another_district_moves_its_whole_subtree()
    {
        var cityAdmin = await CityAdminAsync();
        var street = await CreateAsync(cityAdmin, await OrgIdAsync("东城区总工会"), "搬迁街道总工会", "street");
        var union = await CreateAsync(cityAdmin, (int)street["id"]!, "搬迁公司工会", "grassroots");
        var xihu = await OrgIdAsync("西湖区总工会");

        var moved = await Api.JsonAsync(await cityAdmin.PatchAsJsonAsync($"/api/orgs/{street["id"]}", new { parentId = xihu }));
        Assert.Equal(xihu, (int)moved["parentId"]!);

        await using var db = server.OpenDb();
        var xihuPath = await db.OrgUnits.Where(o => o.Id == xihu).Select(o => o.Path).SingleAsync();
        Assert.Equal($"{xihuPath}{street["id"]}/{union["id"]}/", await db.OrgUnits.Where(o => o.Id == (int)union["id"]!).Select(o => o.Path).SingleAsync());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "org.changed" && a.Target == $"org:{street["id"]}"));

        // Never under itself.
        var loop = await Api.ProblemAsync(await cityAdmin.PatchAsJsonAsync($"/api/orgs/{street["id"]}", new { parentId = (int)union["id"]! }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("parentId", (string?)loop["field"]);
    }

    [Fact]
    public async Task Archiving_waits_for_the_units_below_and_hides_the_unit_from_the_tree()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var street = await CreateAsync(admin, await OrgIdAsync("东城区总工会"), "撤并街道总工会", "street");
        var union = await CreateAsync(admin, (int)street["id"]!, "撤并公司工会", "grassroots");

        var busy = await Api.ProblemAsync(await admin.PostAsync($"/api/orgs/{street["id"]}/archive", null), HttpStatusCode.Conflict);
        Assert.Contains("1 live units below", Api.Text(busy));
        await Api.JsonAsync(await admin.PostAsync($"/api/orgs/{union["id"]}/archive", null));
        await Api.JsonAsync(await admin.PostAsync($"/api/orgs/{street["id"]}/archive", null));

        Assert.DoesNotContain(Flatten(JsonNode.Parse(await admin.GetStringAsync("/api/orgs"))), n => (string)n["name"]! == "撤并街道总工会");
        Assert.Contains(Flatten(JsonNode.Parse(await admin.GetStringAsync("/api/orgs?archived=true"))), n => (string)n["name"]! == "撤并街道总工会" && (bool)n["archived"]!);
        // The name is free again for a new unit.
        await CreateAsync(admin, await OrgIdAsync("东城区总工会"), "撤并街道总工会", "street");
    }

    [Fact]
    public async Task Importing_3000_grassroots_unions_writes_them_under_their_streets_after_a_dry_run_that_writes_nothing()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var rows = new List<IDictionary<string, object?>>();
        for (var s = 1; s <= 30; s++)
        {
            rows.Add(Row($"导入{s}街道总工会", "街道", "东城区总工会"));
            for (var g = 1; g <= 99; g++) rows.Add(Row($"导入{s}-{g}公司工会", "基层", $"导入{s}街道总工会"));
        }
        var file = await TestFiles.UploadSheetAsync(admin, rows);

        var dry = await Api.JsonAsync(await admin.PostAsJsonAsync("/api/orgs/import", new { fileId = file, dryRun = true }));
        Assert.Equal((3000, 0, 0), ((int)dry["rows"]!, (int)dry["created"]!, dry["errors"]!.AsArray().Count));
        await using (var db = server.OpenDb()) Assert.False(await db.OrgUnits.AnyAsync(o => o.Name.StartsWith("导入")));

        var real = await admin.PostAsJsonAsync("/api/orgs/import", new { fileId = file, dryRun = false });
        Assert.Equal(HttpStatusCode.Created, real.StatusCode);
        Assert.Equal(3000, (int)(await Api.JsonAsync(real))["created"]!);
        await using var check = server.OpenDb();
        var street = await check.OrgUnits.SingleAsync(o => o.Name == "导入7街道总工会");
        Assert.Equal(99, await check.OrgUnits.CountAsync(o => o.ParentId == street.Id && o.Path.StartsWith(street.Path)));
    }

    [Fact]
    public async Task A_sheet_with_20_bad_rows_reports_each_by_row_and_column_and_writes_nothing()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var rows = new List<IDictionary<string, object?>> { Row("坏表街道总工会", "街道", "东城区总工会") };
        for (var i = 1; i <= 5; i++) rows.Add(Row("", "基层", "坏表街道总工会"));                 // no name
        for (var i = 1; i <= 5; i++) rows.Add(Row($"坏表{i}公司工会", "村", "坏表街道总工会"));      // no such level
        for (var i = 1; i <= 5; i++) rows.Add(Row($"坏表{i}分会", "基层", "不存在的街道"));         // no such parent
        for (var i = 1; i <= 5; i++) rows.Add(Row($"坏表{i}区", "区", "坏表街道总工会"));           // a district under a street
        rows.Add(Row("好的公司工会", "基层", "坏表街道总工会"));
        var file = await TestFiles.UploadSheetAsync(admin, rows);

        var dry = await Api.JsonAsync(await admin.PostAsJsonAsync("/api/orgs/import", new { fileId = file, dryRun = true }));
        var errors = dry["errors"]!.AsArray().Select(e => $"{e!["row"]}:{e["column"]}").ToList();
        Assert.Equal(20, errors.Count);
        Assert.Equal(Enumerable.Range(3, 5).Select(r => $"{r}:名称")
            .Concat(Enumerable.Range(8, 5).Select(r => $"{r}:级别"))
            .Concat(Enumerable.Range(13, 5).Select(r => $"{r}:上级"))
            .Concat(Enumerable.Range(18, 5).Select(r => $"{r}:级别")), errors);
        var refused = await Api.ProblemAsync(await admin.PostAsJsonAsync("/api/orgs/import", new { fileId = file, dryRun = false }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(20, refused["errors"]!.AsArray().Count);

        await using var db = server.OpenDb();
        Assert.False(await db.OrgUnits.AnyAsync(o => o.Name.StartsWith("坏表") || o.Name == "好的公司工会"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_or_not_mine_is_refused_naming_fileId()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var png = (string)(await TestFiles.UploadPngAsync(admin))["id"]!;
        var notBook = await Api.ProblemAsync(await admin.PostAsJsonAsync("/api/orgs/import", new { fileId = png, dryRun = true }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("fileId", (string?)notBook["field"]);

        var worker = await Api.CookieClientAsync(server, "worker");
        var theirs = await TestFiles.UploadSheetAsync(worker, [Row("某街道", "街道", "东城区总工会")]);
        var foreign = await Api.ProblemAsync(await admin.PostAsJsonAsync("/api/orgs/import", new { fileId = theirs, dryRun = true }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal("fileId", (string?)foreign["field"]);
    }

    private static Dictionary<string, object?> Row(string name, string level, string parent) =>
        new() { ["名称"] = name, ["级别"] = level, ["上级"] = parent };

    /// <summary>The demo designer, given the admin role at the city for the tests that move units between districts.</summary>
    private async Task<HttpClient> CityAdminAsync()
    {
        await using (var db = server.OpenDb())
        {
            var designer = await db.Users.SingleAsync(a => a.UserName == "designer");
            var city = await db.OrgUnits.SingleAsync(o => o.ParentId == null);
            if (!await db.RoleAssignments.AnyAsync(r => r.AccountId == designer.Id && r.Role == Roles.Admin))
            {
                db.RoleAssignments.Add(new RoleAssignment { AccountId = designer.Id, Role = Roles.Admin, OrgUnitId = city.Id });
                await db.SaveChangesAsync();
            }
            CurrentAccount.Forget(db, designer.Id);
        }
        return await Api.CookieClientAsync(server, "designer");
    }
}

public sealed class SqliteOrgAdministrationTests(SqliteServer server) : OrgAdministrationTests(server), IClassFixture<SqliteServer>;
public sealed class PostgresOrgAdministrationTests(PostgresServer server) : OrgAdministrationTests(server), IClassFixture<PostgresServer>;
