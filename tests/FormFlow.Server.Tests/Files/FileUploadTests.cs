using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Files;

/// <summary>Uploads for file, image and signature fields: checked by content, readable by the uploader and their union's staff only.</summary>
public abstract class FileUploadTests(ServerFixture server)
{
    private static readonly byte[] Png = TestFiles.Png;

    private static MultipartFormDataContent Upload(byte[] content, string name, string contentType, string field = "file") =>
        TestFiles.Multipart(content, name, contentType, field);

    private static Task<JsonObject> UploadPngAsync(HttpClient client, string name = "签名.png") => TestFiles.UploadPngAsync(client, name);

    [Fact]
    public async Task A_worker_uploads_an_image_and_gets_a_file_reference_they_can_read_back()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var file = await UploadPngAsync(worker, "C:\\photos\\我的签名.png");
        Assert.Equal("我的签名.png", file["name"]!.GetValue<string>());
        Assert.Equal("image/png", file["contentType"]!.GetValue<string>());
        Assert.Equal(Png.Length, file["size"]!.GetValue<long>());
        Assert.Matches("^[0-9a-f]{32}$", file["id"]!.GetValue<string>());

        var read = await worker.GetAsync($"/api/files/{file["id"]}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("image/png", read.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await read.Content.ReadAsByteArrayAsync());
        Assert.Contains("sandbox", read.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("reviewer", HttpStatusCode.OK)]        // the worker's grassroots union
    [InlineData("district-admin", HttpStatusCode.OK)]  // the district above it
    [InlineData("designer", HttpStatusCode.OK)]        // the city
    [InlineData("merchant", HttpStatusCode.NotFound)]  // verification only
    public async Task Staff_of_the_uploaders_unions_read_the_file_and_others_are_told_it_does_not_exist(string userName, HttpStatusCode expected)
    {
        var file = await UploadPngAsync(await Api.CookieClientAsync(server, "worker"));
        var reader = await Api.BearerClientAsync(server, userName);
        var response = await reader.GetAsync($"/api/files/{file["id"]}");
        if (expected == HttpStatusCode.OK) Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
        else Assert.Contains(file["id"]!.GetValue<string>(), Api.Text(await Api.ProblemAsync(response, expected)));
    }

    [Fact]
    public async Task A_file_uploaded_by_staff_is_not_readable_by_a_worker()
    {
        var file = await UploadPngAsync(await Api.CookieClientAsync(server, "reviewer"));
        var response = await (await Api.CookieClientAsync(server, "worker")).GetAsync($"/api/files/{file["id"]}");
        await Api.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Content_that_is_not_what_it_claims_is_refused_and_nothing_is_stored()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var before = await CountAsync();
        var script = Encoding.UTF8.GetBytes("<script>alert(1)</script>");
        var problem = await Api.ProblemAsync(await worker.PostAsync("/api/files", Upload(script, "photo.png", "image/png")), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("photo.png", Api.Text(problem));
        await Api.ProblemAsync(await worker.PostAsync("/api/files", Upload(script, "page.html", "text/html")), HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Undeclared_content_is_recognised_by_its_bytes()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n");
        var file = await Api.JsonAsync(await worker.PostAsync("/api/files", Upload(pdf, "合同.pdf", "application/octet-stream")));
        Assert.Equal("application/pdf", file["contentType"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_request_without_the_file_field_or_not_multipart_names_the_field()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var wrongField = await Api.ProblemAsync(await worker.PostAsync("/api/files", Upload(Png, "a.png", "image/png", field: "photo")), HttpStatusCode.BadRequest);
        Assert.Contains("'file'", Api.Text(wrongField));
        var json = await Api.ProblemAsync(await worker.PostAsync("/api/files", new StringContent("{}", Encoding.UTF8, "application/json")), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("multipart/form-data", Api.Text(json));
        await Api.ProblemAsync(await worker.PostAsync("/api/files", Upload([], "empty.png", "image/png")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_413_naming_the_upload_limit()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var big = new byte[(10 << 20) + 1];
        Png.CopyTo(big, 0);
        var problem = await Api.ProblemAsync(await worker.PostAsync("/api/files", Upload(big, "big.png", "image/png")), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("10485760", Api.Text(problem));
    }

    [Fact]
    public async Task Uploading_needs_a_signed_in_account()
    {
        var anonymous = server.CreateClient();
        await Api.ProblemAsync(await anonymous.PostAsync("/api/files", Upload(Png, "a.png", "image/png")), HttpStatusCode.Unauthorized);
    }

    private async Task<int> CountAsync()
    {
        await using var db = server.OpenDb();
        return await db.Files.CountAsync();
    }
}

public sealed class SqliteFileUploadTests(SqliteServer server) : FileUploadTests(server), IClassFixture<SqliteServer>;

public sealed class PostgresFileUploadTests(PostgresServer server) : FileUploadTests(server), IClassFixture<PostgresServer>;
