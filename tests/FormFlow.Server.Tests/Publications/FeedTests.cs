using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Accounts;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Publications;

/// <summary>The feed on both databases: sanitised bodies, read counts, visibility by subtree, paging, search, refusals.</summary>
public abstract class FeedTests(CaseServer server)
{
    private async Task<(HttpClient Client, int City, int Dongcheng)> DesignerAsync() =>
        (await Api.CookieClientAsync(server, "designer"), await FeedApi.OrgIdAsync(server, "某市总工会"), await FeedApi.OrgIdAsync(server, "东城区总工会"));

    [Fact]
    public async Task A_notice_body_with_script_event_handlers_and_javascript_urls_comes_back_clean()
    {
        var (designer, city, _) = await DesignerAsync();
        var image = (await TestFiles.UploadPngAsync(designer, "图.png"))["id"]!.GetValue<string>();
        var dirty = $"""
            <p onclick="steal()">你好<script>alert(1)</script></p><img src="/api/files/{image}" onerror="alert(2)">
            <a href="javascript:alert(3)">点我</a><a href="https://union.example/policy">政策</a><a href="tel:12351">热线</a>
            <img src="https://tracker.example/pixel.png"><iframe src="https://evil.example"></iframe><p style="color:red">红</p>
            """;
        var item = await FeedApi.PublishAsync(designer, FeedApi.Notice(city, "清洗测试", dirty));

        var worker = await Api.CookieClientAsync(server, "worker");
        var read = await FeedApi.ReadAsync(worker, item.Id);
        foreach (var banned in new[] { "<script", "alert(1)", "onerror", "onclick", "javascript:", "tracker.example", "iframe", "style=" })
            Assert.DoesNotContain(banned, read.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"src=\"/api/files/{image}\"", read.Body);
        Assert.Contains("href=\"https://union.example/policy\"", read.Body);
        Assert.Contains("href=\"tel:12351\"", read.Body);
        // The body's image is the designer's upload; the worker may fetch it because the published item shows it.
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/api/files/{image}")).StatusCode);
    }

    [Fact]
    public async Task A_drafts_image_stays_private_until_the_item_is_published()
    {
        var (designer, city, _) = await DesignerAsync();
        var image = (await TestFiles.UploadPngAsync(designer))["id"]!.GetValue<string>();
        var draft = await Api.JsonAsync(await designer.PostAsJsonAsync("/api/publications", FeedApi.Notice(city, "草稿图片", $"<p><img src=\"/api/files/{image}\"></p>")));
        var worker = await Api.CookieClientAsync(server, "worker");
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/files/{image}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/feed/{draft["id"]}")).StatusCode);
        await designer.PostAsync($"/api/publications/{draft["id"]}/publish", null);
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/api/files/{image}")).StatusCode);
    }

    [Fact]
    public async Task Two_reads_by_one_reader_count_one_reader_and_two_reads_which_the_designer_sees_and_the_worker_never()
    {
        var (designer, city, _) = await DesignerAsync();
        var item = await FeedApi.PublishAsync(designer, FeedApi.Notice(city, "阅读计数"));
        var worker = await Api.CookieClientAsync(server, "worker");

        var first = await FeedApi.ReadAsync(worker, item.Id);
        await FeedApi.ReadAsync(worker, item.Id);
        Assert.Null(first.UniqueReaders);
        Assert.Null(first.Reads);

        // The designer's own read is counted before the answer: the worker once, the designer once; three reads.
        var seen = await FeedApi.ReadAsync(designer, item.Id);
        Assert.Equal(2, seen.UniqueReaders);
        Assert.Equal(3, seen.Reads);
    }

    [Fact]
    public async Task Opening_an_item_to_edit_it_counts_no_read_and_is_for_authors_only()
    {
        var (designer, city, _) = await DesignerAsync();
        var item = await FeedApi.PublishAsync(designer, FeedApi.Notice(city, "编辑不计阅读"));
        Assert.Equal(HttpStatusCode.OK, (await designer.GetAsync($"/api/publications/{item.Id}")).StatusCode);
        var worker = await Api.CookieClientAsync(server, "worker");
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/publications/{item.Id}")).StatusCode);
        await using var db = server.OpenDb();
        Assert.Equal(0, (await db.Publications.AsNoTracking().SingleAsync(p => p.Id == item.Id)).Reads);
    }

