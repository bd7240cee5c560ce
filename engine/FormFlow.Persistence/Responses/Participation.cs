namespace FormFlow.Persistence.Responses;

/// <summary>
/// That an account answered a service in a period (<c>once</c>, <c>2026-12-06</c>, <c>2026-W49</c>, ...): unique, so two
/// racing answers of one member meet at the key and one of them fails. Holds the respondent's org for turnout and
/// nothing else — no time, no answer — because for a secret ballot it is the only row that names the voter.
/// </summary>
public sealed class Participation
{
    public int ServiceActivationId { get; set; }
    public required string AccountId { get; set; }
    public required string PeriodKey { get; set; }
    public int OrgUnitId { get; set; }
}
