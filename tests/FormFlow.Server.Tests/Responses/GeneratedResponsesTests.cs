using System.Text.Json.Nodes;
using FormFlow.Cli;
using FormFlow.Engine.Forms.Definitions;
using FormFlow.Engine.Forms.Loading;
using FormFlow.Engine.Responses;
using FormFlow.Persistence.Database;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Responses;

/// <summary>
/// `formflow responses generate` (the data behind the results benchmark): what it writes in bulk is what the answer
/// path leaves — one participation and one response per member, and tallies equal to a recount of the stored answers.
/// </summary>
public abstract class GeneratedResponsesTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Generated_tallies_equal_a_recount_of_the_generated_answers_and_a_second_run_reuses_the_service()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        string[] args = ["responses", "generate", "--provider", provider.ToString().ToLowerInvariant(), "--connection", database.Settings.ConnectionString,
            "--answers", "2000", "--questions", "20", "--orgs", "7", "--seed", "5"];
        var (code, output, errors) = CliRun.Of(args);
        Assert.True(code == ExitCodes.Ok, errors);
        var service = (int)output["service"]!;
        Assert.False((bool)output["reused"]!);

        await using var db = database.Open();
        var content = await db.ModuleSnapshots.Where(s => s.Hash == db.ServiceActivations.Single(a => a.Id == service).SnapshotHash).Select(s => s.Content).SingleAsync();
        var form = FormDefinitionLoader.Load(JsonNode.Parse(content)!["forms"]![0]!.AsObject());
        Assert.Equal(20, form.DataFields().Count());
        Assert.Equal(["boolean", "choice", "multiChoice", "number", "rating", "text"], form.DataFields().Select(f => f.Type).Distinct().Order(StringComparer.Ordinal));

        var responses = await db.Responses.AsNoTracking().Where(r => r.ServiceActivationId == service).Select(r => new { r.AccountId, r.OrgUnitId, r.Data }).ToListAsync();
        var participations = await db.Participations.AsNoTracking().Where(p => p.ServiceActivationId == service).ToListAsync();
        Assert.Equal(2000, responses.Select(r => r.AccountId).Distinct().Count());
        Assert.Equal(responses.Select(r => (r.AccountId, r.OrgUnitId)).Order(), participations.Select(p => (p.AccountId, p.OrgUnitId)).Order());
        Assert.All(participations, p => Assert.Equal("once", p.PeriodKey));
        Assert.Equal(7, responses.Select(r => r.OrgUnitId).Distinct().Count());

        var recount = new Dictionary<(int, string, string), (long Count, double Sum)>();
        foreach (var response in responses)
            foreach (var bucket in AnswerBuckets.Of(form, JsonNode.Parse(response.Data)!.AsObject()))
            {
                recount.TryGetValue((response.OrgUnitId, bucket.Field, bucket.Bucket), out var c);
                recount[(response.OrgUnitId, bucket.Field, bucket.Bucket)] = (c.Count + 1, c.Sum + bucket.Sum);
            }
        var tallies = (await db.ResponseTallies.AsNoTracking().Where(t => t.ServiceActivationId == service).ToListAsync())
            .ToDictionary(t => (t.OrgUnitId, t.Field, t.Bucket), t => (t.Count, t.Sum));
        Assert.Equal(2000, tallies.Where(t => t.Key.Field == AnswerBuckets.Answers).Sum(t => t.Value.Count));
        Assert.Equal(recount.Keys.Order(), tallies.Keys.Order());
        foreach (var (key, (count, sum)) in recount)
        {
            Assert.Equal(count, tallies[key].Count);
            Assert.Equal(sum, tallies[key].Sum, 6);
        }

        var (again, second, _) = CliRun.Of(args);
        Assert.Equal(ExitCodes.Ok, again);
        Assert.True((bool)second["reused"]!);
        Assert.Equal(service, (int)second["service"]!);
        Assert.Equal(2000, await db.Participations.CountAsync(p => p.ServiceActivationId == service));
    }
}

public sealed class SqliteGeneratedResponsesTests() : GeneratedResponsesTests(DatabaseProvider.Sqlite);

public sealed class PostgresGeneratedResponsesTests() : GeneratedResponsesTests(DatabaseProvider.Postgres);
