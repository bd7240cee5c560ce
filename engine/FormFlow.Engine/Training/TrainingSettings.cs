using System.Text.Json.Nodes;
using FormFlow.Engine.Modules;
using FormFlow.Engine.Responses;
using FormFlow.Engine.Workflows.Activities;

namespace FormFlow.Engine.Training;

/// <summary>One level of a training module: it draws <see cref="Questions"/> questions of the topic (and difficulty, when given).</summary>
public sealed record TrainingLevel(string Title, string? Topic, int? Difficulty, int Questions);

/// <summary>The settings of a training module: its title, levels, the pass mark of every level and the bank it draws from (null: every bank on the chain).</summary>
public sealed record TrainingPlan(string Title, IReadOnlyList<TrainingLevel> Levels, int PassPercent, string? Bank);

/// <summary>The settings of a contest module: window, minutes per attempt, attempts per person, questions drawn, points for places.</summary>
public sealed record ContestPlan(string Title, string? Topic, string? Bank, int Questions, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
    int DurationMinutes, int Attempts, IReadOnlyList<int> PlacePoints);

/// <summary>
/// Training and contest modules: settings with reserved names, so that a city locks them (the bank, the pass mark)
/// and a district overrides the rest (e.g. narrows the window) like any other setting. A module with the setting
/// <c>trainingLevels</c> is a training (<c>trainingTitle</c>, <c>trainingLevels</c> — an array of {title, topic,
/// difficulty, questions} — <c>trainingPassPercent</c>, <c>trainingBank</c>); one with <c>contestOpensAt</c> is a
/// contest (<c>contestTitle</c>, <c>contestTopic</c>, <c>contestBank</c>, <c>contestQuestions</c>,
/// <c>contestOpensAt</c>, <c>contestClosesAt</c>, <c>contestMinutes</c>, <c>contestAttempts</c>,
/// <c>contestPlacePoints</c>). The service activated from it drives the training or contest at its org.
/// </summary>
public static class TrainingSettings
{
    public const string LevelsSetting = "trainingLevels", TitleSetting = "trainingTitle", PassSetting = "trainingPassPercent", BankSetting = "trainingBank";
    public const string ContestTitle = "contestTitle", ContestTopic = "contestTopic", ContestBank = "contestBank", ContestQuestions = "contestQuestions",
        ContestOpensAt = "contestOpensAt", ContestClosesAt = "contestClosesAt", ContestMinutes = "contestMinutes", ContestAttempts = "contestAttempts",
        ContestPlacePoints = "contestPlacePoints";
    public const int MaxLevels = 20, MaxQuestions = 100, MaxMinutes = 240, MaxAttempts = 20, MaxPlaces = 100, MaxPlacePoints = 1000;

    public static bool IsTraining(JsonObject module) => Settings(module)?.ContainsKey(LevelsSetting) == true;
    public static bool IsContest(JsonObject module) => Settings(module)?.ContainsKey(ContestOpensAt) == true;

    /// <summary>Every problem with the training or contest settings of a module, each naming its setting; none for other modules.</summary>
    public static List<ModuleProblem> Check(JsonObject module)
    {
        var problems = new List<ModuleProblem>();
        if (IsTraining(module)) ReadTraining(module, problems);
        if (IsContest(module)) ReadContest(module, problems);
        return problems;
    }

    /// <summary>The training a module's settings describe, null for any other module; call only on a module that passed <see cref="Check"/>.</summary>
    public static TrainingPlan? TrainingOf(JsonObject module) => IsTraining(module) ? Sound(module, ReadTraining) : null;

    /// <summary>The contest a module's settings describe, null for any other module; call only on a module that passed <see cref="Check"/>.</summary>
    public static ContestPlan? ContestOf(JsonObject module) => IsContest(module) ? Sound(module, ReadContest) : null;

    private static T Sound<T>(JsonObject module, Func<JsonObject, List<ModuleProblem>, T> read)
    {
        var problems = new List<ModuleProblem>();
        var plan = read(module, problems);
        return problems.Count > 0 ? throw new ModuleException(problems) : plan;
    }

    private static JsonObject? Settings(JsonObject module) => module["settings"] as JsonObject;
    private static JsonNode? Value(JsonObject module, string setting) => Settings(module)?[setting]?["value"];

