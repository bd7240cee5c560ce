using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormFlow.Server.WebUi;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.WebUi;

/// <summary>
/// The Portal and the Studio as the server serves them from a built web root: pages with a per-request style nonce,
/// client-side routes falling back to their app's page, API paths staying 404 problems, compressed bundles.
/// </summary>
public sealed partial class WebUiServingTests(WebUiServingTests.BuiltUiServer server) : IClassFixture<WebUiServingTests.BuiltUiServer>
{
    /// <summary>A server whose FormFlow:WebRoot is a folder laid out as `npm run build` lays out designer/dist.</summary>
    public sealed class BuiltUiServer() : ServerFixture(FormFlow.Persistence.Database.DatabaseProvider.Sqlite)
    {
        public const string Bundle = "console.log('portal bundle');\n";
        public const string Sheet = ".pf-signin{color:#123}";
        /// <summary>A stylesheet that would end an inline style early: it must stay a link.</summary>
        public const string ClosingSheet = "a::after{content:\"</style><i>\"}";
        public string Root { get; } = CreateRoot();

        /// <summary>portal-words.json as the Portal's build writes it (designer/vite.config.ts), its words marked per locale.</summary>
        public static readonly string Words = new JsonObject
        {
            ["words"] = new JsonObject(new[] { "zh-CN", "zh-TW", "en" }.Select(locale => KeyValuePair.Create<string, JsonNode?>(locale, new JsonObject(
                new[] { "appName", "hall", "myCases", "card", "training", "inbox", "staffCases", "merchant", "feed", "notifications", "me",
                        "noServices", "other", "membership", "benefitsCategory", "legal", "contentCategory", "participation",
                        "userName", "password", "signIn", "register", "signInFailed", "unionNoAccount", "unionFailed", "or", "signInWith" }
                    .Select(word => KeyValuePair.Create<string, JsonNode?>(word, $"{word}@{locale}")))))),
            ["categories"] = new JsonObject { ["membership"] = "membership", ["benefits"] = "benefitsCategory" },
        }.ToJsonString();

        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { [WebRoot.SettingKey] = Root };

