namespace FormFlow.Engine.Workflows.Runtime;

public enum TokenStatus { Pending, Waiting, Parked, Faulted }

/// <summary>
/// A point of control. <see cref="Scopes"/> is the stack of fork scopes it runs in (innermost last);
/// <see cref="Step"/> numbers its arrival at <see cref="ActivityId"/> and makes idempotency keys stable on retry.
/// </summary>
public sealed class Token
{
    public string Id { get; set; } = "";
    public string ActivityId { get; set; } = "";
    public List<string> Scopes { get; set; } = [];
    public TokenStatus Status { get; set; }
    public long Step { get; set; }

    public Token Clone() => new() { Id = Id, ActivityId = ActivityId, Scopes = [.. Scopes], Status = Status, Step = Step };
}

/// <summary>A fork's branches, awaited by the join that closes the scope.</summary>
public sealed record ForkScope(string Id, string ForkActivityId, string? ParentId);
