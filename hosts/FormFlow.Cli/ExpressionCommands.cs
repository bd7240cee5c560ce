using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions;

namespace FormFlow.Cli;

/// <summary>
/// `formflow expr eval EXPRESSION [--data DATA.json] [--variables VARS.json] [--script] [--today yyyy-MM-dd]` prints the
/// value as JSON (for a script: its return value and the scope it left); `formflow expr check` lists problems.
/// A disallowed or failing expression exits 2 with the message on stderr.
/// </summary>
internal static class ExpressionCommands
{
    public static Command Create()
    {
        var group = new Command("expr", "Check and evaluate FormFlow expressions.");
        group.Subcommands.Add(CreateEval());
        group.Subcommands.Add(CreateCheck());
        return group;
    }

    private static Command CreateEval()
    {
        var source = new Argument<string>("expression") { Description = "The expression (or, with --script, the script) to run." };
        var data = new Option<string?>("--data") { Description = "JSON file whose content is the scope name `data` (default {})." };
        var variables = new Option<string?>("--variables") { Description = "JSON file whose content is the scope name `variables`." };
        var script = new Option<bool>("--script") { Description = "Run a multi-statement script; prints {returnValue, scope}." };
        var today = new Option<string?>("--today") { Description = "Fix today's date (yyyy-MM-dd) for today(), age() and the like." };
        var command = new Command("eval", "Evaluate an expression and print its value as JSON.") { source, data, variables, script, today };
        command.SetAction(parsed =>
        {
            var scope = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            var isScript = parsed.GetValue(script);
            // Without --data an expression sees `data` as an empty object, as in the conformance vectors.
            if (parsed.GetValue(data) is { } dataPath) scope["data"] = CliJson.ReadFile(dataPath);
            else if (!isScript) scope["data"] = new JsonObject();
            if (parsed.GetValue(variables) is { } variablesPath) scope["variables"] = CliJson.ReadFile(variablesPath);
            var engine = CreateEngine(parsed.GetValue(today));
            try
            {
                var text = parsed.GetValue(source)!;
                if (isScript)
                {
                    var result = engine.RunScript(text, scope);
                    CliJson.Write(parsed, new JsonObject
                    {
                        ["returnValue"] = result.ReturnValue,
                        ["scope"] = new JsonObject(result.Scope.Select(pair => KeyValuePair.Create(pair.Key, pair.Value))),
                    });
                }
                else
                {
                    CliJson.Write(parsed, engine.Evaluate(text, scope));
                }
            }
            catch (ExpressionException ex)
            {
                throw new CliException($"expression: {ex.Message}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CreateCheck()
    {
        var source = new Argument<string>("expression") { Description = "The expression (or, with --script, the script) to check." };
        var script = new Option<bool>("--script") { Description = "Check against the script subset." };
        var command = new Command("check", "Check an expression against the allowed subset; exit 1 when it has problems.") { source, script };
        command.SetAction(parsed =>
        {
            var kind = parsed.GetValue(script) ? ExpressionKind.Script : ExpressionKind.Expression;
            var problems = ExpressionEngine.Default.Check(parsed.GetValue(source)!, kind);
            CliJson.Write(parsed, new { valid = problems.Count == 0, problems });
            return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return command;
    }

    internal static ExpressionEngine CreateEngine(string? today)
    {
        if (today is null) return ExpressionEngine.Default;
        if (!DateOnly.TryParseExact(today, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new CliException($"--today: '{today}' is not a date written yyyy-MM-dd");
        return new ExpressionEngine(new ExpressionOptions { Clock = new FixedDateClock(date) });
    }
}