        private static string CreateRoot()
        {
            var root = Directory.CreateTempSubdirectory("formflow-ui-").FullName;
            Directory.CreateDirectory(Path.Combine(root, "assets"));
            Directory.CreateDirectory(Path.Combine(root, "studio"));
            File.WriteAllText(Path.Combine(root, "index.html"),
                "<!doctype html><html lang=\"zh-CN\"><head><title>portal</title><script type=\"module\" src=\"/assets/portal-abc.js\"></script>"
                + "<link rel=\"stylesheet\" crossorigin href=\"/assets/portal-abc.css\"><link rel=\"stylesheet\" crossorigin href=\"/assets/closing-abc.css\">"
                + "</head><body><div id=\"root\"></div></body></html>");
            File.WriteAllText(Path.Combine(root, "assets", "portal-abc.css"), Sheet);
            File.WriteAllText(Path.Combine(root, "assets", "closing-abc.css"), ClosingSheet);
            File.WriteAllText(Path.Combine(root, PortalWords.FileName), Words);
            File.WriteAllText(Path.Combine(root, "studio", "index.html"), "<!doctype html><html><head><title>studio</title></head><body></body></html>");
            File.WriteAllText(Path.Combine(root, "assets", "portal-abc.js"), Bundle);
            File.WriteAllBytes(Path.Combine(root, "assets", "portal-abc.js.br"), Compress(Bundle, s => new BrotliStream(s, CompressionLevel.Optimal)));
            File.WriteAllBytes(Path.Combine(root, "assets", "portal-abc.js.gz"), Compress(Bundle, s => new GZipStream(s, CompressionLevel.Optimal)));
            File.WriteAllText(Path.Combine(root, "assets", "stray.html"), "<script>alert(1)</script>");
            File.WriteAllText(Path.Combine(root, "favicon.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
            return root;
        }

        private static byte[] Compress(string text, Func<Stream, Stream> wrap)
        {
            using var buffer = new MemoryStream();
            using (var stream = wrap(buffer)) stream.Write(Encoding.UTF8.GetBytes(text));
            return buffer.ToArray();
        }
    }

    [GeneratedRegex("<meta name=\"csp-nonce\" content=\"([^\"]+)\" />")]
    private static partial Regex NonceMeta();

    [Theory]
    [InlineData("/", "portal")]
    [InlineData("/index.html", "portal")]
    [InlineData("/cases/12", "portal")]
    [InlineData("/merchant/scan", "portal")]
    [InlineData("/studio", "studio")]
    [InlineData("/studio/", "studio")]
    [InlineData("/studio/modules/3/forms", "studio")]
    public async Task Each_app_page_answers_its_client_routes_with_a_fresh_nonce_in_policy_and_meta(string path, string title)
    {
        var (html, csp) = await PageAsync(path);
        Assert.Contains($"<title>{title}</title>", html);
        var nonce = NonceMeta().Match(html).Groups[1].Value;
        Assert.True(nonce.Length >= 16, html);
        Assert.Contains($"style-src 'self' 'nonce-{nonce}'", csp);
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe", csp);
        // The meta sits in the head, before the scripts' end of head.
        Assert.True(html.IndexOf("csp-nonce", StringComparison.Ordinal) < html.IndexOf("</head>", StringComparison.Ordinal));

        var (again, _) = await PageAsync(path);
        Assert.NotEqual(nonce, NonceMeta().Match(again).Groups[1].Value);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/hall")]
    public async Task The_hall_page_of_someone_signed_in_preloads_the_hall_services_and_a_signed_out_or_other_page_does_not(string path)
    {
        const string preload = "<link rel=\"preload\" href=\"/api/services\" as=\"fetch\" crossorigin=\"anonymous\" />";
        var worker = await Api.CookieClientAsync(server, "worker");
        var html = await worker.GetStringAsync(path);
        // In the head, so the browser asks for it while the scripts download.
        Assert.InRange(html.IndexOf(preload, StringComparison.Ordinal), 0, html.IndexOf("</head>", StringComparison.Ordinal));
        Assert.DoesNotContain(preload, await worker.GetStringAsync("/cases/12"));
        Assert.DoesNotContain(preload, await worker.GetStringAsync("/studio/"));
        Assert.DoesNotContain(preload, (await PageAsync(path)).Html);
    }

    [Fact]
    public async Task A_signed_in_workers_hall_page_holds_the_hall_drawn_before_the_app_root_with_every_service_as_a_link()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var services = (await worker.GetFromJsonAsync<JsonArray>("/api/services"))!;
        Assert.NotEmpty(services);
        var html = await worker.GetStringAsync("/");

        var first = html.IndexOf("<div id=\"pf-first\">", StringComparison.Ordinal);
        Assert.InRange(first, html.IndexOf("<body>", StringComparison.Ordinal), html.IndexOf("<div id=\"root\">", StringComparison.Ordinal));
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("<h2>hall@zh-CN</h2>", html);
        Assert.Contains("<h3>membership@zh-CN</h3>", html);
        Assert.Contains("<a href=\"/\" class=\"pf-tab pf-tab-on\">hall@zh-CN</a><a href=\"/cases\" class=\"pf-tab\">myCases@zh-CN</a>", html);
        foreach (var service in services)
            Assert.Contains($"<a href=\"/services/{service!["id"]}\" class=\"pf-list-item\"><strong>{service["name"]!["zh-CN"]}</strong>", html);
        // Drawn the same at /hall, and nowhere else.
        Assert.Contains("<div id=\"pf-first\">", await worker.GetStringAsync("/hall"));
        Assert.DoesNotContain("pf-first", await worker.GetStringAsync("/cases/12"));
        // Without a session the first screen is the sign-in form, not a hall.
        Assert.DoesNotContain("hall@zh-CN", (await PageAsync("/")).Html);
    }

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/cases/12?tab=open", "/cases/12?tab=open")]
    [InlineData("/hall?signInError=failed", "/hall")]
    public async Task A_visitor_without_a_session_gets_the_sign_in_form_drawn_before_the_app_root_posting_back_to_this_page(string path, string back)
    {
        var (html, _) = await PageAsync(path);
        var first = html.IndexOf("<div id=\"pf-first\"><main class=\"pf-signin\">", StringComparison.Ordinal);
        Assert.InRange(first, html.IndexOf("<body>", StringComparison.Ordinal), html.IndexOf("<div id=\"root\">", StringComparison.Ordinal));
        Assert.Contains("<h1>appName@zh-CN</h1>", html);
        Assert.Contains($"<form method=\"post\" action=\"/api/auth/login/form\"><input type=\"hidden\" name=\"returnUrl\" value=\"{back}\" />", html);
        Assert.Contains("<label for=\"pf-first-userName\">userName@zh-CN</label>", html);
        Assert.Contains("id=\"pf-first-userName\" name=\"userName\" autocomplete=\"username\" required", html);
        Assert.Contains("<label for=\"pf-first-password\">password@zh-CN</label>", html);
        Assert.Contains("id=\"pf-first-password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required", html);
        Assert.Contains("<button type=\"submit\" class=\"adm-button adm-button-primary adm-button-block adm-button-large adm-button-shape-default\"><span>signIn@zh-CN</span></button>", html);
        Assert.Contains("<a href=\"/register\" class=\"pf-signin-other\">register@zh-CN</a>", html);
        // No union login is configured here, so none is offered.
        Assert.DoesNotContain("/api/auth/oidc/login", html);
        // A form post is allowed by the page's own policy.
        Assert.Contains("form-action 'self'", (await PageAsync(path)).Csp);
    }

    [Theory]
    [InlineData("/?signInError=password", "signInFailed@zh-CN")]
    [InlineData("/?signInError=no-account", "unionNoAccount@zh-CN")]
    [InlineData("/?signInError=failed", "unionFailed@zh-CN")]
    public async Task The_drawn_sign_in_says_why_the_last_attempt_failed(string path, string said)
    {
        var (html, _) = await PageAsync(path);
        Assert.Contains($"<p class=\"pf-error\" role=\"alert\">{said}</p>", html);
        Assert.Contains("name=\"returnUrl\" value=\"/\"", html);
        Assert.DoesNotContain("role=\"alert\"", (await PageAsync("/?signInError=other")).Html);
    }

    [Fact]
    public async Task The_drawn_sign_in_takes_the_readers_language_and_size_and_keeps_a_returnUrl_as_text()
    {
        var html = await PageWithCookiesAsync(server.CreateClient(), "formflow.locale=zh-TW; formflow.elder=1", "/cases?q=%22%3E%3Cscript%3E");
        Assert.Contains("<html lang=\"zh-TW\" class=\"elder\">", html);
        Assert.Contains("<span>signIn@zh-TW</span>", html);
        Assert.DoesNotContain("\"><script>", html);
        Assert.Contains("value=\"/cases?q=%22%3E%3Cscript%3E\"", html);
    }

    [Theory]
    [InlineData("/register")]
    [InlineData("/reset-password")]
    public async Task The_pages_before_a_session_that_are_not_sign_in_are_not_drawn_as_it(string path) =>
        Assert.DoesNotContain("pf-first", (await PageAsync(path)).Html);

    [Fact]
    public async Task The_drawn_hall_shows_a_name_holding_markup_as_text()
    {
        // A worker chooses their own display name when registering: drawn into the page, it must stay text.
        const string name = "<img src=x onerror=alert(1)>刘";
        await using (var db = server.OpenDb())
        {
            var account = db.Users.Single(a => a.UserName == "contestant-01");
            account.DisplayName = name;
            await db.SaveChangesAsync();
        }
        var html = await (await Api.CookieClientAsync(server, "contestant-01")).GetStringAsync("/");
        Assert.Contains("<span class=\"pf-who\">&lt;img src=x onerror=alert(1)&gt;刘</span>", html);
        Assert.DoesNotContain("<img src=x", html);
    }

    [Fact]
    public async Task The_drawn_hall_takes_the_readers_language_and_size_from_the_portals_cookies_and_ignores_an_unknown_language()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var html = await PageWithCookiesAsync(worker, "formflow.locale=en; formflow.elder=1");
        Assert.Contains("<html lang=\"en\" class=\"elder\">", html);
        Assert.Contains("<h2>hall@en</h2>", html);
        Assert.DoesNotContain("@zh-CN", html);

        var unknown = await PageWithCookiesAsync(worker, "formflow.locale=xx");
        Assert.Contains("<html lang=\"zh-CN\">", unknown);
        Assert.Contains("<h2>hall@zh-CN</h2>", unknown);
    }

