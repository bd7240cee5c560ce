using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FormFlow.Persistence.Cases;
using FormFlow.Persistence.Members;
using FormFlow.Persistence.Points;
using FormFlow.Server.Members;

namespace FormFlow.Cli.CityGeneration;

/// <summary>
/// The generated city's member store, and what the dispatcher's effect handlers would have written for the effects
/// of the generated cases: <c>recordRedemption</c> uses one of the member's yearly entitlement and adds a redemption
/// (refused, with nothing recorded, when the year's quota is used up — the store has the last word, as in
/// <c>RecordRedemptionHandler</c>), <c>awardPoints</c> adds a ledger entry, <c>issueMemberCard</c> makes the join
/// applicant a member with the city's benefits. Other effects (notices, publications) leave no rows here. Uses are
/// counted per member, benefit and year, so a member's entitlement facts before each of their cases and the
/// entitlement rows written at the end (the last year's counter) are what the store would hold. Thread-safe for
/// walkers that share no member.
/// </summary>
internal sealed class CityEffects(CityGenerator.People people, IReadOnlyList<BenefitOffer> offers)
{
    private readonly ConcurrentDictionary<long, int> _used = new();
    private readonly ConcurrentDictionary<long, int> _lastYear = new();
    private readonly Dictionary<string, int> _benefits = offers.Select((o, i) => (o.BenefitId, i)).ToDictionary(x => x.BenefitId, x => x.i);
    private readonly ConcurrentBag<(long CaseId, Member Member)> _joined = [];
    private readonly ConcurrentBag<(long CaseId, int MemberIndex, int Benefit, Redemption Redemption)> _redeemed = [];
    private long _firstMember, _firstEntitlement;

    /// <summary>The rows an effect adds that are written with their case.</summary>
    public sealed record Rows(List<PointsEntry> Points);

    public Applicant Applicant(int member)
    {
        var seed = people.Members[member];
        return new Applicant(seed.AccountId, seed.UserName, seed.OrgUnitId, member, at => EntitlementFacts.Describe(EntitlementsAt(member, at), at));
    }

    /// <summary>An applicant who is no member: the server's entitlement facts are empty for them.</summary>
    public static Applicant NoMember(string accountId, string userName, int org) => new(accountId, userName, org, null, _ => []);

    /// <summary>The member's entitlements as the store would hold them at <paramref name="at"/>: that year's counter per benefit.</summary>
    private List<Entitlement> EntitlementsAt(int member, DateTimeOffset at)
    {
        var year = at.ToOffset(Quotas.ChinaStandardTime).Year;
        return offers.Select((o, b) => new Entitlement
        {
            BenefitId = o.BenefitId, Name = o.Name, Quota = o.QuotaPerYear, IdempotencyKey = "",
            CurrentPeriod = year.ToString("D4"), UsedInPeriod = _used.GetValueOrDefault(Key(member, b, year)),
        }).ToList();
    }

    /// <summary>Carries out the case's done effects in order (after its walk: a case's own effects never feed its own facts in the shipped modules).</summary>
    public Rows Apply(WalkedCase walked, Applicant applicant, bool join)
    {
        var points = new List<PointsEntry>();
        foreach (var entry in walked.Outbox)
        {
            var payload = System.Text.Json.Nodes.JsonNode.Parse(entry.Payload)!.AsObject();
            var key = $"{entry.CaseId}:{entry.Key}";
            var at = entry.DoneAt!.Value;
            switch (entry.Kind)
            {
                case "recordRedemption" when applicant.Member is { } member && (string?)payload["benefit"] is { } benefit:
                    var year = payload["year"] is JsonValue y && y.TryGetValue<int>(out var given) ? given : LocalYear(at);
                    var merchant = payload["merchant"] is JsonValue m && m.TryGetValue<string>(out var text) ? text : null;
                    if (Take(member, benefit, year) is { } b)
                        _redeemed.Add((entry.CaseId, member, b, new Redemption
                        {
                            At = at, Period = year.ToString("D4"), CaseId = entry.CaseId, IdempotencyKey = key, Note = merchant is null ? null : "merchant: " + merchant,
                        }));
                    break;
                case "awardPoints":
                    points.Add(new PointsEntry
                    {
                        AccountId = payload["member"] is JsonValue v && v.TryGetValue<string>(out var id) && id.Length > 0 ? id : applicant.AccountId,
                        Points = (int)payload["points"]!, Kind = (string)payload["kind"]!, Reason = (string)payload["reason"]!, CaseId = entry.CaseId,
                        AwardedAt = at, IdempotencyKey = key,
                    });
                    break;
                case "issueMemberCard" when join:
                    var org = payload["org"] is JsonValue o && int.TryParse(o.ToString(), out var named) && people.Parents.ContainsKey(named) ? named : applicant.OrgUnitId;
                    var since = at;
                    var joined = new Member
                    {
                        AccountId = applicant.AccountId, OrgUnitId = org, Since = since, CaseId = entry.CaseId, IdempotencyKey = key,
                        MemberNumber = MemberNumbers.Of(LocalYear(since), (int)((people.Members.Count + entry.CaseId) * 7_919L % 10_000_000)),
                        Entitlements = offers.Select(offer => new Entitlement
                        {
                            BenefitId = offer.BenefitId, Name = offer.Name, Quota = offer.QuotaPerYear, GrantedAt = since, IdempotencyKey = $"{key}:{offer.BenefitId}",
                        }).ToList(),
                    };
                    _joined.Add((entry.CaseId, joined));
                    break;
            }
        }
        return new Rows(points);
    }

