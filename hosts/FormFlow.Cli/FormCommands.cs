using System.CommandLine;
using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Definitions;
using FormFlow.Engine.Forms.Loading;
using FormFlow.Engine.Forms.Runtime;
using FormFlow.Engine.Forms.Schema;

namespace FormFlow.Cli;

/// <summary>
/// `formflow form check FORM.json DATA.json [--mode draft|submit] [--locale zh-CN] [--today yyyy-MM-dd]` prints
/// {"valid", "errors": [{"path", "rule", "message"}], "data"} and exits 0 (valid) or 1 (invalid);
/// `formflow form schema FORM.json` prints the data contract (JSON Schema draft 2020-12).
/// A bad definition or bad usage exits 2 with the message on stderr.
/// </summary>
internal static class FormCommands
{
    public static Command Create()
    {
        var group = new Command("form", "Check form definitions and data against them; compile them to JSON Schema.");
        group.Subcommands.Add(CreateCheck());
        group.Subcommands.Add(CreateSchema());
        return group;
    }

    private static Command CreateCheck()
    {
        var form = new Argument<string>("form") { Description = "The form definition (JSON)." };
        var data = new Argument<string>("data") { Description = "The submitted data (a JSON object)." };
        var mode = new Option<string>("--mode") { Description = "draft (only what is filled in) or submit.", DefaultValueFactory = _ => "submit" };
        mode.AcceptOnlyFromAmong("draft", "submit");
        var locale = new Option<string>("--locale") { Description = "Language of the messages: zh-CN, zh-TW or en.", DefaultValueFactory = _ => LocalizedText.DefaultLocale };
        locale.AcceptOnlyFromAmong([.. LocalizedText.Locales]);
        var today = new Option<string?>("--today") { Description = "Fix today's date (yyyy-MM-dd) for rules such as ageFromId()." };
        var command = new Command("check", "Process data as the server would: rules, normalization, validation.") { form, data, mode, locale, today };
        command.SetAction(parsed =>
        {
            var definition = LoadDefinition(parsed.GetValue(form)!);
            var submitted = CliJson.ReadFile(parsed.GetValue(data)!);
            var runtime = new FormRuntime(definition, ExpressionCommands.CreateEngine(parsed.GetValue(today)));
            var result = runtime.Process(submitted, new FormProcessOptions
            {
                Mode = parsed.GetValue(mode) == "draft" ? FormMode.Draft : FormMode.Submit,
                Locale = parsed.GetValue(locale)!,
            });
            CliJson.Write(parsed, new { valid = result.Valid, errors = result.Errors, data = result.Data });
            return result.Valid ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return command;
    }

    private static Command CreateSchema()
    {
        var form = new Argument<string>("form") { Description = "The form definition (JSON)." };
        var command = new Command("schema", "Print the JSON Schema (draft 2020-12) of the form's data.") { form };
        command.SetAction(parsed =>
        {
            CliJson.Write(parsed, FormSchemaCompiler.ToJson(LoadDefinition(parsed.GetValue(form)!)));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static FormDefinition LoadDefinition(string path)
    {
        if (!File.Exists(path)) throw new CliException($"{path}: file not found");
        try
        {
            return FormDefinitionLoader.Load(File.ReadAllText(path));
        }
        catch (FormDefinitionException ex)
        {
            throw new CliException($"{path}: {ex.Message}");
        }
    }
}