    [Fact]
    public async Task A_staff_members_home_is_not_drawn_as_the_hall_but_their_hall_tab_is()
    {
        var reviewer = await Api.CookieClientAsync(server, "reviewer");
        Assert.DoesNotContain("pf-first", await reviewer.GetStringAsync("/"));
        var hall = await reviewer.GetStringAsync("/hall");
        Assert.Contains("<a href=\"/inbox\" class=\"pf-tab\">inbox@zh-CN</a>", hall);
        Assert.Contains("<a href=\"/hall\" class=\"pf-tab pf-tab-on\">hall@zh-CN</a>", hall);
    }

    private static async Task<string> PageWithCookiesAsync(HttpClient client, string cookies, string path = "/")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Pages_are_never_cached_and_allow_the_camera_of_this_origin_only()
    {
        var response = await server.CreateClient().GetAsync("/merchant");
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var permissions = Assert.Single(response.Headers.GetValues("Permissions-Policy"));
        Assert.Contains("camera=(self)", permissions);
        Assert.Contains("microphone=()", permissions);
    }

    [Theory]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/api/services/1/nothing")]
    [InlineData("/api")]
    [InlineData("/health/details")]
    [InlineData("/openapi/documents")]
    [InlineData("/assets/missing-123.js")]
    public async Task Unknown_server_paths_and_missing_files_stay_problem_404s(string path)
    {
        var problem = await Api.ProblemAsync(await server.CreateClient().GetAsync(path), HttpStatusCode.NotFound);
        Assert.Contains(path, Api.Text(problem));
    }

