using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using FormFlow.Server.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace FormFlow.Server.Tests.Fuzzing;

/// <summary>
/// Every operation of the OpenAPI document, as an anonymous caller, a worker and a designer, gets malformed input
/// drawn from a seeded generator: never a 5xx; a 4xx is a ProblemDetails with a title; a refused batch changes no row
/// of the main tables nor the audit log; every answer comes within a bound. FORMFLOW_FUZZ_SEED replays a run (the
/// seed is printed); FORMFLOW_FUZZ_CASES sets how many inputs each operation and caller get (default 12).
/// </summary>
public sealed class ApiFuzzTests(FuzzedServer server, ITestOutputHelper output) : IClassFixture<FuzzedServer>
{
    private const int DefaultSeed = 20261206;
    private static readonly TimeSpan AnswerBound = TimeSpan.FromSeconds(10);
    private static readonly string[] Callers = ["anonymous", "worker", "designer"];

    [Fact]
    public async Task Every_operation_answers_malformed_input_with_a_named_4xx_and_changes_nothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FORMFLOW_FUZZ_SEED"), out var s) ? s : DefaultSeed;
        var cases = int.TryParse(Environment.GetEnvironmentVariable("FORMFLOW_FUZZ_CASES"), out var c) ? c : 12;
        var document = JsonNode.Parse(await server.CreateClient().GetStringAsync("/openapi/v1.json"))!.AsObject();
        var operations = ApiOperation.From(document);
        var generator = new BadRequests(document, new Random(seed));
        var findings = new List<string>();
        var covered = new HashSet<string>();
        var sent = 0;

        foreach (var operation in operations)
        foreach (var caller in Callers)
        {
            using var client = caller == "anonymous" ? server.CreateClient() : await server.SignedInClientAsync(caller);
            var before = await RowCountsAsync();
            var changedSomething = false;
            foreach (var request in generator.For(operation, cases))
            {
                var clock = Stopwatch.StartNew();
                using var response = await client.SendAsync(request.ToMessage());
                var body = await response.Content.ReadAsStringAsync();
                sent++;
                var status = (int)response.StatusCode;
                if (status >= 500) findings.Add($"{status} for {caller}: {request}: {Short(body)}");
                else if (status >= 400 && !IsNamedProblem(response, body) && !RefusedByKestrel(request, response, body)) findings.Add($"{status} without a named ProblemDetails for {caller}: {request}: {Short(body)}");
                if (clock.Elapsed > AnswerBound) findings.Add($"{clock.Elapsed.TotalSeconds:F1} s for {caller}: {request}");
                changedSomething |= status < 400 || IsAuditedSignInFailure(operation, status);
            }
            covered.Add(operation.ToString());
            if (!changedSomething && await RowCountsAsync() is var after && after != before)
                findings.Add($"refused input changed rows for {caller} on {operation}: {before} → {after}");
        }

        output.WriteLine($"fuzz seed {seed}: {sent} requests, coverage {covered.Count}/{operations.Count} operations ({100 * covered.Count / operations.Count}%)");
        Console.WriteLine($"API fuzz (seed {seed}): {sent} requests, coverage {covered.Count}/{operations.Count} operations");
        Assert.Equal(operations.Count, covered.Count);
        Assert.True(findings.Count == 0, $"seed {seed}: {findings.Count} findings:\n" + string.Join("\n", findings.Distinct().Take(60)));
    }

    /// <summary>
    /// Kestrel refuses a request line with a NUL in the path before the app runs, with an empty 400 that no app code
    /// can turn into ProblemDetails.
    /// </summary>
    private static bool RefusedByKestrel(BadRequest request, HttpResponseMessage response, string body) =>
        request.Url.Contains("%00") && response.StatusCode == HttpStatusCode.BadRequest && body.Length == 0;

    /// <summary>A well-formed sign-in with wrong credentials is refused and audited, on purpose: it is not malformed input.</summary>
    private static bool IsAuditedSignInFailure(ApiOperation operation, int status) =>
        status == (int)HttpStatusCode.Unauthorized && operation.Path.StartsWith("/api/auth/", StringComparison.Ordinal);

    private static bool IsNamedProblem(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return false;
        try
        {
            return JsonNode.Parse(body) is JsonObject problem && !string.IsNullOrWhiteSpace((string?)problem["title"]);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>The rows of the tables a request could write, and the audit log.</summary>
    private async Task<string> RowCountsAsync()
    {
        await using var db = server.OpenDb();
        long[] counts =
        [
            await db.Cases.CountAsync(), await db.CaseTasks.CountAsync(), await db.FormDrafts.CountAsync(), await db.Files.CountAsync(),
            await db.Modules.CountAsync(), await db.ModuleVersions.CountAsync(), await db.ServiceActivations.CountAsync(),
            await db.Members.CountAsync(), await db.Redemptions.CountAsync(), await db.Notifications.CountAsync(),
            await db.OrgUnits.CountAsync(), await db.Users.CountAsync(), await db.RoleAssignments.CountAsync(), await db.AuditEntries.CountAsync(),
        ];
        return string.Join(",", counts);
    }

    private static string Short(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