    /// <summary>A member's use at a merchant (the merchant's verify-and-redeem), unless the year's quota is used up.</summary>
    public Redemption? Use(int member, string benefit, DateTime at, string key, string merchantAccountId)
    {
        if (Take(member, benefit, LocalYear(at)) is not { } b) return null;
        var redemption = new Redemption { MerchantAccountId = merchantAccountId, At = at, Period = LocalYear(at).ToString("D4"), IdempotencyKey = key };
        _redeemed.Add((0, member, b, redemption));
        return redemption;
    }

    /// <summary>One use of the benefit in the year, if the quota allows; the benefit's index.</summary>
    private int? Take(int member, string benefit, int year)
    {
        if (!_benefits.TryGetValue(benefit, out var b)) return null;
        var counter = Key(member, b, year);
        var used = _used.GetValueOrDefault(counter);
        if (used >= offers[b].QuotaPerYear) return null;
        _used[counter] = used + 1;
        var latest = Key(member, b, 0);
        if (_lastYear.GetValueOrDefault(latest) < year) _lastYear[latest] = year;
        return b;
    }

    private static long Key(int member, int benefit, int year) => ((long)member << 24) | ((long)benefit << 14) | (long)year;

    private static int LocalYear(DateTime utc) => new DateTimeOffset(utc, TimeSpan.Zero).ToOffset(Quotas.ChinaStandardTime).Year;

    /// <summary>Sets the IDs of the member and entitlement rows: members in order, then those who joined by case; entitlements per member in offer order.</summary>
    public void Number(long firstMember, long firstEntitlement) => (_firstMember, _firstEntitlement) = (firstMember, firstEntitlement);

    public int MemberCount => people.Members.Count + _joined.Count;

    private List<(long CaseId, Member Member)>? _joinedInOrder;

    /// <summary>The member rows <paramref name="start"/> to start + count, each with its entitlements and their counters.</summary>
    public IEnumerable<Member> Members(int start, int count)
    {
        _joinedInOrder ??= _joined.OrderBy(j => j.CaseId).ToList();
        for (var i = start; i < start + count; i++)
        {
            Member member;
            if (i < people.Members.Count)
            {
                var seed = people.Members[i];
                member = new Member
                {
                    AccountId = seed.AccountId, MemberNumber = seed.Number, OrgUnitId = seed.OrgUnitId, Since = seed.Since,
                    IdempotencyKey = $"generated:{seed.Number}",
                    Entitlements = offers.Select(o => new Entitlement
                    {
                        BenefitId = o.BenefitId, Name = o.Name, Quota = o.QuotaPerYear, GrantedAt = seed.Since, IdempotencyKey = $"generated:{seed.Number}:{o.BenefitId}",
                    }).ToList(),
                };
                foreach (var (e, b) in member.Entitlements.Select((e, b) => (e, b)))
                    if (LastYear(i, b) is { } last) (e.CurrentPeriod, e.UsedInPeriod) = (last.Year.ToString("D4"), last.Used);
            }
            else member = _joinedInOrder[i - people.Members.Count].Member;
            member.Id = _firstMember + i;
            foreach (var (e, b) in member.Entitlements.Select((e, b) => (e, b)))
            {
                e.Id = EntitlementId(i, b);
                e.MemberId = member.Id;
            }
            yield return member;
        }
    }

    private long EntitlementId(int member, int benefit) => _firstEntitlement + (long)member * offers.Count + benefit;

    private (int Year, int Used)? LastYear(int member, int benefit) =>
        _lastYear.TryGetValue(Key(member, benefit, 0), out var year) ? (year, _used[Key(member, benefit, year)]) : null;

    /// <summary>The redemptions recorded, each pointing at its entitlement row (call after <see cref="Number"/>).</summary>
    public List<Redemption> Redemptions()
    {
        var list = new List<Redemption>(_redeemed.Count);
        foreach (var (_, member, benefit, redemption) in _redeemed)
        {
            redemption.EntitlementId = EntitlementId(member, benefit);
            list.Add(redemption);
        }
        list.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : string.CompareOrdinal(a.IdempotencyKey, b.IdempotencyKey));
        return list;
    }
}