    [Fact]
    public async Task A_wrong_method_on_an_API_endpoint_stays_405_not_a_page()
    {
        var response = await server.CreateClient().GetAsync("/api/auth/login");
        await Api.ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task An_html_file_outside_the_two_pages_is_not_served()
    {
        var response = await server.CreateClient().GetAsync("/assets/stray.html");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("alert", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("identity", null)]
    public async Task Hashed_bundles_come_precompressed_when_accepted_and_cached_for_a_year(string acceptEncoding, string? encoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/assets/portal-abc.js");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        var response = await server.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(encoding, response.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());

        var plain = Decoded(await response.Content.ReadAsStreamAsync(), encoding);
        Assert.Equal(BuiltUiServer.Bundle, await new StreamReader(plain).ReadToEndAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/hall")]
    public async Task A_page_with_a_drawn_first_screen_carries_its_stylesheets_under_its_nonce_and_links_them_for_print_only(string path)
    {
        const string link = "<link rel=\"stylesheet\" crossorigin href=\"/assets/portal-abc.css\"";
        var signedOut = (await PageAsync(path)).Html;
        var signedIn = await (await Api.CookieClientAsync(server, "worker")).GetStringAsync(path);
        foreach (var html in new[] { signedOut, signedIn })
        {
            Assert.Contains("pf-first", html);
            var nonce = NonceMeta().Match(html).Groups[1].Value;
            Assert.InRange(html.IndexOf($"<style nonce=\"{nonce}\">{BuiltUiServer.Sheet}</style>{link} media=\"print\">", StringComparison.Ordinal),
                html.IndexOf("<head>", StringComparison.Ordinal), html.IndexOf("</head>", StringComparison.Ordinal));
            // A sheet that would close the style element early stays a link as built.
            Assert.Contains("<link rel=\"stylesheet\" crossorigin href=\"/assets/closing-abc.css\">", html);
            Assert.DoesNotContain("<i>", html);
        }

        // A page with no first screen links its sheets as built.
        var register = (await PageAsync("/register")).Html;
        Assert.Contains($"{link}>", register);
        Assert.DoesNotContain("<style", register);
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("identity", null)]
    public async Task Pages_come_compressed_when_accepted(string acceptEncoding, string? encoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        var response = await server.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding, response.Content.Headers.ContentEncoding.SingleOrDefault());
        var plain = Decoded(await response.Content.ReadAsStreamAsync(), encoding);
        Assert.Contains("<div id=\"pf-first\">", await new StreamReader(plain).ReadToEndAsync());
    }

    [Fact]
    public async Task Files_outside_assets_are_revalidated()
    {
        var response = await server.CreateClient().GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    private static Stream Decoded(Stream body, string? encoding) => encoding switch
    {
        "br" => new BrotliStream(body, CompressionMode.Decompress),
        "gzip" => new GZipStream(body, CompressionMode.Decompress),
        _ => body,
    };

    private async Task<(string Html, string Csp)> PageAsync(string path)
    {
        var response = await server.CreateClient().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return (html, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }
}

/// <summary>A server whose web root holds no build answers page requests with a problem naming the fix.</summary>
public sealed class UnbuiltWebUiTests(UnbuiltWebUiTests.EmptyRootServer server) : IClassFixture<UnbuiltWebUiTests.EmptyRootServer>
{
    public sealed class EmptyRootServer() : ServerFixture(FormFlow.Persistence.Database.DatabaseProvider.Sqlite)
    {
        private readonly string _root = Directory.CreateTempSubdirectory("formflow-ui-empty-").FullName;
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { [WebRoot.SettingKey] = _root };
    }

    [Fact]
    public async Task The_portal_page_is_a_404_problem_that_says_how_to_build_it()
    {
        var problem = await Api.ProblemAsync(await server.CreateClient().GetAsync("/"), HttpStatusCode.NotFound);
        Assert.Contains("npm run build", Api.Text(problem));
        Assert.Contains(WebRoot.SettingKey, Api.Text(problem));
    }
}
