using FormFlow.Persistence.Members;

namespace FormFlow.Server.Members;

/// <summary>The member card: who, where, and a fresh credential with its QR code (refresh before <c>ExpiresAt</c>).</summary>
internal sealed record CardView(
    string MemberNumber, string DisplayName, int OrgUnitId, string OrgName, MemberStatus Status, DateTimeOffset Since,
    string Credential, DateTimeOffset ExpiresAt, string QrSvg);

/// <summary>An entitlement with its uses in the current period (<c>CurrentPeriod</c>, e.g. 2026 for a calendar year).</summary>
internal sealed record EntitlementView(long Id, string BenefitId, string Name, int Quota, int Used, int Remaining, QuotaPeriod Period, string CurrentPeriod)
{
    public static EntitlementView Of(Entitlement e, DateTimeOffset now)
    {
        var period = Quotas.PeriodOf(e.Period, now);
        var used = e.UsedIn(period);
        return new EntitlementView(e.Id, e.BenefitId, e.Name, e.Quota, used, Math.Max(e.Quota - used, 0), e.Period, period);
    }
}

/// <summary>
/// What a merchant or cadre learns from a credential. Invalid: <c>Valid</c> false with a <c>Reason</c> code
/// (<c>malformed</c>, <c>badSignature</c>, <c>unknownKey</c>, <c>expired</c>, <c>notYetValid</c>, <c>unknownMember</c>,
/// <c>suspended</c>) and a <c>Message</c> for people.
/// </summary>
internal sealed record VerifyView(
    bool Valid, string? Reason, string? Message, string? MemberNumber, string? DisplayName, string? OrgName, MemberStatus? Status,
    DateTimeOffset? ExpiresAt, IReadOnlyList<EntitlementView>? Entitlements);

internal sealed record RedemptionView(long Id, EntitlementView Entitlement, DateTimeOffset At, string? Note);

/// <summary>The key that verifies member card credentials offline: as PEM and as a JWK.</summary>
internal sealed record PublicKeyView(string Algorithm, string KeyId, string PublicKeyPem, PublicJwk Jwk);

internal sealed record PublicJwk(string Kty, string Crv, string X, string Y, string Kid, string Alg, string Use);
