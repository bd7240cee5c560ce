using FormFlow.Engine.Forms.Definitions;

namespace FormFlow.Server.Responses;

/// <summary>
/// A service's results. <paramref name="ByOrg"/> breaks them down by the caller's child org units (groups under 5
/// answers, and the next-smallest where a hidden one could be worked out, carry <c>suppressed: true</c> and no
/// numbers); <paramref name="ByOrgHidden"/> says why the breakdown is empty when it is, for the browser to word. <paramref name="Turnout"/> is
/// given for once-per-member services: participants against the active members under the service's org.
/// </summary>
internal sealed record ResultsView(int ServiceId, long Responses, List<FieldResult> Fields, List<OrgResult> ByOrg, ByOrgHidden? ByOrgHidden, Turnout? Turnout);

/// <summary>
/// One field's results by type: choice, multiChoice, boolean and rating carry <paramref name="Options"/> (a rating's
/// distribution is its options "1".."scale"); rating and number carry the mean, number also min, max and median;
/// text and textarea carry the latest answers with personal data masked (<paramref name="Texts"/>, never for a secret ballot).
/// </summary>
internal sealed record FieldResult(string Key, string Type, LocalizedText? Label, long Answered, List<OptionCount>? Options,
    double? Mean, double? Min, double? Max, double? Median, List<string>? Texts);

internal sealed record OptionCount(string Value, LocalizedText? Label, long Count);

/// <summary>One child org unit (or the caller's own unit, for those answering there): null numbers when suppressed.</summary>
internal sealed record OrgResult(int OrgId, string Name, bool Suppressed, long? Responses, List<FieldResult>? Fields);

internal sealed record Turnout(long Participants, long Eligible, double Rate);

/// <summary>
/// Why there is no breakdown by org unit: <c>staffOnly</c> (the caller is no staff member over the service), or
/// <c>anonymousWhileOpen</c> (anonymous answers show nothing per group until <paramref name="Until"/>, when answers close; null when they never do).
/// </summary>
internal sealed record ByOrgHidden(string Reason, DateTimeOffset? Until)
{
    public static readonly ByOrgHidden StaffOnly = new("staffOnly", null);
    public static ByOrgHidden AnonymousWhileOpen(DateTimeOffset? closesAt) => new("anonymousWhileOpen", closesAt);
}
