using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;

namespace FormFlow.Persistence.Members;

/// <summary>
/// A union member: one per account, created once by the <c>issueMemberCard</c> step of a join case, or imported from
/// a union's member list before the person has an account (<see cref="AccountId"/> null until they register with the
/// imported mobile number). The member card is not stored: it is a short-lived signed credential made from
/// <see cref="MemberNumber"/> and the org on request.
/// </summary>
public sealed class Member
{
    public long Id { get; set; }
    /// <summary>The member's account; null for an imported member who has not registered yet.</summary>
    public string? AccountId { get; set; }
    public Account? Account { get; set; }

    /// <summary>An imported member's name, sealed at rest (personal data); null for members who joined with an account.</summary>
    public string? PersonName { get; set; }
    /// <summary>An imported member's resident ID, sealed at rest (personal data).</summary>
    public string? ResidentId { get; set; }
    /// <summary>An imported member's mobile number (11 digits), by which their registration finds the record.</summary>
    public string? Mobile { get; set; }

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
