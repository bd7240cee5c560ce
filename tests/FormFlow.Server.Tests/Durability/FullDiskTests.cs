using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Durability;

/// <summary>
/// A database whose disk is full gives 503 ProblemDetails with Retry-After, never a 500, and stores nothing of the
/// refused request; the same request (same Idempotency-Key) succeeds once there is space again. Found by the fault
/// soak (tests/load/soak.sh), which answered 500 to every write while it held SQLite's disk full.
/// </summary>
public sealed class FullDiskTests(FullDiskServer server) : IClassFixture<FullDiskServer>
{
    [Fact]
    public async Task A_submission_the_full_disk_cannot_hold_is_503_with_retry_after_and_its_retry_succeeds_once_there_is_space()
    {
        var worker = await Api.CookieClientAsync(server, "worker");
        var serviceId = await CaseServer.ServiceIdAsync(worker, "join");
        var data = await CaseServer.JoinDataAsync(worker);
        await using var db = server.OpenDb();
        Task<HttpResponseMessage> Submit(string key) => worker.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/services/{serviceId}/cases")
        {
            Content = JsonContent.Create(new { data }), Headers = { { "Idempotency-Key", key } },
        });

        server.Full = true;
        try
        {
            // Writes go on while the file's free pages last; the first one that needs a new page meets the full disk.
            HttpResponseMessage refused;
            var n = 0;
            for (; (refused = await Submit($"full-{n}")).StatusCode == HttpStatusCode.Created; n++)
                Assert.True(n < 500, "500 submissions fitted in the database's free pages");
            var before = await db.Cases.CountAsync();
            var problem = await Api.ProblemAsync(refused, HttpStatusCode.ServiceUnavailable);
            Assert.Contains("disk is full", Api.Text(problem));
            Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Submit($"full-{n}")).StatusCode);
            Assert.Equal(before, await db.Cases.CountAsync());
            Assert.False(await db.SubmissionKeys.AnyAsync(k => k.Key == $"full-{n}"));

            server.Full = false;
            Assert.Equal(HttpStatusCode.Created, (await Submit($"full-{n}")).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await Submit($"full-{n}")).StatusCode); // the retry answers as the first did
            Assert.Equal(before + 1, await db.Cases.CountAsync());
        }
        finally
        {
            server.Full = false;
        }
    }
}
