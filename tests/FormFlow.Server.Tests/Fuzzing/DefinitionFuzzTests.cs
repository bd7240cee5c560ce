using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;
using FormFlow.Tests.Cli;

namespace FormFlow.Server.Tests.Fuzzing;

/// <summary>
/// The engine's inputs through the API: a designer sends seeded mutations of the shipped join package (its draft),
/// a derived module's overlay, a workflow and an Elsa 3 export. Never a 5xx; a refusal is a 4xx ProblemDetails with a
/// title; an answer comes within the bound. FORMFLOW_FUZZ_SEED replays a run.
/// </summary>
public sealed class DefinitionFuzzTests(FuzzedServer server) : IClassFixture<FuzzedServer>
{
    private const int Rounds = 25;
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(10);
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("FORMFLOW_FUZZ_SEED"), out var s) ? s : 20261206;

    [Fact]
    public async Task Mutated_definitions_sent_by_a_designer_are_refused_with_named_problems()
    {
        var designer = await server.SignedInClientAsync("designer");
        var admin = await server.SignedInClientAsync("district-admin");
        var modules = JsonNode.Parse(await designer.GetStringAsync("/api/modules"))!.AsArray();
        var cityJoin = modules.Single(m => (string?)m!["key"] == "join" && (string?)m["kind"] == "template")!["id"]!;
        var districtJoin = JsonNode.Parse(await admin.GetStringAsync("/api/modules"))!.AsArray()
            .First(m => (string?)m!["key"] == "join" && (string?)m["kind"] == "derived")!["id"]!;
        var package = await designer.GetStringAsync($"/api/modules/{cityJoin}/draft");
        var overlay = await admin.GetStringAsync($"/api/modules/{districtJoin}/overlay");
        var workflow = JsonNode.Parse(package)!["workflow"]!.ToJsonString();
        var elsa = File.ReadAllText(RepositoryFiles.Path("tests", "conformance", "elsa", "05-fork-join-wait-all.json"));

        var mutations = new DefinitionMutations(new Random(Seed));
        var findings = new List<string>();
        var statuses = new List<int>();
        for (var round = 0; round < Rounds; round++)
        {
            await SendAsync(designer, HttpMethod.Put, $"/api/modules/{cityJoin}/draft", mutations.Mutate(package), text => text, round, findings, statuses);
            await SendAsync(admin, HttpMethod.Put, $"/api/modules/{districtJoin}/overlay", mutations.Mutate(overlay), text => text, round, findings, statuses);
            await SendAsync(designer, HttpMethod.Post, "/api/validate/workflow", mutations.Mutate(workflow), text => $"{{\"workflow\":{text}}}", round, findings, statuses);
            await SendAsync(designer, HttpMethod.Post, "/api/import/elsa", mutations.Mutate(elsa), text => $"{{\"json\":{text}}}", round, findings, statuses);
        }
        // Most mutations break a definition: the checks were reached, not passed by.
        Assert.True(statuses.Count(c => c is >= 400 and < 500) > Rounds, $"only {statuses.Count(c => c >= 400)} of {statuses.Count} refused");
        Assert.True(findings.Count == 0, $"seed {Seed}: {findings.Count} findings:\n{string.Join("\n", findings.Take(40))}");
    }

    private static async Task SendAsync(HttpClient client, HttpMethod method, string url, (string Text, string What) mutated,
        Func<string, string> body, int round, List<string> findings, List<int> statuses)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(new HttpRequestMessage(method, url)
        {
            Content = new StringContent(body(mutated.Text), Encoding.UTF8, "application/json"),
        });
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        statuses.Add(status);
        var where = $"round {round}, {method} {url} ({mutated.What})";
        if (status >= 500) findings.Add($"{status} at {where}: {(text.Length > 300 ? text[..300] : text)}");
        else if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json" && text.Length > 0)
            findings.Add($"{status} without ProblemDetails at {where}");
        if (clock.Elapsed > AnswerBound) findings.Add($"{clock.Elapsed.TotalSeconds:F1} s at {where}");
    }
}
