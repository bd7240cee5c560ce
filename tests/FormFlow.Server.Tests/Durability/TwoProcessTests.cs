using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using FormFlow.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Durability;

/// <summary>
/// Two server processes share one PostgreSQL database and handle 1,000 cases: submissions alternate between them,
/// both dispatchers claim timers and effects from the same tables, and every review task is approved through both
/// processes at once. No task is created twice, no step runs twice, one approval of each pair wins and the other gets
/// 409, and every case finishes.
/// </summary>
[Collection(ServerProcess.Collection)]
public sealed class TwoProcessTests
{
    private const int Cases = 1000;

    [Fact]
    public async Task Two_processes_on_one_database_handle_a_thousand_cases_with_every_step_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var secondFolder = Directory.CreateTempSubdirectory("formflow-second-").FullName;
        await using var a = await DurableServer.StartAsync(database);
        await using var b = await DurableServer.StartAsync(database, secondFolder);
        ServerProcess[] servers = [a, b];
        var workers = await Task.WhenAll(servers.Select(s => DurableServer.ClientAsync(s, "worker")));
        var reviewers = await Task.WhenAll(servers.Select(s => DurableServer.ClientAsync(s, "reviewer")));
        var serviceId = await DurableServer.ServiceIdAsync(workers[0]);
        await SignInHoldsAtTheOtherProcessAsync(a, b);

        var next = -1;
        var acknowledged = new ConcurrentBag<long>();
        var refused = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (int n; (n = Interlocked.Increment(ref next)) < Cases;)
            {
                var response = await workers[n % 2].PostAsJsonAsync($"/api/services/{serviceId}/cases", new { data = new { subject = $"第 {n} 件" } });
                if (response.StatusCode == HttpStatusCode.Created) acknowledged.Add((await Api.JsonAsync(response))["id"]!.GetValue<long>());
                else refused.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        })));
        Assert.Empty(refused);
        Assert.Equal(Cases, acknowledged.Distinct().Count());

        // Review tasks appear once the cases' timers fired; each is approved through both processes at once.
        var pairs = new ConcurrentBag<string>();
        await DurableServer.WaitUntilAsync(async () =>
        {
            await using var db = FormFlowDatabase.CreateContext(database.Settings);
            var open = await db.CaseTasks.Where(t => t.CompletedAt == null).Select(t => t.Id).ToListAsync();
            await Parallel.ForEachAsync(open, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) =>
            {
                var answers = await Task.WhenAll(reviewers.Select(r => DurableServer.ApproveAsync(r, id)));
                pairs.Add(string.Join(" ", answers.Select(r => (int)r.StatusCode).Order()));
            });
            return await ExactlyOnce.UnfinishedAsync(db) == 0;
        }, TimeSpan.FromSeconds(150), async () =>
        {
            await using var db = FormFlowDatabase.CreateContext(database.Settings);
            return $"{await ExactlyOnce.UnfinishedAsync(db)} cases, timers or effects unfinished";
        });
        Assert.Equal(Cases, pairs.Count);
        Assert.All(pairs, p => Assert.Equal("200 409", p));

        await using (var db = FormFlowDatabase.CreateContext(database.Settings))
        {
            Assert.Equal(Cases, await db.Cases.CountAsync());
            await ExactlyOnce.AssertAsync(db);
            // Both dispatchers took part: claims name the process that made them.
            var claimants = await db.Outbox.Select(o => o.ClaimedBy!).Concat(db.CaseTimers.Select(t => t.ClaimedBy!)).ToListAsync();
            Assert.All(servers, s => Assert.Contains(claimants, c => c.Contains($":{s.Id}:")));
        }
        try { Directory.Delete(secondFolder, recursive: true); } catch (IOException) { }
    }

    /// <summary>Behind a load balancer the next request may go to the other process: a sign-in at one holds at the other.</summary>
    private static async Task SignInHoldsAtTheOtherProcessAsync(ServerProcess first, ServerProcess second)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false });
        var signIn = await client.PostAsJsonAsync(new Uri(first.BaseAddress, "/api/auth/login"), new { userName = "worker", password = Api.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        using var me = new HttpRequestMessage(HttpMethod.Get, new Uri(second.BaseAddress, "/api/me"));
        me.Headers.Add("Cookie", string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var answer = await client.SendAsync(me);
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"the second process refused the first's sign-in: {(int)answer.StatusCode}");
    }
}
