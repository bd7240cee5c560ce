using System.Diagnostics;

namespace FormFlow.Tests.Cli;

/// <summary>
/// The engine's inputs fuzzed through the command line: seeded mutations of the shipped module package (manifest,
/// form, workflow), an overlay, a form, a workflow, an Elsa 3 export and expressions. Every run ends with an exit code
/// the CLI documents (0 ok, 1 checked and invalid, 2 refused with the problem on stderr), never an exception or a hang.
/// FORMFLOW_FUZZ_SEED replays a run; the seed is in every failure.
/// </summary>
public sealed class DefinitionFuzzTests
{
    private const int Rounds = 40;
    private static readonly TimeSpan RunBound = TimeSpan.FromSeconds(10);
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("FORMFLOW_FUZZ_SEED"), out var s) ? s : 20261206;

    public static TheoryData<string, string> Targets() => new()
    {
        // the file that is mutated, and the command run on it ({file} or {dir}: the mutated copy)
        { "module-templates/join/module.json", "module validate {dir}" },
        { "module-templates/join/workflow.json", "module resolve {dir} samples/customisations/haidian.overlay.json" },
        { "module-templates/join/forms/union-join.form.json", "module validate {dir}" },
        { "samples/customisations/haidian.overlay.json", "module rebase module-templates/join samples/customisations/join-v2 {file}" },
        { "module-templates/join/forms/union-join.form.json", "form check {file} samples/forms/union-join/valid.json" },
        { "module-templates/join/workflow.json", "workflow validate {file}" },
        { "tests/conformance/elsa/05-fork-join-wait-all.json", "workflow import-elsa {file}" },
        { "tests/conformance/elsa/03-decision-javascript.json", "workflow import-elsa {file}" },
        { "samples/workflows/join-review.escalated.stimuli.json",
          "workflow run module-templates/join/workflow.json --now 2026-02-13T09:00:00+08:00 --input samples/workflows/join-application.json --case samples/workflows/join-case.json --orgs samples/workflows/orgs.json --stimuli {file}" },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public void A_mutated_file_gets_a_documented_exit_code_and_a_named_problem(string file, string command)
    {
        var random = new Random(unchecked(Seed * 31 + StableHash(file + command)));
        var mutations = new DefinitionMutations(random);
        var original = File.ReadAllText(CliRun.Repo(file));
        var findings = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            using var scratch = new ScratchFolder();
            var (text, what) = mutations.Mutate(original);
            var args = Arguments(command, file, text, scratch);
            var clock = Stopwatch.StartNew();
            CliRun run;
            try
            {
                run = CliRun.Of(args);
            }
            catch (Exception ex)
            {
                findings.Add($"round {round} ({what}): {ex.GetType().Name}: {ex.Message}");
                continue;
            }
            if (run.ExitCode is not (0 or 1 or 2)) findings.Add($"round {round} ({what}): exit {run.ExitCode}");
            if (run.ExitCode == 2 && string.IsNullOrWhiteSpace(run.Stderr)) findings.Add($"round {round} ({what}): exit 2 without a message");
            if (clock.Elapsed > RunBound) findings.Add($"round {round} ({what}): {clock.Elapsed.TotalSeconds:F1} s");
        }
        Assert.True(findings.Count == 0, $"seed {Seed}, {file}: {string.Join("\n", findings)}");
    }

    [Fact]
    public void Mutated_expressions_are_checked_or_refused_never_thrown()
    {
        var random = new Random(Seed);
        string[] seeds = ["ageFromId(data.idNumber) >= 18", "data.items.filter(x => x.n > 1).length", "matches(data.code, '^[0-9]{4}$')", "`${data.a}-${data.b}`"];
        const string alphabet = "()[]{}.,;'\"`$\\=>+-*/%!?:&|^~<>0123456789abcdefxyz_ \u4e2d\ud800";
        var findings = new List<string>();
        for (var round = 0; round < 300; round++)
        {
            var source = seeds[random.Next(seeds.Length)].ToCharArray().ToList();
            for (var edit = random.Next(1, 6); edit > 0; edit--)
            {
                var at = random.Next(source.Count + 1);
                if (random.Next(2) == 0 && source.Count > 0 && at < source.Count) source.RemoveAt(at);
                else source.Insert(at, alphabet[random.Next(alphabet.Length)]);
            }
            var expression = new string(source.ToArray());
            try
            {
                var run = CliRun.Of("expr", "check", expression);
                if (run.ExitCode is not (0 or 1 or 2)) findings.Add($"'{expression}': exit {run.ExitCode}");
            }
            catch (Exception ex)
            {
                findings.Add($"'{expression}': {ex.GetType().Name}: {ex.Message}");
            }
        }
        Assert.True(findings.Count == 0, $"seed {Seed}: {string.Join("\n", findings)}");
    }

    /// <summary>The command's words, with the mutated copy in place of {file}, or its package folder in place of {dir}.</summary>
    private static string[] Arguments(string command, string file, string text, ScratchFolder scratch)
    {
        string? dir = null;
        if (command.Contains("{dir}"))
        {
            var package = CliRun.Repo("module-templates/join");
            dir = Path.Combine(scratch.Path, "join");
            foreach (var source in Directory.EnumerateFiles(package, "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(dir, Path.GetRelativePath(package, source));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(source, copy);
            }
            File.WriteAllText(Path.Combine(dir, Path.GetRelativePath("module-templates/join", file)), text);
        }
        var mutated = scratch.Write(Path.GetFileName(file), text);
        return command.Split(' ').Select(word => word switch
        {
            "{file}" => mutated,
            "{dir}" => dir!,
            _ when word.StartsWith("samples/", StringComparison.Ordinal) || word.StartsWith("module-templates/", StringComparison.Ordinal) => CliRun.Repo(word),
            _ => word,
        }).ToArray();
    }

    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));
}
