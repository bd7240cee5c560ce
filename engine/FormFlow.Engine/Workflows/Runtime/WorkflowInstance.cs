using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace FormFlow.Engine.Workflows.Runtime;

public enum WorkflowStatus { Running, Waiting, Finished, Faulted }

/// <summary>
/// The whole state of one workflow run. It serializes to JSON (<see cref="ToJson"/>) and resumes in another
/// process from <see cref="FromJson"/>; the runner never changes an instance it is given, it returns a new one.
/// </summary>
public sealed class WorkflowInstance
{
    public string Id { get; set; } = "";
    /// <summary>For a sub-module instance, the ID of the instance that called it.</summary>
    public string? ParentId { get; set; }

    public string DefinitionId { get; set; } = "";
    public int DefinitionVersion { get; set; }
    public WorkflowStatus Status { get; set; }

    /// <summary>Workflow variables; activity results land here (see the README for where each one writes).</summary>
    public JsonObject Variables { get; set; } = [];

    /// <summary>The start input (the submitted form data); replaced when the applicant resubmits.</summary>
    public JsonObject Input { get; set; } = [];

    /// <summary>Case facts seen by expressions as <c>caseInfo</c> (<c>case</c> is a JavaScript keyword): id, applicantOrg, org (the handling org), ...</summary>
    public JsonObject Case { get; set; } = [];

    public List<Bookmark> Bookmarks { get; set; } = [];

    /// <summary>Tokens that are waiting at a bookmark, parked at a join, scheduled or faulted.</summary>
    public List<Token> Tokens { get; set; } = [];

    /// <summary>Open fork scopes (see the README: a join closes the innermost scope of the token reaching it).</summary>
    public List<ForkScope> Scopes { get; set; } = [];

    /// <summary>Activity IDs in the order they ran.</summary>
    public List<string> Visited { get; set; } = [];

    public List<Incident> Incidents { get; set; } = [];
    public List<TimelineEntry> Timeline { get; set; } = [];

    /// <summary>Side effects for the server to carry out (notifications, member cards, ...), each with an idempotency key.</summary>
    public List<OutboxItem> Outbox { get; set; } = [];

    /// <summary>Running sub-module instances started by callSubModule activities.</summary>
    public List<WorkflowInstance> Children { get; set; } = [];

    /// <summary>Source of token, bookmark, scope and step numbers, so the same stimuli give the same IDs.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Open bookmarks of this instance and of its running sub-modules.</summary>
    public IEnumerable<Bookmark> AllBookmarks() => Bookmarks.Concat(Children.SelectMany(c => c.AllBookmarks()));

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public JsonNode ToJsonNode() => JsonSerializer.SerializeToNode(this, JsonOptions)!;

    public static WorkflowInstance FromJson(string json) =>
        JsonSerializer.Deserialize<WorkflowInstance>(json, JsonOptions)
        ?? throw new JsonException("a workflow instance document must be an object, not null");

    /// <summary>A deep copy: stimuli are applied to a copy so a rejected one leaves the original untouched.</summary>
    public WorkflowInstance Clone() => new()
    {
        Id = Id,
        ParentId = ParentId,
        DefinitionId = DefinitionId,
        DefinitionVersion = DefinitionVersion,
        Status = Status,
        Variables = (JsonObject)Variables.DeepClone(),
        Input = (JsonObject)Input.DeepClone(),
        Case = (JsonObject)Case.DeepClone(),
        Bookmarks = Bookmarks.Select(b => b with { Payload = (JsonObject)b.Payload.DeepClone() }).ToList(),
        Tokens = Tokens.Select(t => t.Clone()).ToList(),
        Scopes = [.. Scopes],
        Visited = [.. Visited],
        Incidents = [.. Incidents],
        Timeline = Timeline.Select(e => e with { Detail = (JsonObject?)e.Detail?.DeepClone() }).ToList(),
        Outbox = Outbox.Select(o => o with { Payload = (JsonObject)o.Payload.DeepClone() }).ToList(),
        Children = Children.Select(c => c.Clone()).ToList(),
        Sequence = Sequence,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
    };
}

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

/// <summary>What a waiting activity waits for. <see cref="Payload"/> holds the kind's details (assignment, deadline, event name ...).</summary>
public sealed record Bookmark(
    string Id,
    string ActivityId,
    string TokenId,
    string Kind,
    JsonObject Payload,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt = null);

/// <summary>Bookmark kinds, as written in instance JSON.</summary>
public static class BookmarkKinds
{
    public const string UserTask = "userTask";
    public const string RequestInformation = "requestInformation";
    public const string OfflineHandling = "offlineHandling";
    public const string Event = "event";
    public const string Timer = "timer";
    public const string SubModule = "subModule";
}

/// <summary>A fault at an activity; <see cref="ResolvedAt"/> is set when a retry gets past it.</summary>
public sealed record Incident(string Id, string ActivityId, string TokenId, string Message, DateTimeOffset At, DateTimeOffset? ResolvedAt = null);

/// <summary>A history line for people: what happened, when, by whom.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Event, string? ActivityId = null, string? By = null, JsonObject? Detail = null);

/// <summary>
/// A side effect recorded for the server to carry out. <see cref="Key"/> (instance + activity + step) is the
/// idempotency key: re-running a step after a retry records nothing new.
/// </summary>
public sealed record OutboxItem(string Key, string Kind, string ActivityId, DateTimeOffset At, JsonObject Payload);
