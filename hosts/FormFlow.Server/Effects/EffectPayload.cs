using System.Text.Json.Nodes;

namespace FormFlow.Server.Effects;

/// <summary>Reading the inputs of effects; a missing input is a clear error for the dispatcher to record.</summary>
internal static class EffectPayload
{
    public static string RequiredString(JsonObject payload, string name, string effect) =>
        payload[name] is JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 0 ? text
            : throw new InvalidOperationException($"{effect}: the payload has no '{name}'");

    public static int RequiredInt(JsonObject payload, string name, string effect) =>
        payload[name] is JsonValue v && v.TryGetValue<int>(out var number) ? number
            : throw new InvalidOperationException($"{effect}: the payload has no integer '{name}'");

    /// <summary>The account the effect is for: the payload's <c>member</c> account ID, else the case's applicant.</summary>
    public static string Account(EffectRequest request) =>
        request.Item.Payload["member"] is JsonValue v && v.TryGetValue<string>(out var id) && id.Length > 0 ? id : request.ApplicantAccountId;
}
