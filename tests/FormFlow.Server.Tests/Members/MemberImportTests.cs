using System.Net;
using System.Net.Http.Json;
using FormFlow.Persistence.Accounts;
using FormFlow.Server.Members;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Members;

/// <summary>
/// A union's existing members come from Excel: each row a member with a number and benefits but no account, its name
/// and resident ID sealed at rest, until the person registers with the imported mobile number and is linked.
/// </summary>
public abstract class MemberImportTests(ServerFixture server)
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>A resident ID with a correct check digit: Dongcheng, born in January 1990, sequence <paramref name="n"/>.</summary>
    private static string ResidentId(int n)
    {
        var body = $"110101199001{n / 1000 + 1:D2}{n % 1000:D3}";
        var sum = body.Select((c, i) => (c - '0') * Weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    private static IDictionary<string, object?> Row(string name, string id, string mobile, string org) =>
        new Dictionary<string, object?> { ["姓名"] = name, ["身份证号"] = id, ["手机号"] = mobile, ["工会"] = org };

    [Fact]
    public async Task Importing_10000_members_writes_them_with_numbers_and_benefits_after_a_dry_run_that_writes_nothing()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        string[] unions = ["华兴电子有限公司工会", "某市第一人民医院工会", "顺达物流有限公司工会"];
        var rows = Enumerable.Range(0, 10_000).Select(i => Row($"会员{i}", ResidentId(i), $"137{i:D8}", unions[i % 3])).ToList();
        var file = await TestFiles.UploadSheetAsync(admin, rows, "会员.xlsx");

        var dry = await Api.JsonAsync(await admin.PostAsJsonAsync("/api/members/import", new { fileId = file, dryRun = true }));
        Assert.Equal((10_000, 0, 0), ((int)dry["rows"]!, (int)dry["created"]!, dry["errors"]!.AsArray().Count));
        await using (var db = server.OpenDb()) Assert.False(await db.Members.AnyAsync(m => m.Mobile!.StartsWith("137")));

        var real = await admin.PostAsJsonAsync("/api/members/import", new { fileId = file, dryRun = false });
        Assert.Equal(HttpStatusCode.Created, real.StatusCode);
        await using var check = server.OpenDb();
        Assert.Equal(10_000, await check.Members.CountAsync(m => m.Mobile!.StartsWith("137") && m.AccountId == null));
        var one = await check.Members.Include(m => m.Entitlements).Include(m => m.OrgUnit).SingleAsync(m => m.Mobile == "13700000004");
        Assert.Equal("某市第一人民医院工会", one.OrgUnit!.Name);
        Assert.True(FormFlow.Persistence.Members.MemberNumbers.IsWellFormed(one.MemberNumber));
        Assert.Contains(one.Entitlements, e => e.BenefitId == "haircut" && e.Quota == 8);
        // Personal data is sealed at rest: neither the name nor the resident ID is stored as written.
        Assert.DoesNotContain("会员4", one.PersonName);
        Assert.DoesNotContain(ResidentId(4), one.ResidentId);

        // The same people again are refused as members already.
        var again = await Api.JsonAsync(await admin.PostAsJsonAsync("/api/members/import",
            new { fileId = await TestFiles.UploadSheetAsync(admin, rows.Take(2)), dryRun = true }));
        Assert.Equal(["2:身份证号", "2:手机号", "3:身份证号", "3:手机号"], again["errors"]!.AsArray().Select(e => $"{e!["row"]}:{e["column"]}"));
    }

    [Fact]
    public async Task A_sheet_with_20_bad_rows_reports_each_by_row_and_column_and_writes_nothing()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var good = ResidentId(15000);
        var badCheck = good[..^1] + (good[^1] == '0' ? '1' : '0');
        var rows = new List<IDictionary<string, object?>> { Row("好会员", good, "13600000000", "华兴电子有限公司工会") };
        for (var i = 1; i <= 5; i++) rows.Add(Row($"坏号{i}", badCheck, $"1360000000{i}", "华兴电子有限公司工会"));        // rows 3-7: checksum
        for (var i = 1; i <= 5; i++) rows.Add(Row($"坏机{i}", ResidentId(15000 + i), $"2360000000{i}", "华兴电子有限公司工会")); // rows 8-12: mobile
        for (var i = 1; i <= 5; i++) rows.Add(Row($"坏会{i}", ResidentId(15010 + i), $"1361000000{i}", "西湖区实验小学工会"));    // rows 13-17: outside the subtree
        for (var i = 1; i <= 5; i++) rows.Add(Row($"重复{i}", ResidentId(15020 + i), "13600000000", "华兴电子有限公司工会"));  // rows 18-22: the mobile of row 2
        var file = await TestFiles.UploadSheetAsync(admin, rows);

        var dry = await Api.JsonAsync(await admin.PostAsJsonAsync("/api/members/import", new { fileId = file, dryRun = true }));
        Assert.Equal(Enumerable.Range(3, 5).Select(r => $"{r}:身份证号")
            .Concat(Enumerable.Range(8, 5).Select(r => $"{r}:手机号"))
            .Concat(Enumerable.Range(13, 5).Select(r => $"{r}:工会"))
            .Concat(Enumerable.Range(18, 5).Select(r => $"{r}:手机号")), dry["errors"]!.AsArray().Select(e => $"{e!["row"]}:{e["column"]}"));
        Assert.DoesNotContain(badCheck, dry.ToJsonString()); // the report masks the resident ID it refuses
        var refused = await Api.ProblemAsync(await admin.PostAsJsonAsync("/api/members/import", new { fileId = file, dryRun = false }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(20, refused["errors"]!.AsArray().Count);
        await using var db = server.OpenDb();
        Assert.False(await db.Members.AnyAsync(m => m.Mobile!.StartsWith("136")));
        var worker = await Api.CookieClientAsync(server, "worker");
        await Api.ProblemAsync(await worker.PostAsJsonAsync("/api/members/import", new { fileId = file, dryRun = true }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task LinkAsync_gives_a_new_account_the_imported_record_with_its_mobile_once()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var file = await TestFiles.UploadSheetAsync(admin, [Row("周链接", ResidentId(17000), "13500000077", "华兴电子有限公司工会")]);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/members/import", new { fileId = file, dryRun = false })).StatusCode);
        await using var db = server.OpenDb();
        var first = new Account { UserName = "linked-one", DisplayName = "周链接" };
        var second = new Account { UserName = "linked-two", DisplayName = "周链接" };
        db.Users.AddRange(first, second);
        await db.SaveChangesAsync();

        Assert.Null(await ImportedMembers.LinkAsync(db, first.Id, "13500000078", CancellationToken.None)); // another number
        var number = await ImportedMembers.LinkAsync(db, first.Id, "+86 135 0000 0077", CancellationToken.None);
        Assert.NotNull(number);
        Assert.Null(await ImportedMembers.LinkAsync(db, second.Id, "13500000077", CancellationToken.None)); // taken already
        await using var check = server.OpenDb();
        var member = await check.Members.SingleAsync(m => m.MemberNumber == number);
        Assert.Equal(first.Id, member.AccountId);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.Action == "member.linked" && a.Target == $"member:{number}"));
    }
}

public sealed class SqliteMemberImportTests(SqliteServer server) : MemberImportTests(server), IClassFixture<SqliteServer>;
public sealed class PostgresMemberImportTests(PostgresServer server) : MemberImportTests(server), IClassFixture<PostgresServer>;
