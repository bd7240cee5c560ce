using System.Text.Json.Nodes;
using FormFlow.Persistence.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>
/// A case server whose templates are the shipped ones (with <c>survey</c> and <c>vote</c>) plus variants of the
/// survey made for policy tests, each activated at the demo city: <c>pollDaily</c> (once a day, anonymous to
/// handlers, results after it closes on 2026-03-10), <c>pollWindow</c> (open only 2026-03-03 08:00–2026-03-04 08:00
/// Beijing time), <c>pollMembers</c> (members only), <c>pollOpen</c> (unlimited, named) and <c>benefitsClosed</c>
/// (the benefits case service with a window that closed before the clock's start).
/// </summary>
public class ResponseServer(DatabaseProvider provider) : CaseServer(provider)
{
    private readonly string _templates = Templates();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["FormFlow:ModuleTemplates"] = _templates,
    };

    private static string Templates()
    {
        var copy = TemplateCopies.Make();
        Variant(copy, "survey", "pollDaily", new() { ["responseLimit"] = "day", ["responseAnonymity"] = "anonymousToHandlers", ["resultsVisibility"] = "afterClose", ["responseClosesAt"] = "2026-03-10T00:00:00Z" });
        Variant(copy, "survey", "pollWindow", new() { ["responseOpensAt"] = "2026-03-03T00:00:00Z", ["responseClosesAt"] = "2026-03-04T00:00:00Z" });
        Variant(copy, "survey", "pollMembers", new() { ["responseEligibility"] = "applicant.isMember" });
        Variant(copy, "survey", "pollOpen", new() { ["responseLimit"] = "unlimited" });
        Variant(copy, "benefits", "benefitsClosed", new() { ["responseClosesAt"] = "2026-03-01T00:00:00Z" });
        return copy;
    }

    private static void Variant(string templates, string from, string key, Dictionary<string, JsonNode?> settings)
    {
        var folder = Path.Combine(templates, key);
        FolderCopy.Into(Path.Combine(templates, from), folder);
        var manifest = Path.Combine(folder, "module.json");
        var module = JsonNode.Parse(File.ReadAllText(manifest))!.AsObject();
        module.Remove("$schema");
        module["id"] = key;
        var own = module["settings"] as JsonObject ?? (JsonObject)(module["settings"] = new JsonObject());
        foreach (var (name, value) in settings) own[name] = new JsonObject { ["value"] = value?.DeepClone() };
        File.WriteAllText(manifest, module.ToJsonString());
    }

    /// <summary>A survey answer the needs-survey form accepts.</summary>
    public static JsonObject SurveyAnswer(string suggestion = "希望增加夜班职工的健康体检") => new()
    {
        ["needs"] = new JsonArray("training", "health"), ["jobType"] = "production", ["satisfaction"] = 4,
        ["overtimeHours"] = 12, ["joinedActivity"] = true, ["suggestion"] = suggestion,
    };

    /// <summary>A ballot for the shipped vote: the candidates chosen (1 or 2 of wangmin, lijun, zhaoli, chenhao).</summary>
    public static JsonObject Ballot(params string[] candidates) => new() { ["candidates"] = new JsonArray(candidates.Select(c => (JsonNode)c).ToArray()) };
}

public sealed class SqliteResponseServer() : ResponseServer(DatabaseProvider.Sqlite);

public sealed class PostgresResponseServer() : ResponseServer(DatabaseProvider.Postgres);

/// <summary>The response server logging everything down to Debug (EF Core's SQL and ASP.NET Core's requests included) into <see cref="Logs"/>.</summary>
public class LoggedResponseServer(DatabaseProvider provider) : ResponseServer(provider)
{
    public CapturedLogs Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => CapturedLogs.Everything(base.Settings);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs));
    }
}

public sealed class SqliteLoggedResponseServer() : LoggedResponseServer(DatabaseProvider.Sqlite);

public sealed class PostgresLoggedResponseServer() : LoggedResponseServer(DatabaseProvider.Postgres);
