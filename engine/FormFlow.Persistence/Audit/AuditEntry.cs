namespace FormFlow.Persistence.Audit;

/// <summary>
/// One line of the append-only audit log. Entries are only ever added: <see cref="FormFlowDbContext"/> refuses to
/// save a changed or deleted entry, and database triggers refuse UPDATE and DELETE on the table.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    /// <summary>UTC time the event happened.</summary>
    public DateTime At { get; set; }
    /// <summary>The account that acted (user name), or <see cref="AuditLog.SystemActor"/> for seeding and background work, or "anonymous".</summary>
    public required string Actor { get; set; }
    /// <summary>Dotted event name, e.g. <c>auth.login.failed</c>, <c>seed.demo</c>.</summary>
    public required string Action { get; set; }
    /// <summary>What the event is about, e.g. <c>account:designer</c> or <c>org:4</c>.</summary>
    public string? Target { get; set; }
    /// <summary>
    /// The org unit the change concerns (the account's, org's, merchant's or case's unit), which scopes the entry to the
    /// admins of that unit and above; null for entries about no one unit and for entries written before it existed,
    /// which only admins of a root unit read.
    /// </summary>
    public int? OrgId { get; set; }
    /// <summary>Event details as a JSON object.</summary>
    public string Details { get; set; } = "{}";
}
