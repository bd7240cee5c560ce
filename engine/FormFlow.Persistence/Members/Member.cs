using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;

namespace FormFlow.Persistence.Members;

/// <summary>
/// A union member: one per account, created once by the <c>issueMemberCard</c> step of a join case. The member card
/// is not stored: it is a short-lived signed credential made from <see cref="MemberNumber"/> and the org on request.
/// </summary>
public sealed class Member
{
    public long Id { get; set; }
    public required string AccountId { get; set; }
    public Account? Account { get; set; }

    /// <summary>Readable and unique, with a check digit so a mistyped number is caught (see <see cref="MemberNumbers"/>).</summary>
    public required string MemberNumber { get; set; }

    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public MemberStatus Status { get; set; } = MemberStatus.Active;

    /// <summary>UTC time the membership began.</summary>
    public DateTime Since { get; set; }

    /// <summary>The case whose workflow issued the card (null for members created otherwise, e.g. imported).</summary>
    public long? CaseId { get; set; }

    /// <summary>The effect's idempotency key: a retried step finds this member instead of creating a second one.</summary>
    public required string IdempotencyKey { get; set; }

    public List<Entitlement> Entitlements { get; set; } = [];
}

public enum MemberStatus
{
    Active,
    Suspended,
}
