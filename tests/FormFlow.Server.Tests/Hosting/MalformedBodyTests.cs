using System.Net;
using System.Text;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Hosting;

/// <summary>
/// Bodies the API fuzzer (Fuzzing/ApiFuzzTests) found answered with 500: each is now a 400 ProblemDetails naming the
/// problem, refused where the body enters the server, and nothing is stored.
/// </summary>
public sealed class MalformedBodyTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    [Fact]
    public async Task A_submission_with_a_lone_surrogate_is_400_naming_the_field_and_creates_no_case()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var service = await CaseServer.ServiceIdAsync(worker, "join");
        var before = await CountAsync();
        var response = await worker.PostAsync($"/api/services/{service}/cases",
            new StringContent("""{"data":{"contactName":"\ud800","contactMobile":"13800138000"}}""", Encoding.UTF8, "application/json"));
        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("/data/contactName", Api.Text(problem));
        Assert.Contains("UTF-16", Api.Text(problem));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_draft_with_a_lone_surrogate_in_a_list_names_its_index()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var service = await CaseServer.ServiceIdAsync(worker, "join");
        var response = await worker.PutAsync($"/api/services/{service}/draft",
            new StringContent("""{"data":{"children":[{"name":"ok"},{"name":"a\udc00b"}]}}""", Encoding.UTF8, "application/json"));
        var problem = await Api.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("/data/children/1/name", Api.Text(problem));
    }

    [Fact]
    public async Task A_body_that_is_not_UTF8_is_400_naming_the_byte()
    {
        var designer = await Api.CookieClientAsync(server, "designer");
        var body = new ByteArrayContent([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        body.Headers.ContentType = new("application/json");
        var problem = await Api.ProblemAsync(await designer.PutAsync("/api/modules/1/draft", body), HttpStatusCode.BadRequest);
        Assert.Contains("not valid UTF-8 (at byte 2)", Api.Text(problem));
    }

    [Theory]
    [InlineData("multipart/form-data", "--x\r\n\r\n")]
    [InlineData("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n")]
    public async Task A_broken_multipart_upload_is_400_and_stores_no_file(string contentType, string text)
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        await using var db = server.OpenDb();
        var files = await db.Files.CountAsync();
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        body.Headers.TryAddWithoutValidation("Content-Type", contentType);
        var problem = await Api.ProblemAsync(await worker.PostAsync("/api/files", body), HttpStatusCode.BadRequest);
        Assert.Contains("multipart", Api.Text(problem));
        Assert.Equal(files, await db.Files.CountAsync());
    }

    private async Task<(int, int)> CountAsync()
    {
        await using var db = server.OpenDb();
        return (await db.Cases.CountAsync(), await db.AuditEntries.CountAsync());
    }
}
