using System.CommandLine;
using FormFlow.Persistence.Database;
using FormFlow.Server.Demo;

namespace FormFlow.Cli.CityGeneration;

/// <summary>
/// `formflow db generate --members 1000000 --orgs 3000 --years 3 --seed 42 [--until yyyy-MM-dd] [--case-rate 1]
/// [--provider sqlite|postgres] [--connection ...] [--data-folder ./data] [--templates folder] [--append]` — a city of
/// that many members and grassroots unions with that many years of history (see <see cref="CityGenerator"/>). Progress
/// on stderr; on stdout the org units the demo accounts sit at, the rows written per table and the seconds taken.
/// </summary>
internal static class CityCommand
{
    public static Command Create(DatabaseOptions database)
    {
        var members = new Option<int>("--members") { Description = "members of the city (each with an account)", Required = true };
        var orgs = new Option<int>("--orgs") { Description = "grassroots unions (districts: one per 300, streets: one per 20)", Required = true };
        var years = new Option<int>("--years") { Description = "years of history up to --until", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "seed of everything random: the same seed gives the same rows", DefaultValueFactory = _ => 42 };
        var until = new Option<string?>("--until") { Description = "end of the history, yyyy-MM-dd (UTC midnight; default today)" };
        var caseRate = new Option<double>("--case-rate") { Description = "scales the cases, redemptions and answers per member and year (1 = the plan's rates)", DefaultValueFactory = _ => 1.0 };
        var templates = new Option<string?>("--templates") { Description = "folder of module templates (default: those shipped beside the program)" };
        var append = new Option<bool>("--append") { Description = "add the city to a database that already holds org units" };
        var generate = database.AddTo(new Command("generate", "Fill an empty database with a generated city: org tree, members, services, cases, redemptions, answers.")
            { members, orgs, years, seed, until, caseRate, templates, append });
        generate.SetAction(async (result, ct) =>
        {
            var plan = CityPlan.Parse(result.GetValue(members), result.GetValue(orgs), result.GetValue(years), result.GetValue(seed),
                result.GetValue(until), result.GetValue(caseRate));
            var folder = Path.GetFullPath(result.GetValue(templates) ?? Path.Combine(AppContext.BaseDirectory, "module-templates"));
            if (!Directory.Exists(folder)) throw new CliException($"--templates: the folder {folder} does not exist");
            var settings = database.Resolve(result);
            if (settings.Provider == DatabaseProvider.Sqlite) Directory.CreateDirectory(database.DataFolderPath(result));
            var password = Environment.GetEnvironmentVariable(DemoData.PasswordVariable) is { Length: > 0 } set ? set : DemoData.DefaultPassword;
            await using var db = FormFlowDatabase.CreateContext(settings);
            var generated = await new CityGenerator(db, settings, plan, folder, password, result.InvocationConfiguration.Error).RunAsync(result.GetValue(append), ct);
            CliJson.Write(result, new
            {
                provider = settings.Provider.ToString().ToLowerInvariant(),
                plan = new { plan.Members, plan.Orgs, plan.Years, plan.Seed, until = plan.Until.ToString("yyyy-MM-dd"), plan.CaseRate, plan.Districts, plan.Streets },
                demoAccounts = new { city = generated.CityId, district = generated.DistrictId, grassroots = generated.GrassrootsId },
                rows = generated.Rows.OrderBy(r => r.Key, StringComparer.Ordinal).ToDictionary(r => r.Key, r => r.Value),
                stoppedCases = generated.StoppedCases,
                seconds = Math.Round(generated.Seconds, 1),
            });
            return ExitCodes.Ok;
        });
        return generate;
    }
}
