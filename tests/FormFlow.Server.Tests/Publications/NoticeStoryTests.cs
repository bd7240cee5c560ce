using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Publications;

/// <summary>The shipped notice and directory templates through the API: drafted, reviewed, published by the workflow.</summary>
public abstract class NoticeStoryTests(CaseServer server)
{
    [Fact]
    public async Task An_editor_drafts_a_reviewer_at_the_same_union_approves_and_a_worker_in_the_subtree_reads_it()
    {
        var editor = await Api.CookieClientAsync(server, "district-admin");
        var submitted = await editor.PostAsJsonAsync($"/api/services/{await CaseServer.ServiceIdAsync(editor, "notice")}/cases", new
        {
            data = new JsonObject { ["title"] = "东城区工会会员日活动通知", ["summary"] = "本周六举行", ["body"] = "活动时间：周六上午九点\n地点：区职工之家<script>x()</script>" },
        });
        var caseId = (await Api.JsonAsync(submitted))["id"]!.GetValue<long>();

        var worker = await Api.CookieClientAsync(server, "worker");
        Assert.DoesNotContain((await FeedApi.PageAsync(worker, "?q=会员日")).Items, i => i.Title == "东城区工会会员日活动通知");

        var reviewer = await Api.CookieClientAsync(server, "district-reviewer");
        var task = await CaseServer.InboxTaskAsync(reviewer, caseId);
        await Api.JsonAsync(await reviewer.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { outcome = "approve", rowVersion = task["rowVersion"]!.GetValue<long>() }));
        await server.DispatchAsync();

        var listed = (await FeedApi.PageAsync(worker, "?q=会员日")).Items.Single(i => i.Title == "东城区工会会员日活动通知");
        var read = await FeedApi.ReadAsync(worker, listed.Id);
        Assert.Equal("<p>活动时间：周六上午九点</p><p>地点：区职工之家&lt;script&gt;x()&lt;/script&gt;</p>", read.Body);
        var seenByEditor = await FeedApi.ReadAsync(editor, listed.Id);
        Assert.Equal(2, seenByEditor.UniqueReaders);

        await TestAccounts.EnsureAsync(server, "xihu-reader", "worker", "西湖区实验小学工会");
        var xihu = await Api.CookieClientAsync(server, "xihu-reader");
        Assert.DoesNotContain((await FeedApi.PageAsync(xihu, "?q=会员日")).Items, i => i.Id == listed.Id);
    }

    [Fact]
    public async Task A_returned_notice_is_not_published()
    {
        var editor = await Api.CookieClientAsync(server, "district-admin");
        var submitted = await editor.PostAsJsonAsync($"/api/services/{await CaseServer.ServiceIdAsync(editor, "notice")}/cases", new
        {
            data = new JsonObject { ["title"] = "待修改的通知", ["body"] = "这是一份需要修改的通知正文。" },
        });
        var caseId = (await Api.JsonAsync(submitted))["id"]!.GetValue<long>();
        var reviewer = await Api.CookieClientAsync(server, "district-reviewer");
        var task = await CaseServer.InboxTaskAsync(reviewer, caseId);
        await Api.JsonAsync(await reviewer.PostAsJsonAsync($"/api/tasks/{task["id"]}/complete", new { outcome = "returnForInformation", rowVersion = task["rowVersion"]!.GetValue<long>() }));
        await server.DispatchAsync();
        await using var db = server.OpenDb();
        Assert.False(await db.Publications.AnyAsync(p => p.SourceCaseId == caseId));
    }

    [Fact]
    public async Task A_worker_is_not_offered_the_authoring_services_and_may_not_start_them()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var keys = JsonNode.Parse(await worker.GetStringAsync("/api/services"))!.AsArray().Select(s => s!["moduleKey"]!.GetValue<string>()).ToList();
        Assert.DoesNotContain("notice", keys);
        Assert.DoesNotContain("directory", keys);
        Assert.Contains("join", keys);

        var admin = await Api.CookieClientAsync(server, "district-admin");
        var noticeService = await CaseServer.ServiceIdAsync(admin, "notice");
        var refused = await worker.PostAsJsonAsync($"/api/services/{noticeService}/cases", new { data = new JsonObject { ["title"] = "越权", ["body"] = "工人不能发布通知。" } });
        Assert.Contains("startedBy", (await Api.ProblemAsync(refused, HttpStatusCode.Forbidden)).ToJsonString());
    }

    [Fact]
    public async Task A_directory_entry_with_a_qr_image_is_published_as_a_directory_item_whose_qr_readers_may_download()
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var qr = await TestFiles.UploadPngAsync(admin, "qr.png");
        var submitted = await admin.PostAsJsonAsync($"/api/services/{await CaseServer.ServiceIdAsync(admin, "directory")}/cases", new
        {
            data = new JsonObject { ["kind"] = "wechat", ["name"] = "东城职工之家公众号", ["qr"] = qr, ["description"] = "扫码关注" },
        });
        var caseId = (await Api.JsonAsync(submitted))["id"]!.GetValue<long>();
        await server.DispatchAsync();

        var worker = await Api.CookieClientAsync(server, "worker");
        var entry = (await FeedApi.PageAsync(worker, "?kind=directory&q=职工之家")).Items.Single();
        var read = JsonNode.Parse(await worker.GetStringAsync($"/api/feed/{entry.Id}"))!;
        Assert.Equal(qr["id"]!.GetValue<string>(), read["qrFileId"]!.GetValue<string>());
        Assert.Null(read["sourceCaseId"]);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/api/files/{qr["id"]}")).StatusCode);
        Assert.Equal(caseId, JsonNode.Parse(await admin.GetStringAsync($"/api/feed/{entry.Id}"))!["sourceCaseId"]!.GetValue<long>());
    }
}

public sealed class SqliteNoticeStoryTests(SqliteCaseServer server) : NoticeStoryTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresNoticeStoryTests(PostgresCaseServer server) : NoticeStoryTests(server), IClassFixture<PostgresCaseServer>;
