using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.Runtime;

/// <summary>A fault at an activity; <see cref="ResolvedAt"/> is set when a retry gets past it.</summary>
public sealed record Incident(string Id, string ActivityId, string TokenId, string Message, DateTimeOffset At, DateTimeOffset? ResolvedAt = null);

/// <summary>A history line for people: what happened, when, by whom.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Event, string? ActivityId = null, string? By = null, JsonObject? Detail = null);

/// <summary>
/// A side effect recorded for the server to carry out. <see cref="Key"/> (instance + activity + step) is the
/// idempotency key: re-running a step after a retry records nothing new.
/// </summary>
public sealed record OutboxItem(string Key, string Kind, string ActivityId, DateTimeOffset At, JsonObject Payload);