    private static TrainingPlan ReadTraining(JsonObject module, List<ModuleProblem> problems)
    {
        var title = Text(module, TitleSetting, 200, required: true, problems) ?? "";
        var bank = Text(module, BankSetting, 200, required: false, problems);
        var pass = Whole(module, PassSetting, 1, 100, problems);
        var levels = new List<TrainingLevel>();
        if (Value(module, LevelsSetting) is not JsonArray array || array.Count is < 1 or > MaxLevels)
        {
            problems.Add(ResponsePolicy.Problem(LevelsSetting, $"setting '{LevelsSetting}' must be an array of 1 to {MaxLevels} levels"));
            return new(title, levels, pass, bank);
        }
        for (var i = 0; i < array.Count; i++)
        {
            ModuleProblem Bad(string property, string rule) =>
                new(LevelsSetting, $"/settings/{LevelsSetting}/value/{i}/{property}", $"setting '{LevelsSetting}', level {i + 1}: '{property}' {rule}");
            if (array[i] is not JsonObject level) { problems.Add(Bad("title", "is required: a level is an object {title, topic, difficulty, questions}")); continue; }
            var levelTitle = JsonText.Of(level["title"]);
            if (string.IsNullOrWhiteSpace(levelTitle) || levelTitle.Length > 200) problems.Add(Bad("title", "must be a text of 1 to 200 characters"));
            var topic = JsonText.Of(level["topic"]);
            if (level["topic"] is not null && (topic is null || topic.Length > 100)) problems.Add(Bad("topic", "must be a text of at most 100 characters, or absent for any topic"));
            int? difficulty = level["difficulty"] is null ? null : Integer(level["difficulty"]);
            if (level["difficulty"] is not null && difficulty is not (>= 1 and <= 5)) problems.Add(Bad("difficulty", "must be 1 to 5, or absent for any"));
            var questions = Integer(level["questions"]);
            if (questions is not (>= 1 and <= MaxQuestions)) problems.Add(Bad("questions", $"must be 1 to {MaxQuestions}"));
            levels.Add(new(levelTitle?.Trim() ?? "", string.IsNullOrWhiteSpace(topic) ? null : topic.Trim(), difficulty, questions ?? 0));
        }
        return new(title, levels, pass, bank);
    }

    private static ContestPlan ReadContest(JsonObject module, List<ModuleProblem> problems)
    {
        var title = Text(module, ContestTitle, 200, required: true, problems) ?? "";
        var topic = Text(module, ContestTopic, 100, required: false, problems);
        var bank = Text(module, ContestBank, 200, required: false, problems);
        var questions = Whole(module, ContestQuestions, 1, MaxQuestions, problems);
        var opens = ResponsePolicy.Instant(Value(module, ContestOpensAt), ContestOpensAt, problems);
        var closes = ResponsePolicy.Instant(Value(module, ContestClosesAt), ContestClosesAt, problems);
        if (opens is null && !problems.Any(p => p.Element == ContestOpensAt)) problems.Add(ResponsePolicy.Problem(ContestOpensAt, $"setting '{ContestOpensAt}' is required: when the window opens"));
        if (closes is null && !problems.Any(p => p.Element == ContestClosesAt)) problems.Add(ResponsePolicy.Problem(ContestClosesAt, $"setting '{ContestClosesAt}' is required: when the window closes"));
        if (opens is { } o && closes is { } c && c <= o)
            problems.Add(ResponsePolicy.Problem(ContestClosesAt, $"setting '{ContestClosesAt}' ({c:O}) must be later than '{ContestOpensAt}' ({o:O})"));
        var minutes = Whole(module, ContestMinutes, 1, MaxMinutes, problems);
        var attempts = Whole(module, ContestAttempts, 1, MaxAttempts, problems);
        var places = new List<int>();
        switch (Value(module, ContestPlacePoints))
        {
            case null: break;
            case JsonArray array when array.Count <= MaxPlaces && array.All(p => Integer(p) is >= 1 and <= MaxPlacePoints):
                places.AddRange(array.Select(p => Integer(p)!.Value));
                break;
            default:
                problems.Add(ResponsePolicy.Problem(ContestPlacePoints, $"setting '{ContestPlacePoints}' must be an array of at most {MaxPlaces} places, each worth 1 to {MaxPlacePoints} points"));
                break;
        }
        return new(title, topic, bank, questions, opens ?? default, closes ?? default, minutes, attempts, places);
    }

    private static string? Text(JsonObject module, string setting, int max, bool required, List<ModuleProblem> problems)
    {
        var node = Value(module, setting);
        var text = JsonText.Of(node)?.Trim();
        if (node is null && !required) return null;
        if (string.IsNullOrEmpty(text) || text.Length > max)
        {
            problems.Add(ResponsePolicy.Problem(setting, $"setting '{setting}' must be a text of 1 to {max} characters{(required ? "" : ", or null")}"));
            return null;
        }
        return text;
    }

    private static int Whole(JsonObject module, string setting, int min, int max, List<ModuleProblem> problems)
    {
        if (Integer(Value(module, setting)) is { } n && n >= min && n <= max) return n;
        problems.Add(ResponsePolicy.Problem(setting, $"setting '{setting}' must be a whole number from {min} to {max}"));
        return min;
    }

    private static int? Integer(JsonNode? node) => JsonText.Number(node) is { } d && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue ? (int)d : null;
}