    [Fact]
    public async Task Concurrent_first_reads_by_twenty_readers_count_twenty_unique_readers()
    {
        var (designer, city, _) = await DesignerAsync();
        var item = await FeedApi.PublishAsync(designer, FeedApi.Notice(city, "并发阅读"));
        var readers = new List<HttpClient>();
        for (var i = 0; i < 20; i++)
        {
            await TestAccounts.EnsureAsync(server, $"reader-{i:00}", Roles.Worker, "华兴电子有限公司工会");
            readers.Add(await Api.CookieClientAsync(server, $"reader-{i:00}"));
        }

        // Each reader twice at once, all at once.
        await Task.WhenAll(readers.SelectMany(r => new[] { FeedApi.ReadAsync(r, item.Id), FeedApi.ReadAsync(r, item.Id) }));

        await using var db = server.OpenDb();
        var stored = await db.Publications.AsNoTracking().SingleAsync(p => p.Id == item.Id);
        Assert.Equal(20, stored.UniqueReaders);
        Assert.Equal(40, stored.Reads);
        Assert.Equal(20, await db.PublicationReads.CountAsync(r => r.PublicationId == item.Id));
    }

    [Fact]
    public async Task An_item_published_at_a_district_is_seen_in_its_subtree_and_not_in_another_district()
    {
        var (designer, _, dongcheng) = await DesignerAsync();
        var item = await FeedApi.PublishAsync(designer, FeedApi.Notice(dongcheng, "东城区职工运动会报名"));
        await TestAccounts.EnsureAsync(server, "xihu-worker", Roles.Worker, "西湖区实验小学工会");

        var worker = await Api.CookieClientAsync(server, "worker");
        Assert.Contains((await FeedApi.PageAsync(worker, "?q=运动会")).Items, i => i.Id == item.Id);
        var xihu = await Api.CookieClientAsync(server, "xihu-worker");
        Assert.DoesNotContain((await FeedApi.PageAsync(xihu, "?q=运动会")).Items, i => i.Id == item.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await xihu.GetAsync($"/api/feed/{item.Id}")).StatusCode);
    }

    [Fact]
    public async Task Expired_withdrawn_and_draft_items_are_not_listed()
    {
        var (designer, city, _) = await DesignerAsync();
        var now = server.Clock.GetUtcNow();
        var expired = await FeedApi.PublishAsync(designer, new JsonObject
        {
            ["kind"] = "notice", ["title"] = "状态筛选已过期", ["orgId"] = city,
            ["publishAt"] = now.AddDays(-10), ["expiresAt"] = now.AddDays(-1),
        });
        var withdrawn = await FeedApi.PublishAsync(designer, FeedApi.Notice(city, "状态筛选已撤回"));
        await Api.JsonAsync(await designer.PostAsync($"/api/publications/{withdrawn.Id}/withdraw", null));
        await Api.JsonAsync(await designer.PostAsJsonAsync("/api/publications", FeedApi.Notice(city, "状态筛选草稿")));
        var live = await FeedApi.PublishAsync(designer, FeedApi.Notice(city, "状态筛选在线"));

        var worker = await Api.CookieClientAsync(server, "worker");
        var listed = (await FeedApi.PageAsync(worker, "?q=状态筛选")).Items.Select(i => i.Title).ToList();
        Assert.Equal(["状态筛选在线"], listed);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/feed/{expired.Id}")).StatusCode);
        Assert.Equal(live.Id, (await FeedApi.ReadAsync(worker, live.Id)).Id);
    }

    [Fact]
    public async Task Paging_with_the_cursor_returns_every_item_exactly_once_pinned_first_then_newest()
    {
        var (designer, city, dongcheng) = await DesignerAsync();
        var made = new List<long>();
        for (var i = 0; i < 7; i++)
            made.Add((await FeedApi.PublishAsync(designer, new JsonObject
            {
                ["kind"] = "showcase", ["title"] = $"分页条目{i}", ["orgId"] = i % 2 == 0 ? city : dongcheng, ["pinned"] = i == 3,
            })).Id);

        var worker = await Api.CookieClientAsync(server, "worker");
        var all = await FeedApi.AllAsync(worker, "&kind=showcase", limit: 3);
        Assert.Equal(all.Count, all.Select(i => i.Id).Distinct().Count());
        Assert.Subset(all.Select(i => i.Id).ToHashSet(), made.ToHashSet());
        Assert.True(all[0].Pinned);
        var everything = await FeedApi.AllAsync(worker, "", limit: 2);
        Assert.Equal(everything.Count, everything.Select(i => i.Id).Distinct().Count());
        Assert.Equal((await FeedApi.AllAsync(worker, "", limit: 50)).Select(i => i.Id), everything.Select(i => i.Id));
    }

    [Fact]
    public async Task Any_two_character_substring_of_a_title_or_body_finds_the_item()
    {
        var (designer, city, _) = await DesignerAsync();
        const string title = "职工疗休养补贴申领";
        const string bodyText = "春季新增武夷山线路";
        var item = await FeedApi.PublishAsync(designer, FeedApi.Notice(city, title, $"<p><strong>{bodyText}</strong></p>"));

        var worker = await Api.CookieClientAsync(server, "worker");
        foreach (var text in new[] { title, bodyText })
            for (var i = 0; i + 2 <= text.Length; i++)
            {
                var q = text.Substring(i, 2);
                Assert.True((await FeedApi.PageAsync(worker, $"?q={Uri.EscapeDataString(q)}")).Items.Any(x => x.Id == item.Id), $"'{q}' did not find the item");
            }
        Assert.DoesNotContain((await FeedApi.PageAsync(worker, "?q=疗山")).Items, x => x.Id == item.Id);
        Assert.DoesNotContain((await FeedApi.PageAsync(worker, "?q=strong")).Items, x => x.Id == item.Id);
    }

    public static TheoryData<string, int, string> BadInputs() => new()
    {
        { """{"kind":"notice","orgId":ORG}""", 400, "title" },
        { """{"kind":"notice","title":"  ","orgId":ORG}""", 400, "title" },
        { """{"kind":"notice","title":"TOOLONG","orgId":ORG}""", 400, "title" },
        { """{"kind":"poster","title":"海报","orgId":ORG}""", 400, "kind" },
        { """{"kind":"notice","title":"倒序","orgId":ORG,"publishAt":"2026-03-05T00:00:00Z","expiresAt":"2026-03-04T00:00:00Z"}""", 400, "expiresAt" },
        { """{"kind":"notice","title":"外区","orgId":XIHU}""", 403, "orgId" },
        { """{"kind":"notice","title":"无此组织","orgId":999999}""", 400, "orgId" },
        { """{"kind":"notice","title":"文件","orgId":ORG,"coverFileId":"00000000000000000000000000000000"}""", 400, "coverFileId" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_naming_the_field_and_stores_nothing(string json, int status, string field)
    {
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var body = json.Replace("ORG", (await FeedApi.OrgIdAsync(server, "东城区总工会")).ToString())
            .Replace("XIHU", (await FeedApi.OrgIdAsync(server, "西湖区总工会")).ToString())
            .Replace("TOOLONG", new string('长', 201));
        await using var db = server.OpenDb();
        var before = await db.Publications.CountAsync();
        var response = await admin.PostAsync("/api/publications", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await Api.ProblemAsync(response, (HttpStatusCode)status);
        Assert.Contains(field, problem.ToJsonString());
        Assert.Equal(before, await db.Publications.CountAsync());
    }

    [Fact]
    public async Task A_worker_may_not_author_and_a_bad_cursor_or_kind_is_a_400()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var city = await FeedApi.OrgIdAsync(server, "某市总工会");
        Assert.Contains("orgId", (await Api.ProblemAsync(await worker.PostAsJsonAsync("/api/publications", FeedApi.Notice(city, "越权")), HttpStatusCode.Forbidden)).ToJsonString());
        Assert.Contains("cursor", (await Api.ProblemAsync(await worker.GetAsync("/api/feed?cursor=bm9wZQ"), HttpStatusCode.BadRequest)).ToJsonString());
        Assert.Contains("kind", (await Api.ProblemAsync(await worker.GetAsync("/api/feed?kind=poster"), HttpStatusCode.BadRequest)).ToJsonString());
    }
}

public sealed class SqliteFeedTests(SqliteCaseServer server) : FeedTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresFeedTests(PostgresCaseServer server) : FeedTests(server), IClassFixture<PostgresCaseServer>;
