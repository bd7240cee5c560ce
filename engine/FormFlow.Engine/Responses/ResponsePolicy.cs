using System.Globalization;
using System.Text.Json.Nodes;
using FormFlow.Engine.Expressions;
using FormFlow.Engine.Forms.Definitions;
using FormFlow.Engine.Forms.Loading;
using FormFlow.Engine.Modules;
using FormFlow.Engine.Modules.Elements;
using FormFlow.Engine.Modules.Resolution;
using FormFlow.Engine.Workflows.Activities;

namespace FormFlow.Engine.Responses;

/// <summary>How many times one account may answer: without limit, once, or once per China-time period.</summary>
public enum ResponseLimit { Unlimited, Once, Day, Week, Month, Year }

/// <summary>Who may see who answered: everyone allowed (named), only the respondent (anonymousToHandlers), no one (secretBallot).</summary>
public enum ResponseAnonymity { Named, AnonymousToHandlers, SecretBallot }

/// <summary>When respondents see results; organisers always do.</summary>
public enum ResultsVisibility { AfterAnswer, AfterClose, Never }

/// <summary>Where the answer window stands at a moment.</summary>
public enum WindowState { NotYetOpen, Open, Closed }

/// <summary>
/// A service's response policy, read from module settings with reserved names, so that a city locks or a district
/// overrides them like any other setting: <c>responseLimit</c>, <c>responseOpensAt</c>, <c>responseClosesAt</c>,
/// <c>responseEligibility</c>, <c>responseAnonymity</c>, <c>resultsVisibility</c>; and the manifest property
/// <c>submissions</c> (<c>cases</c>, the default, or <c>responses</c>: answers stored without a workflow). Periods
/// are calendar periods in China time (Asia/Shanghai, UTC+8, no daylight saving): a day starts at 00:00 Beijing time,
/// a week on Monday (ISO weeks), a month and a year on their first day.
/// </summary>
public sealed record ResponsePolicy(
    bool Responses, ResponseLimit Limit, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, string? Eligibility,
    ResponseAnonymity Anonymity, ResultsVisibility Results)
{
    public const string LimitSetting = "responseLimit", OpensAtSetting = "responseOpensAt", ClosesAtSetting = "responseClosesAt",
        EligibilitySetting = "responseEligibility", AnonymitySetting = "responseAnonymity", ResultsSetting = "resultsVisibility";

    /// <summary>The most pile rows a secret ballot may need (every combination of answers is a pile).</summary>
    public const int MaxBallotCombinations = 4096;

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    private static readonly ExpressionEngine Expressions = new(new ExpressionOptions
    {
        ScopeNames = new HashSet<string>(["applicant"], StringComparer.Ordinal),
    });

    public static readonly ResponsePolicy None = new(false, ResponseLimit.Unlimited, null, null, null, ResponseAnonymity.Named, ResultsVisibility.Never);

    /// <summary>Whether a case submission must pass this policy too (a window, a limit or eligibility is set).</summary>
    public bool Restricts => Limit != ResponseLimit.Unlimited || OpensAt is not null || ClosesAt is not null || Eligibility is not null;

    /// <summary>The policy of a resolved module; call only on a module that passed <see cref="Check"/>.</summary>
    public static ResponsePolicy Of(JsonObject module)
    {
        var problems = new List<ModuleProblem>();
        var policy = Read(module, problems);
        if (problems.Count > 0) throw new ModuleException(problems);
        return policy;
    }

    /// <summary>Every problem with the policy settings, each naming its setting.</summary>
    public static List<ModuleProblem> Check(JsonObject module)
    {
        var problems = new List<ModuleProblem>();
        var policy = Read(module, problems);
        if (problems.Count > 0) return problems;
        if (policy.OpensAt is { } opens && policy.ClosesAt is { } closes && closes <= opens)
            problems.Add(Problem(ClosesAtSetting, $"setting '{ClosesAtSetting}' ({closes:O}) must be later than '{OpensAtSetting}' ({opens:O})"));
        if (policy.Anonymity != ResponseAnonymity.Named && !policy.Responses)
            problems.Add(new(AnonymitySetting, $"/settings/{AnonymitySetting}/value",
                $"setting '{AnonymitySetting}' = '{Name(policy.Anonymity)}' needs \"submissions\": \"responses\": a case always knows its applicant"));
        if (policy.Responses && ModuleSoundness.CaseForm(module) is { } answerForm)
            foreach (var field in FormDefinitionLoader.Load(answerForm.DeepClone()).AllFields()
                         .Where(f => f.Type is FieldTypes.File or FieldTypes.Image or FieldTypes.Signature))
                problems.Add(new(field.Id, "/submissions", $"a survey or vote (\"submissions\": \"responses\") takes no files; field '{field.Key}' is {field.Type}"));
        if (policy.Anonymity == ResponseAnonymity.SecretBallot)
        {
            if (policy.Limit == ResponseLimit.Unlimited)
                problems.Add(Problem(LimitSetting, $"setting '{LimitSetting}' must not be 'unlimited' for a secret ballot: once per member is what participation enforces"));
            if (ModuleSoundness.CaseForm(module) is { } form) problems.AddRange(BallotPiles.Check(FormDefinitionLoader.Load(form.DeepClone())));
        }
        return problems;
    }

    private static ResponsePolicy Read(JsonObject module, List<ModuleProblem> problems)
    {
        var submissions = JsonText.Of(module["submissions"]) ?? "cases";
        if (submissions is not ("cases" or "responses"))
            problems.Add(new("submissions", "/submissions", $"\"submissions\" must be 'cases' or 'responses', not '{submissions}'"));
        var settings = module["settings"] as JsonObject;
        JsonNode? Value(string name) => settings?[name]?["value"];

        var limit = Choice(Value(LimitSetting), LimitSetting, ResponseLimit.Unlimited, problems);
        var anonymity = Choice(Value(AnonymitySetting), AnonymitySetting, ResponseAnonymity.Named, problems);
        var results = Choice(Value(ResultsSetting), ResultsSetting, ResultsVisibility.Never, problems);
        var opens = Instant(Value(OpensAtSetting), OpensAtSetting, problems);
        var closes = Instant(Value(ClosesAtSetting), ClosesAtSetting, problems);
        string? eligibility = null;
        switch (Value(EligibilitySetting))
        {
            case null: break;
            case JsonValue v when v.TryGetValue<string>(out var source) && source.Trim().Length > 0:
                foreach (var p in Expressions.Check(source)) problems.Add(Problem(EligibilitySetting, $"setting '{EligibilitySetting}': {p}"));
                eligibility = source;
                break;
            default:
                problems.Add(Problem(EligibilitySetting, $"setting '{EligibilitySetting}' must be an expression over 'applicant' (a string) or null"));
                break;
        }
        return new(submissions == "responses", limit, opens, closes, eligibility, anonymity, results);
    }

    private static T Choice<T>(JsonNode? node, string setting, T fallback, List<ModuleProblem> problems) where T : struct, Enum
    {
        if (node is null) return fallback;
        var text = JsonText.Of(node);
        foreach (var value in Enum.GetValues<T>())
            if (Name(value) == text) return value;
        problems.Add(Problem(setting, $"setting '{setting}' must be one of {string.Join(", ", Enum.GetValues<T>().Select(v => $"'{Name(v)}'"))}, not {node.ToJsonString()}"));
        return fallback;
    }

    internal static DateTimeOffset? Instant(JsonNode? node, string setting, List<ModuleProblem> problems)
    {
        if (node is null) return null;
        if (JsonText.Of(node) is { } text && text.Contains('T') && (text.EndsWith('Z') || text.Contains('+') || text.LastIndexOf('-') > 10)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            return instant;
        problems.Add(Problem(setting, $"setting '{setting}' must be an ISO 8601 instant with its offset (e.g. 2026-12-31T16:00:00Z) or null, not {node.ToJsonString()}"));
        return null;
    }

    internal static ModuleProblem Problem(string setting, string message) => new(setting, $"/settings/{Pointer.Escape(setting)}/value", message);

    /// <summary>The camelCase name a setting value uses for an enum member.</summary>
    public static string Name<T>(T value) where T : struct, Enum
    {
        var text = value.ToString();
        return char.ToLowerInvariant(text[0]) + text[1..];
    }

    /// <summary>
    /// Whether results are shown: organisers always; others per <c>resultsVisibility</c> — after they answered
    /// (in any period), after the window closed, or never.
    /// </summary>
    public bool ResultsVisible(bool organiser, bool answered, DateTimeOffset now) => organiser || Results switch
    {
        ResultsVisibility.AfterAnswer => answered,
        ResultsVisibility.AfterClose => WindowAt(now) == WindowState.Closed,
        _ => false,
    };

    public WindowState WindowAt(DateTimeOffset now) =>
        OpensAt is { } opens && now < opens ? WindowState.NotYetOpen
        : ClosesAt is { } closes && now >= closes ? WindowState.Closed
        : WindowState.Open;

    /// <summary>
    /// The period an answer at <paramref name="now"/> counts in, in China time: <c>once</c>, <c>2026-12-06</c>,
    /// <c>2026-W49</c>, <c>2026-12</c>, <c>2026</c>; null when answers are unlimited.
    /// </summary>
    public string? PeriodKey(DateTimeOffset now)
    {
        var local = now.ToOffset(ChinaOffset).DateTime;
        return Limit switch
        {
            ResponseLimit.Unlimited => null,
            ResponseLimit.Once => "once",
            ResponseLimit.Day => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ResponseLimit.Week => $"{ISOWeek.GetYear(local):D4}-W{ISOWeek.GetWeekOfYear(local):D2}",
            ResponseLimit.Month => local.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            ResponseLimit.Year => local.ToString("yyyy", CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException($"unknown limit {Limit}"),
        };
    }

    /// <summary>
    /// Whether the applicant may answer under <c>responseEligibility</c> (true when unset). The applicant object
    /// carries <c>isMember</c>, <c>org</c> (their org id) and <c>orgs</c> (the ids from the root down to it), so
    /// <c>applicant.isMember &amp;&amp; applicant.orgs.includes(4)</c> reads "members under org 4". An expression that
    /// fails (or runs out of time) counts as not eligible; the message says why.
    /// </summary>
    public (bool Eligible, string? Error) IsEligible(JsonObject applicant)
    {
        if (Eligibility is null) return (true, null);
        try
        {
            var result = Expressions.Evaluate(Eligibility, new Dictionary<string, JsonNode?> { ["applicant"] = applicant.DeepClone() });
            return (ExpressionEngine.IsTruthy(result), null);
        }
        catch (ExpressionException e)
        {
            return (false, e.Message);
        }
    }
}
