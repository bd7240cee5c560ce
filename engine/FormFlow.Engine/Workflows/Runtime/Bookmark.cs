using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.Runtime;

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
