using System.CommandLine;
using FormFlow.Persistence.Database;

namespace FormFlow.Cli;

/// <summary>
/// `formflow responses generate --answers 1000000 [--questions 20] [--orgs 20] [--seed 1] [--provider sqlite|postgres]
/// [--connection ...] [--data-folder ./data]` — a survey service with that many answers, for measuring results
/// (see <see cref="ResponseGenerator"/>). Prints the service ID, its module key, the tally rows and the seconds taken.
/// </summary>
internal static class ResponseCommands
{
    public static Command Create()
    {
        var database = new DatabaseOptions();
        var answers = new Option<long>("--answers") { Description = "how many members answered", Required = true };
        var questions = new Option<int>("--questions") { Description = "questions in the survey (choice, multiChoice, rating, number, boolean, text in turn)", DefaultValueFactory = _ => 20 };
        var orgs = new Option<int>("--orgs") { Description = "district unions the respondents belong to", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "seed of the random answers", DefaultValueFactory = _ => 1 };
        var generate = database.AddTo(new Command("generate", "Create (or reuse) a survey service with many answers, written in bulk with their tallies.")
            { answers, questions, orgs, seed });
        generate.SetAction(async (result, ct) =>
        {
            var (n, q, o) = (result.GetValue(answers), result.GetValue(questions), result.GetValue(orgs));
            if (n < 1) throw new CliException("--answers must be at least 1");
            if (q is < 1 or > 99) throw new CliException("--questions must be between 1 and 99");
            if (o is < 1 or > 1000) throw new CliException("--orgs must be between 1 and 1000");
            var settings = database.Resolve(result);
            await using var db = FormFlowDatabase.CreateContext(settings);
            var generated = await new ResponseGenerator(db, TimeProvider.System).GenerateAsync(n, q, o, result.GetValue(seed), ct);
            CliJson.Write(result, new
            {
                provider = settings.Provider.ToString().ToLowerInvariant(), service = generated.ServiceId, module = generated.ModuleKey,
                orgUnit = generated.OrgUnitId, orgs = generated.Orgs, answers = generated.Answers, questions = generated.Questions,
                tallies = generated.Tallies, reused = generated.Reused, seconds = Math.Round(generated.Seconds, 1),
            });
            return ExitCodes.Ok;
        });
        return new Command("responses", "Survey and vote answers.") { generate };
    }
}
