namespace FormFlow.Persistence.Training;

/// <summary>
/// A level-by-level training owned by an org, for the workers of its subtree. <see cref="Levels"/> is a JSON array of
/// {title, topic, difficulty, questions, passPercent}: each level draws that many questions of the topic (and the
/// difficulty, when given) from the banks on the org's chain; passing level n unlocks level n+1.
/// </summary>
public sealed class TrainingCourse
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public required string Title { get; set; }
    public required string Levels { get; set; }
    /// <summary>Draw only from the banks of this name on the org's chain, when given; else from every bank there.</summary>
    public string? BankName { get; set; }
    /// <summary>The module whose service at <see cref="OrgUnitId"/> drives this training (its settings), when it came from a module template.</summary>
    public string? ModuleKey { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A timed contest owned by an org, for the workers of its subtree: open from <see cref="OpensAt"/> to
/// <see cref="ClosesAt"/>, each attempt lasting <see cref="DurationSeconds"/> at most, <see cref="AttemptsAllowed"/>
/// attempts per person, each drawing <see cref="Questions"/> questions in its own random order.
/// </summary>
public sealed class Contest
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public required string Title { get; set; }
    /// <summary>Only questions of this topic, when given.</summary>
    public string? Topic { get; set; }
    public int Questions { get; set; }
    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
    public int DurationSeconds { get; set; }
    public int AttemptsAllowed { get; set; }
    /// <summary>JSON array of the points for 1st, 2nd, 3rd ... place, credited when the contest is closed.</summary>
    public required string PlacePoints { get; set; }
    /// <summary>When the results were settled (points credited, feed item published); null while not.</summary>
    public DateTime? SettledAt { get; set; }
    /// <summary>Draw only from the banks of this name on the org's chain, when given; else from every bank there.</summary>
    public string? BankName { get; set; }
    /// <summary>The module whose service at <see cref="OrgUnitId"/> drives this contest (its settings), when it came from a module template.</summary>
    public string? ModuleKey { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// One practice run of a training level or one contest attempt: the questions drawn for this person in their order,
/// the answers given so far, and once finished the score. <see cref="OpenFor"/> holds the account ID while a contest
/// attempt is open and is unique, so a person has one open contest attempt at most, whatever races.
/// </summary>
public sealed class QuizAttempt
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    /// <summary>The participant's union when they started (their worker role's org), for union leaderboards.</summary>
    public int OrgUnitId { get; set; }
    public int? TrainingId { get; set; }
    public int? Level { get; set; }
    public int? ContestId { get; set; }
    /// <summary>JSON array of question IDs in the order shown.</summary>
    public required string QuestionIds { get; set; }
    /// <summary>JSON object: question ID → the answer given.</summary>
    public string Answers { get; set; } = "{}";
    public DateTime StartedAt { get; set; }
    /// <summary>Contest attempts only: the server's deadline; answers after it are refused.</summary>
    public DateTime? Deadline { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int Score { get; set; }
    public bool Passed { get; set; }
    public string? OpenFor { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// A participant's best finished attempt of a contest, kept as attempts finish so a leaderboard reads this table in
/// index order instead of sorting every attempt: higher score first, then less time used.
/// </summary>
public sealed class ContestBest
{
    public int ContestId { get; set; }
    public required string AccountId { get; set; }
    public int OrgUnitId { get; set; }
    public int Score { get; set; }
    public long TimeUsedMs { get; set; }
    public long AttemptId { get; set; }
    public DateTime AchievedAt { get; set; }
}

/// <summary>
/// A grassroots union's figures in a contest, kept up to date in the transaction that changes one of its members'
/// best scores (<see cref="ContestBest"/>): how many took part and the sums of their best scores and times, so the
/// union leaderboard reads one row per union (mean score, then mean time used) instead of grouping every best score.
/// </summary>
public sealed class ContestUnionScore
{
    public int ContestId { get; set; }
    public int OrgUnitId { get; set; }
    public int Participants { get; set; }
    public long ScoreSum { get; set; }
    public long TimeUsedMsSum { get; set; }
}

/// <summary>
/// A contest's score histogram: how many participants hold each best score (<see cref="ContestBest"/>), kept in the
/// transaction that changes a best, so "my rank" is a sum over at most one row per possible score plus a count of the
/// bests tied on my score with less time used, not a count over every best ahead of mine.
/// </summary>
public sealed class ContestScoreCount
{
    public int ContestId { get; set; }
    public int Score { get; set; }
    public int Participants { get; set; }
}

/// <summary>
/// The same histogram per grassroots union (the best's <see cref="ContestBest.OrgUnitId"/>), for a leaderboard scoped to
/// a subtree: my rank there sums the rows of the unions inside it. Keyed by union, not by ancestor, so moving an org
/// leaves every row right.
/// </summary>
public sealed class ContestUnionScoreCount
{
    public int ContestId { get; set; }
    public int OrgUnitId { get; set; }
    public int Score { get; set; }
    public int Participants { get; set; }
}
