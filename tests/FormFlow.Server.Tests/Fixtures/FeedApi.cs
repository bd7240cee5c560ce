using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>The feed and publications API as tests call it: items created and published by an author, pages read by a reader.</summary>
public static class FeedApi
{
    public sealed record Item(long Id, string Kind, string Title, string Body, bool Pinned, int? UniqueReaders, long? Reads);

    public sealed record Page(List<Item> Items, string? Next);

    public static async Task<int> OrgIdAsync(ServerFixture server, string name)
    {
        await using var db = server.OpenDb();
        return await db.OrgUnits.Where(o => o.Name == name).Select(o => o.Id).SingleAsync();
    }

    /// <summary>Creates a draft and publishes it; returns the published item as its author sees it.</summary>
    public static async Task<Item> PublishAsync(HttpClient author, object input)
    {
        var created = await Api.JsonAsync(await author.PostAsJsonAsync("/api/publications", input));
        var id = created["id"]!.GetValue<long>();
        return (await (await author.PostAsync($"/api/publications/{id}/publish", null)).Content.ReadFromJsonAsync<Item>())!;
    }

    public static async Task<Page> PageAsync(HttpClient reader, string query = "") =>
        (await (await Ensure(reader.GetAsync($"/api/feed{query}"))).Content.ReadFromJsonAsync<Page>())!;

    /// <summary>Every item of the feed, page by page along the cursor.</summary>
    public static async Task<List<Item>> AllAsync(HttpClient reader, string filter, int limit)
    {
        var all = new List<Item>();
        string? cursor = null;
        do
        {
            var page = await PageAsync(reader, $"?limit={limit}{filter}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            Assert.True(page.Items.Count <= limit);
            all.AddRange(page.Items);
            cursor = page.Next;
        } while (cursor is not null);
        return all;
    }

    public static async Task<Item> ReadAsync(HttpClient reader, long id) =>
        (await (await Ensure(reader.GetAsync($"/api/feed/{id}"))).Content.ReadFromJsonAsync<Item>())!;

    private static async Task<HttpResponseMessage> Ensure(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    public static JsonObject Notice(int orgId, string title, string body = "<p>正文</p>") => new()
    {
        ["kind"] = "notice", ["title"] = title, ["orgId"] = orgId, ["body"] = body,
    };
}
