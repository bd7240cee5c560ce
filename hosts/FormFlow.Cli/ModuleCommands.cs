using System.CommandLine;
using FormFlow.Engine.Templates;
using FormFlow.Engine.Templates.Packages;

namespace FormFlow.Cli;

/// <summary>
/// `formflow module validate DIR`: checks a module package folder (manifest, forms, workflow, settings, locks,
/// extension points). Prints {"valid", "module", "version"} and exits 0, or {"valid": false, "errors": [...]} and
/// exits 2 with the problems on stderr.
/// </summary>
public static class ModuleCommands
{
    public static Command Create()
    {
        var group = new Command("module", "Check module packages (a folder: module.json, forms, workflow).");
        var dir = new Argument<string>("dir") { Description = "The module package folder." };
        var validate = new Command("validate", "Check a module package.") { dir };
        validate.SetAction(parsed =>
        {
            try
            {
                var module = ModulePackageLoader.Load(parsed.GetValue(dir)!);
                CliJson.Write(parsed, new { valid = true, module = (string?)module["id"], version = (string?)module["version"] });
                return ExitCodes.Ok;
            }
            catch (TemplateException ex)
            {
                return TemplateErrors.Report(parsed, ex);
            }
        });
        group.Subcommands.Add(validate);
        return group;
    }
}

/// <summary>A refused package, overlay or chain: the problems as JSON on stdout, the text on stderr, exit 2.</summary>
internal static class TemplateErrors
{
    public static int Report(ParseResult parsed, TemplateException ex)
    {
        CliJson.Write(parsed, new { valid = false, errors = ex.Problems });
        parsed.InvocationConfiguration.Error.WriteLine(ex.Message);
        return ExitCodes.BadInput;
    }
}
