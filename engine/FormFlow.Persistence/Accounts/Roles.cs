namespace FormFlow.Persistence.Accounts;

/// <summary>
/// The roles an account can hold at an org unit. Staff roles reach the unit's subtree; <see cref="Worker"/> and
/// <see cref="Merchant"/> act only for themselves at their own unit.
/// </summary>
public static class Roles
{
    /// <summary>Composes module templates and publishes versions (Studio).</summary>
    public const string Designer = "designer";
    /// <summary>Derives templates, activates services and manages accounts for a subtree.</summary>
    public const string Admin = "admin";
    /// <summary>Works review tasks (approve, reject, request information).</summary>
    public const string Reviewer = "reviewer";
    /// <summary>Answers legal consultations.</summary>
    public const string Lawyer = "lawyer";
    /// <summary>An expert the union consults (e.g. on labour law or occupational health): works the tasks assigned to the role.</summary>
    public const string Expert = "expert";
    /// <summary>Reads statistics for a subtree.</summary>
    public const string Analyst = "analyst";
    /// <summary>A worker or member using the Portal: their own cases and card only.</summary>
    public const string Worker = "worker";
    /// <summary>A discount merchant: verifies member cards and records redemptions only.</summary>
    public const string Merchant = "merchant";

    public static readonly IReadOnlyList<string> All = [Designer, Admin, Reviewer, Lawyer, Expert, Analyst, Worker, Merchant];

    /// <summary>Roles whose holder sees and acts on the whole subtree of the unit they hold it at.</summary>
    public static bool ReachesSubtree(string role) => role is not (Worker or Merchant);
}
