using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>Calls the tests make over and over: signing in and reading ProblemDetails answers.</summary>
public static class Api
{
    public const string DemoPassword = "demo";

    public static Task<HttpResponseMessage> LoginAsync(HttpClient client, string userName, string password = DemoPassword) =>
        client.PostAsJsonAsync("/api/auth/login", new { userName, password });

    /// <summary>A client carrying the session cookie of an account (a demo account unless the password is given).</summary>
    public static async Task<HttpClient> CookieClientAsync(ServerFixture server, string userName, string password = DemoPassword)
    {
        var client = server.CreateClient();
        var response = await LoginAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    /// <summary>A client without cookies that sends a bearer token of a demo account.</summary>
    public static async Task<HttpClient> BearerClientAsync(ServerFixture server, string userName)
    {
        var client = server.CreateClient(new() { HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = DemoPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Asserts a ProblemDetails answer with the status and returns its body.</summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(problem["title"]?.GetValue<string>()), text);
        return problem;
    }

    /// <summary>The problem's title and detail together, for asserting that it names the problem.</summary>
    public static string Text(JsonObject problem) => $"{problem["title"]} {problem["detail"]} {problem["pointer"]}";

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Every item of a paged list (<c>{items, next}</c>), following <c>next</c> to the end.</summary>
    public static async Task<List<JsonObject>> AllPagesAsync(HttpClient client, string url)
    {
        var items = new List<JsonObject>();
        string? cursor = null;
        do
        {
            var page = await JsonAsync(await client.GetAsync(url + (url.Contains('?') ? "&" : "?") + "limit=100" + (cursor is null ? "" : $"&cursor={cursor}")));
            items.AddRange(page["items"]!.AsArray().Select(i => i!.AsObject()));
            cursor = (string?)page["next"];
        } while (cursor is not null);
        return items;
    }
}
