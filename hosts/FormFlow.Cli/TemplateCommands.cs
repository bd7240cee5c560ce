using System.CommandLine;
using FormFlow.Engine.Templates;
using FormFlow.Engine.Templates.Overlays;
using FormFlow.Engine.Templates.Packages;
using FormFlow.Engine.Templates.Rebase;
using FormFlow.Engine.Templates.Resolution;

namespace FormFlow.Cli;

/// <summary>
/// `formflow template resolve BASE_DIR [OVERLAY.json ...]` prints {"hash", "module", "provenance"} (exit 0) or the
/// refusal (a lock violation names element, property, locking org and level, reason; exit 2).
/// `formflow template rebase OLD_BASE_DIR NEW_BASE_DIR OVERLAY.json` prints {"overlay", "conflicts"}; exit 0 with no
/// blocking conflict, 1 with one.
/// </summary>
public static class TemplateCommands
{
    public static Command Create()
    {
        var group = new Command("template", "Resolve module templates with overlays; upgrade overlays to a new template version.");
        group.Subcommands.Add(CreateResolve());
        group.Subcommands.Add(CreateRebase());
        return group;
    }

    private static Command CreateResolve()
    {
        var package = new Argument<string>("base") { Description = "The module package folder." };
        var overlays = new Argument<string[]>("overlays") { Description = "Overlay files, top level first.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("resolve", "Apply overlays to a package, enforce locks, check the result; print the snapshot.") { package, overlays };
        command.SetAction(parsed =>
        {
            try
            {
                var module = ModulePackageLoader.Load(parsed.GetValue(package)!);
                var chain = (parsed.GetValue(overlays) ?? []).Select(ReadOverlay).ToList();
                CliJson.Write(parsed, ChainResolver.Resolve(module, chain).ToJson());
                return ExitCodes.Ok;
            }
            catch (TemplateException ex)
            {
                return TemplateErrors.Report(parsed, ex);
            }
        });
        return command;
    }

    private static Command CreateRebase()
    {
        var oldBase = new Argument<string>("old-base") { Description = "The package the overlay was written against." };
        var newBase = new Argument<string>("new-base") { Description = "The new version of the package." };
        var overlay = new Argument<string>("overlay") { Description = "The child's overlay." };
        var command = new Command("rebase", "Replay an overlay on a new template version; report conflicts.") { oldBase, newBase, overlay };
        command.SetAction(parsed =>
        {
            try
            {
                var before = ChainResolver.Resolve(ModulePackageLoader.Load(parsed.GetValue(oldBase)!), []).Module;
                var after = ChainResolver.Resolve(ModulePackageLoader.Load(parsed.GetValue(newBase)!), []).Module;
                var result = OverlayRebaser.Rebase(before, after, ReadOverlay(parsed.GetValue(overlay)!));
                CliJson.Write(parsed, result.ToJson());
                return result.Blocking ? ExitCodes.Invalid : ExitCodes.Ok;
            }
            catch (TemplateException ex)
            {
                return TemplateErrors.Report(parsed, ex);
            }
        });
        return command;
    }

    private static Overlay ReadOverlay(string path) => Overlay.Parse(CliJson.ReadFile(path), Path.GetFileName(path));
}
