namespace FormFlow.Persistence.Training;

/// <summary>
/// A question bank owned by an org. Like module templates it is shared down the hierarchy: a training or contest at
/// an org draws from the banks of that org and of every org above it (a district sees the city's bank and its own).
/// </summary>
public sealed class QuestionBank
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// One question. <see cref="Answer"/> is the key (JSON: a string, or a list for multiple choice) and never leaves the
/// server in a participant's response before that participant has answered it.
/// </summary>
public sealed class BankQuestion
{
    public long Id { get; set; }
    public int BankId { get; set; }
    public QuestionBank? Bank { get; set; }
    /// <summary>One of <see cref="QuestionTypes"/>.</summary>
    public required string Type { get; set; }
    public required string Topic { get; set; }
    /// <summary>1 (easy) to 5 (hard).</summary>
    public int Difficulty { get; set; }
    public required string Text { get; set; }
    /// <summary>JSON array of {value, label}; empty for fill-in.</summary>
    public required string Options { get; set; }
    /// <summary>JSON: the correct option value (single, true/false), the list of them (multiple) or the accepted text (fill-in).</summary>
    public required string Answer { get; set; }
    public string Explanation { get; set; } = "";
    /// <summary>An uploaded image (POST /api/files) shown with the question.</summary>
    public string? ImageFileId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The worker credited with the question when it came from question collection (an accepted proposal); null when an editor wrote it.</summary>
    public string? ProposedByAccountId { get; set; }
    /// <summary>The collection case whose accepted proposal this is.</summary>
    public long? SourceCaseId { get; set; }
    /// <summary>The outbox effect that added it (case + step): unique, so a retried effect adds the question once.</summary>
    public string? IdempotencyKey { get; set; }
}

public static class QuestionTypes
{
    public const string Single = "single", Multiple = "multiple", TrueFalse = "trueFalse", FillIn = "fillIn";
    public static readonly IReadOnlyList<string> All = [Single, Multiple, TrueFalse, FillIn];
}
