using System.Text.Json.Nodes;
using FormFlow.Persistence.Training;

namespace FormFlow.Server.Training;

/// <summary>One level of a training as its editor sets it: the questions drawn (topic, difficulty when given) and the pass mark.</summary>
internal sealed record LevelSettings(string? Title = null, string? Topic = null, int? Difficulty = null, int Questions = 0, int PassPercent = 0);

internal sealed record CreateTrainingRequest(int OrgUnitId = 0, string? Title = null, List<LevelSettings>? Levels = null);

/// <param name="Unlocked">Whether I may practise it: level 1 always, level n once I passed level n−1.</param>
/// <param name="Passed">Whether I have passed it.</param>
/// <param name="BestScore">My best score on it (correct answers), null before any finished practice.</param>
internal sealed record LevelView(int Number, string Title, string? Topic, int? Difficulty, int Questions, int PassPercent, bool Unlocked, bool Passed, int? BestScore);

internal sealed record TrainingView(int Id, string Title, int OrgUnitId, string OrgName, List<LevelView> Levels);

internal sealed record CreateContestRequest(
    int OrgUnitId = 0, string? Title = null, string? Topic = null, int Questions = 0, DateTimeOffset? OpensAt = null, DateTimeOffset? ClosesAt = null,
    int DurationSeconds = 0, int AttemptsAllowed = 0, List<int>? PlacePoints = null);

/// <param name="AttemptsUsed">My attempts so far.</param>
/// <param name="OpenAttemptId">My attempt still open, if any.</param>
/// <param name="Open">Whether the window is open now (by the server's clock, <paramref name="ServerNow"/>).</param>
internal sealed record ContestView(
    int Id, string Title, int OrgUnitId, string OrgName, string? Topic, int Questions, DateTime OpensAt, DateTime ClosesAt, int DurationSeconds,
    int AttemptsAllowed, List<int> PlacePoints, bool Open, DateTime ServerNow, int AttemptsUsed, long? OpenAttemptId, DateTime? SettledAt);

/// <summary>A question as a participant sees it: never its key nor its explanation.</summary>
internal sealed record ParticipantQuestion(long Id, string Type, string Text, List<QuestionOption> Options, string? ImageFileId)
{
    public static ParticipantQuestion From(BankQuestion q) => new(q.Id, q.Type, q.Text, QuestionKeys.Options(q), q.ImageFileId);
}

/// <summary>
/// What a practice answer reveals, after it is given and for that question only; a contest reveals nothing of the
/// key (<paramref name="Correct"/>, <paramref name="Key"/> and <paramref name="Explanation"/> are null) while the
/// attempt runs, and after it only whether each answer was right.
/// </summary>
internal sealed record AnswerFeedback(long QuestionId, JsonNode? Given, bool? Correct, JsonNode? Key, string? Explanation);

/// <param name="Kind"><c>practice</c> or <c>contest</c>.</param>
/// <param name="Deadline">A contest attempt's server-side deadline; answers after it are refused.</param>
/// <param name="RemainingSeconds">Seconds left by the server's clock (0 once past), null for practice.</param>
/// <param name="Score">Correct answers, once finished.</param>
/// <param name="Passed">Practice: whether the level's pass mark was reached, once finished.</param>
internal sealed record AttemptView(
    long Id, string Kind, int? TrainingId, int? Level, int? ContestId, List<ParticipantQuestion> Questions, List<AnswerFeedback> Answers,
    DateTime StartedAt, DateTime? Deadline, DateTime ServerNow, int? RemainingSeconds, DateTime? FinishedAt, int? Score, int Total, bool? Passed,
    long TimeUsedMs);

internal sealed record AnswerRequest(long QuestionId = 0, JsonNode? Answer = null);

/// <param name="Rank">1 for the best; equal score and equal time used share a rank.</param>
/// <param name="Score">For a union: the mean of its members' best scores.</param>
/// <param name="TimeUsedMs">For a union: the mean time its members used.</param>
/// <param name="Participants">For a union: how many of its members took part (1 for a person).</param>
internal sealed record LeaderboardLine(int Rank, string? AccountId, string Name, int OrgUnitId, string OrgName, double Score, long TimeUsedMs, int Participants);

/// <param name="By"><c>people</c> or <c>unions</c>.</param>
/// <param name="Me">My line (or my union's), also when outside the top lines; null when I have no score in this scope.</param>
internal sealed record LeaderboardView(int ContestId, string By, int ScopeOrgUnitId, List<LeaderboardLine> Lines, LeaderboardLine? Me);

internal sealed record SettlementView(int ContestId, DateTime SettledAt, List<LeaderboardLine> Awarded, long? PublicationId);
