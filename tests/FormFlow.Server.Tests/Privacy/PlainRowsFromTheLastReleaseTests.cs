using System.Net.Http.Json;
using FormFlow.Persistence.FormDrafts;
using FormFlow.Server.Privacy;
using FormFlow.Server.Tests.Cases;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Privacy;

/// <summary>
/// A database written before sealing opens and loses nothing: plain drafts and cases read in full, and a draft is
/// sealed when it is saved again.
/// </summary>
public abstract class PlainRowsFromTheLastReleaseTests(CaseServer server)
{
    [Fact]
    public async Task A_plain_draft_and_case_read_in_full_and_the_draft_is_sealed_when_saved_again()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var serviceId = await CaseServer.ServiceIdAsync(worker, "join");
        var caseId = (await CaseServer.SubmitJoinAsync(worker))["id"]!.GetValue<long>();
        var plain = await CaseServer.JoinDataAsync(worker);
        await using (var db = server.OpenDb()) // a context without the server's sealing, as the last release wrote
        {
            var accountId = await db.Users.Where(a => a.UserName == "worker").Select(a => a.Id).SingleAsync();
            await db.FormDrafts.Where(d => d.AccountId == accountId).ExecuteDeleteAsync();
            db.FormDrafts.Add(new FormDraft { AccountId = accountId, ServiceActivationId = serviceId, Data = plain.ToJsonString(), SavedAt = server.Clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
            await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(c => c.SetProperty(x => x.Data, plain.ToJsonString()));
        }

        var draftPath = $"/api/services/{serviceId}/draft";
        var draft = await Api.JsonAsync(await worker.GetAsync(draftPath));
        Assert.Equal(PersonalDataFlow.ResidentId, draft["data"]!["residentId"]!.GetValue<string>());
        Assert.Equal(PersonalDataFlow.Mobile, (await Api.JsonAsync(await worker.GetAsync($"/api/cases/{caseId}")))["data"]!["mobile"]!.GetValue<string>());
        var admin = await Api.CookieClientAsync(server, "district-admin");
        var revealed = await Api.JsonAsync(await admin.PostAsJsonAsync($"/api/cases/{caseId}/reveal", new { fields = new[] { "residentId" }, reason = "核对身份" }));
        Assert.Equal(PersonalDataFlow.ResidentId, revealed["values"]!["residentId"]!.GetValue<string>());

        server.Clock.Advance(TimeSpan.FromMinutes(1)); // the applicant saves again later, as it was
        await Api.JsonAsync(await worker.PutAsJsonAsync(draftPath, new { data = draft["data"] }));
        await using (var db = server.OpenDb())
            Assert.True(PiiProtector.IsSealed(await db.FormDrafts.Where(d => d.ServiceActivationId == serviceId && d.AccountId == db.Users.Single(a => a.UserName == "worker").Id).Select(d => d.Data).SingleAsync()));
        Assert.Equal(PersonalDataFlow.ResidentId, (await Api.JsonAsync(await worker.GetAsync(draftPath)))["data"]!["residentId"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_file_named_in_plain_text_downloads_under_its_name()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var id = (await TestFiles.UploadPngAsync(worker, "李晓红的签名.png"))["id"]!.GetValue<string>();
        await using (var db = server.OpenDb())
        {
            Assert.True(PiiProtector.IsSealed(await db.Files.Where(f => f.Id == id).Select(f => f.Name).SingleAsync()));
            await db.Files.Where(f => f.Id == id).ExecuteUpdateAsync(f => f.SetProperty(x => x.Name, "王芳的签名.png"));
        }
        var download = await worker.GetAsync($"/api/files/{id}");
        Assert.Equal(new System.Net.Mime.ContentDisposition { FileName = "王芳的签名.png", Inline = true }.ToString(), download.Content.Headers.ContentDisposition?.ToString());
    }
}

public sealed class SqlitePlainRowsFromTheLastReleaseTests(SqliteCaseServer server) : PlainRowsFromTheLastReleaseTests(server), IClassFixture<SqliteCaseServer>;

public sealed class PostgresPlainRowsFromTheLastReleaseTests(PostgresCaseServer server) : PlainRowsFromTheLastReleaseTests(server), IClassFixture<PostgresCaseServer>;
