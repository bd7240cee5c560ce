using System.CommandLine;
using FormFlow.Engine.Modules;
using FormFlow.Engine.Modules.Overlays;
using FormFlow.Engine.Modules.Packages;
using FormFlow.Engine.Modules.Rebase;
using FormFlow.Engine.Modules.Resolution;

namespace FormFlow.Cli;

/// <summary>
/// `formflow module resolve BASE_DIR [OVERLAY.json ...]` prints {"hash", "module", "provenance"} (exit 0) or the
/// refusal (a lock violation names element, property, locking org and level, reason; exit 2).
/// `formflow module rebase OLD_BASE_DIR NEW_BASE_DIR OVERLAY.json` prints {"overlay", "conflicts"}; exit 0 with no
/// blocking conflict, 1 with one.
/// </summary>
internal static class ModuleChainCommands
{
    public static Command CreateResolve()
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
            catch (ModuleException ex)
            {
                return ModuleErrors.Report(parsed, ex);
            }
        });
        return command;
    }

    public static Command CreateRebase()
    {
        var oldBase = new Argument<string>("old-base") { Description = "The package the overlay was written against." };
        var newBase = new Argument<string>("new-base") { Description = "The new version of the package." };
        var overlay = new Argument<string>("overlay") { Description = "The child's overlay." };
        var command = new Command("rebase", "Replay an overlay on a new version of its parent module; report conflicts.") { oldBase, newBase, overlay };
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
            catch (ModuleException ex)
            {
                return ModuleErrors.Report(parsed, ex);
            }
        });
        return command;
    }

    private static Overlay ReadOverlay(string path) => Overlay.Parse(CliJson.ReadFile(path), Path.GetFileName(path));
}
