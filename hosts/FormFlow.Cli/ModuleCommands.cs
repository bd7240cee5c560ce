using System.CommandLine;
using FormFlow.Engine.Modules;
using FormFlow.Engine.Modules.Packages;

namespace FormFlow.Cli;

/// <summary>
/// `formflow module ...`: module templates as files. `validate DIR` checks a module package folder (manifest, forms,
/// workflow, settings, locks, extension points) and prints {"valid", "module", "version"} (exit 0), or
/// {"valid": false, "errors": [...]} with the problems on stderr (exit 2); `resolve` and `rebase` apply and replay
/// overlays (<see cref="ModuleChainCommands"/>). `template` is a documented alias of `module`, the name these commands
/// had before one word named the concept.
/// </summary>
internal static class ModuleCommands
{
    public static Command Create()
    {
        var group = new Command("module", "Check module packages (a folder: module.json, forms, workflow); resolve them with overlays; rebase overlays onto a new version.");
        group.Aliases.Add("template");
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
            catch (ModuleException ex)
            {
                return ModuleErrors.Report(parsed, ex);
            }
        });
        group.Subcommands.Add(validate);
        group.Subcommands.Add(ModuleChainCommands.CreateResolve());
        group.Subcommands.Add(ModuleChainCommands.CreateRebase());
        return group;
    }
}
