using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FormFlow.Server.Members;

/// <summary>
/// The member card credential: a compact JWS (ES256) — base64url header, payload and signature joined by dots — whose
/// payload holds the member number (<c>sub</c>), the org unit (<c>org</c>), issued-at and expiry (<c>iat</c>,
/// <c>exp</c>, Unix seconds). Anyone with the public key from <c>GET /api/members/public-key</c> can check it
/// offline with any JWT library; the server checks it again on <c>POST /api/verify</c> and reads the member's
/// current status from the store.
/// </summary>
internal sealed class MemberCredentials(CardSigningKey key, TimeProvider clock)
{
    public const string Algorithm = "ES256";
    public const string Type = "formflow-member-card";
    /// <summary>Tolerated clock difference between the issuing server and a verifier.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);
    private const int MaxLength = 1024;

    public TimeSpan Lifetime => key.Lifetime;

    public (string Credential, DateTimeOffset ExpiresAt) Issue(string memberNumber, int orgUnitId)
    {
        var now = clock.GetUtcNow();
        var expires = now + key.Lifetime;
        var header = new JsonObject { ["alg"] = Algorithm, ["typ"] = Type, ["kid"] = key.KeyId };
        var payload = new JsonObject
        {
            ["sub"] = memberNumber,
            ["org"] = orgUnitId,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
        };
        var signingInput = Encode(header) + "." + Encode(payload);
        var signature = key.Key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return (signingInput + "." + Base64Url.EncodeToString(signature), expires);
    }

    /// <summary>Checks form, key, signature and time; never throws on bad input.</summary>
    public CredentialCheck Verify(string? credential)
    {
        if (string.IsNullOrWhiteSpace(credential) || credential.Length > MaxLength) return CredentialCheck.Refused("malformed", "the credential is empty or too long");
        var parts = credential.Trim().Split('.');
        if (parts.Length != 3) return CredentialCheck.Refused("malformed", "the credential is not three dot-separated parts");
        if (Decode(parts[0]) is not { } header || Decode(parts[1]) is not { } payload || parts[2].Length == 0 || !Base64Url.IsValid(parts[2]))
            return CredentialCheck.Refused("malformed", "the credential is not base64url JSON");
        if (Text(header, "alg") != Algorithm) return CredentialCheck.Refused("malformed", $"the credential is not signed with {Algorithm}");
        if (Text(header, "kid") != key.KeyId) return CredentialCheck.Refused("unknownKey", "the credential was signed with a key this server does not use");

        var signature = Base64Url.DecodeFromChars(parts[2]);
        var signed = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (signature.Length != 64 || !key.Key.VerifyData(signed, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            return CredentialCheck.Refused("badSignature", "the signature does not match: the credential was forged or altered");

        if (Text(payload, "sub") is not { } memberNumber || Number(payload, "org") is not { } org
            || Number(payload, "iat") is not { } issuedAt || Number(payload, "exp") is not { } expiresAt)
            return CredentialCheck.Refused("malformed", "the credential lacks sub, org, iat or exp");
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        if (now > expiresAt + (long)ClockSkew.TotalSeconds)
            return CredentialCheck.Refused("expired", $"the credential expired at {DateTimeOffset.FromUnixTimeSeconds(expiresAt):u}: ask the member to refresh the card");
        if (issuedAt > now + (long)ClockSkew.TotalSeconds)
            return CredentialCheck.Refused("notYetValid", "the credential is dated in the future");
        return new CredentialCheck(true, null, null, memberNumber, (int)org, DateTimeOffset.FromUnixTimeSeconds(expiresAt));
    }

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static JsonObject? Decode(string part)
    {
        if (part.Length == 0 || !Base64Url.IsValid(part)) return null;
        try { return JsonNode.Parse(Base64Url.DecodeFromChars(part)) as JsonObject; }
        catch (JsonException) { return null; }
    }

    private static string? Text(JsonObject json, string name) =>
        json[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static long? Number(JsonObject json, string name) =>
        json[name] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;
}

/// <summary>The outcome of checking a credential; <see cref="Reason"/> is a code for clients, <see cref="Message"/> tells people.</summary>
internal sealed record CredentialCheck(bool Valid, string? Reason, string? Message, string? MemberNumber, int? OrgUnitId, DateTimeOffset? ExpiresAt)
{
    public static CredentialCheck Refused(string reason, string message) => new(false, reason, message, null, null, null);
}
