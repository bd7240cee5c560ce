using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormFlow.Engine.Forms.Definitions;
using FormFlow.Engine.Responses;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Members;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Responses;
using FormFlow.Server.Privacy;
using FormFlow.Server.Services;
using FormFlow.Server.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Responses;

/// <summary>
/// Results read from the tallies kept with each answer (never a rescan of answers); for a secret ballot from its
/// piles. Who may see them: the service's organisers always, others per <c>resultsVisibility</c>.
/// </summary>
internal sealed partial class ResultsReport(FormFlowDbContext db, SnapshotCatalog snapshots, TimeProvider clock, PiiProtector pii)
{
    /// <summary>The smallest group a breakdown shows.</summary>
    public const int MinimumGroup = 5;
    private const int TextsShown = 50;

    public async Task<Results<Ok<ResultsView>, ProblemHttpResult>> ForAsync(Account account, ServiceEntry service, CancellationToken ct)
    {
        var snapshot = await snapshots.RequireAsync(db, service.Activation.SnapshotHash, ct);
        var policy = snapshot.Policy;
        var now = clock.GetUtcNow();
        var id = service.Activation.Id;
        var organiser = service.IsOrganisedBy(account);
        var answered = await db.Participations.AnyAsync(p => p.ServiceActivationId == id && p.AccountId == account.Id, ct);
        if (!policy.ResultsVisible(organiser, answered, now)) return ResponseProblems.ResultsHidden(policy);
        return TypedResults.Ok(await BuildAsync(account, service, snapshot, now, ct));
    }

    public async Task<ResultsView> BuildAsync(Account account, ServiceEntry service, LoadedSnapshot snapshot, DateTimeOffset now, CancellationToken ct)
    {
        var id = service.Activation.Id;
        var policy = snapshot.Policy;
        var form = snapshot.StartForm.Definition;
        var secret = policy.Anonymity == ResponseAnonymity.SecretBallot;
        var tallies = await db.ResponseTallies.AsNoTracking().Where(t => t.ServiceActivationId == id).ToListAsync(ct);
        var responses = tallies.Where(t => t.Field == AnswerBuckets.Answers).Sum(t => t.Count);
        var counted = secret ? await PileBucketsAsync(id, form, ct) : Sum(tallies);
        var fields = Fields(form, counted, secret ? null : await TextsAsync(id, form, ct));

        var (byOrg, note) = await BreakdownAsync(account, service, policy, form, tallies, now, ct);
        Turnout? turnout = null;
        if (policy.Limit == ResponseLimit.Once)
        {
            var eligible = await db.Members.AsNoTracking().Where(m => m.Status == MemberStatus.Active)
                .Join(db.OrgUnits.AsNoTracking().Within(service.Org.Path), m => m.OrgUnitId, o => o.Id, (m, _) => m.Id).CountAsync(ct);
            turnout = new Turnout(responses, eligible, eligible == 0 ? 0 : Math.Round((double)responses / eligible, 4));
        }
        return new ResultsView(id, responses, fields, byOrg, note, turnout);
    }

    private static Dictionary<(string Field, string Bucket), (long Count, double Sum)> Sum(IEnumerable<ResponseTally> tallies)
    {
        var sums = new Dictionary<(string, string), (long, double)>();
        foreach (var t in tallies)
        {
            sums.TryGetValue((t.Field, t.Bucket), out var s);
            sums[(t.Field, t.Bucket)] = (s.Item1 + t.Count, s.Item2 + t.Sum);
        }
        return sums;
    }

    /// <summary>A secret ballot's counts per field and option, read from its piles (a few thousand rows at most).</summary>
    private async Task<Dictionary<(string Field, string Bucket), (long Count, double Sum)>> PileBucketsAsync(int id, FormDefinition form, CancellationToken ct)
    {
        var piles = await db.BallotPiles.AsNoTracking().Where(p => p.ServiceActivationId == id && p.Count > 0).ToListAsync(ct);
        var sums = new Dictionary<(string, string), (long, double)>();
        foreach (var pile in piles)
            foreach (var bucket in AnswerBuckets.Of(form, JsonNode.Parse(pile.Answer)!.AsObject()).Where(b => b.Field != AnswerBuckets.Answers))
            {
                sums.TryGetValue((bucket.Field, bucket.Bucket), out var s);
                sums[(bucket.Field, bucket.Bucket)] = (s.Item1 + pile.Count, s.Item2 + bucket.Sum * pile.Count);
            }
        return sums;
    }

    private static List<FieldResult> Fields(FormDefinition form, Dictionary<(string Field, string Bucket), (long Count, double Sum)> counted,
        Dictionary<string, List<string>>? texts)
    {
        var byField = counted.GroupBy(c => c.Key.Field).ToDictionary(g => g.Key, g => g.ToList());
        var results = new List<FieldResult>();
        foreach (var field in form.DataFields().Where(f => f.Key is not null))
        {
            var key = field.Key!;
            var buckets = byField.GetValueOrDefault(key) ?? [];
            long Count(string bucket) => counted.GetValueOrDefault((key, bucket)).Count;
            switch (field.Type)
            {
                case FieldTypes.Choice or FieldTypes.MultiChoice:
                    results.Add(new(key, field.Type, field.Label, field.Type == FieldTypes.Choice ? buckets.Sum(b => b.Value.Count) : Count(AnswerBuckets.Answers),
                        field.Options!.Select(o => new OptionCount(o.Value, o.Label, Count(o.Value))).ToList(), null, null, null, null, null));
                    break;
                case FieldTypes.Boolean:
                    results.Add(new(key, field.Type, field.Label, Count("true") + Count("false"),
                        [new("true", null, Count("true")), new("false", null, Count("false"))], null, null, null, null, null));
                    break;
                case FieldTypes.Rating:
                {
                    var (n, sum) = (buckets.Sum(b => b.Value.Count), buckets.Sum(b => b.Value.Sum));
                    var scale = field.Scale ?? 5;
                    results.Add(new(key, field.Type, field.Label, n,
                        Enumerable.Range(1, scale).Select(v => new OptionCount(v.ToString(CultureInfo.InvariantCulture), null, Count(v.ToString(CultureInfo.InvariantCulture)))).ToList(),
                        n == 0 ? null : Math.Round(sum / n, 4), null, null, null, null));
                    break;
                }
                case FieldTypes.Number or FieldTypes.Money:
                {
                    var values = buckets.Select(b => (Value: double.Parse(b.Key.Bucket, CultureInfo.InvariantCulture), b.Value.Count))
                        .Where(v => v.Count > 0).OrderBy(v => v.Value).ToList();
                    var n = values.Sum(v => v.Count);
                    results.Add(new(key, field.Type, field.Label, n, null,
                        n == 0 ? null : Math.Round(buckets.Sum(b => b.Value.Sum) / n, 4),
                        n == 0 ? null : values[0].Value, n == 0 ? null : values[^1].Value, Median(values, n), null));
                    break;
                }
                case FieldTypes.Text or FieldTypes.Textarea:
                    var list = texts?.GetValueOrDefault(key);
                    results.Add(new(key, field.Type, field.Label, list?.Count ?? 0, null, null, null, null, null, texts is null ? null : list ?? []));
                    break;
                default:
                    results.Add(new(key, field.Type, field.Label, 0, null, null, null, null, null, null));
                    break;
            }
        }
        return results;
    }

    /// <summary>The median from value buckets sorted by value: the middle value, or the mean of the two middle ones.</summary>
    public static double? Median(IReadOnlyList<(double Value, long Count)> sorted, long n)
    {
        if (n == 0) return null;
        double At(long index)
        {
            long seen = 0;
            foreach (var (value, count) in sorted)
            {
                seen += count;
                if (index < seen) return value;
            }
            return sorted[^1].Value;
        }
        return n % 2 == 1 ? At(n / 2) : (At(n / 2 - 1) + At(n / 2)) / 2;
    }

    /// <summary>The latest text answers, personal fields masked by class and long digit runs (phones, ID numbers) in free text too; never who wrote them.</summary>
    private async Task<Dictionary<string, List<string>>> TextsAsync(int id, FormDefinition form, CancellationToken ct)
    {
        var keys = form.DataFields().Where(f => f.Type is FieldTypes.Text or FieldTypes.Textarea && f.Key is not null).Select(f => f.Key!).ToList();
        var texts = keys.ToDictionary(k => k, _ => new List<string>());
        if (keys.Count == 0) return texts;
        var rows = await db.Responses.AsNoTracking().Where(r => r.ServiceActivationId == id).OrderByDescending(r => r.Id).Take(TextsShown)
            .Select(r => r.Data).ToListAsync(ct);
        foreach (var stored in rows)
        {
            var data = PiiProtector.Masked(form, pii.OpenAll(JsonNode.Parse(stored))!.AsObject());
            foreach (var key in keys)
                if (data[key] is JsonValue v && v.TryGetValue<string>(out var text) && text.Trim().Length > 0)
                    texts[key].Add(DigitRuns().Replace(text, m => new string('*', m.Length)));
        }
        return texts;
    }

    [GeneratedRegex(@"\d[\d\s-]{5,}\d")]
    private static partial Regex DigitRuns();

    /// <summary>
    /// The breakdown by the caller's child org units: only for staff, whose scope is the highest of their units at
    /// or under the service's org (the service's org when they sit above it). Anonymous and secret results show
    /// nothing per group before the window closes; a secret ballot shows only turnout per group.
    /// </summary>
    private async Task<(List<OrgResult>, ByOrgHidden?)> BreakdownAsync(Account account, ServiceEntry service, ResponsePolicy policy, FormDefinition form,
        List<ResponseTally> tallies, DateTimeOffset now, CancellationToken ct)
    {
        var scope = account.Roles.Where(r => Roles.ReachesSubtree(r.Role)).Select(r => r.OrgUnit!)
            .Select(o => OrgSubtree.Contains(o.Path, service.Org.Path) ? service.Org : OrgSubtree.Contains(service.Org.Path, o.Path) ? o : null)
            .Where(o => o is not null).OrderBy(o => o!.Path.Length).FirstOrDefault();
        if (scope is null) return ([], ByOrgHidden.StaffOnly);
        if (policy.Anonymity != ResponseAnonymity.Named && policy.WindowAt(now) != WindowState.Closed)
            return ([], ByOrgHidden.AnonymousWhileOpen(policy.ClosesAt));

        var children = await db.OrgUnits.AsNoTracking().Where(o => o.ParentId == scope.Id).OrderBy(o => o.Id).ToListAsync(ct);
        var orgIds = tallies.Select(t => t.OrgUnitId).Distinct().ToList();
        var paths = await db.OrgUnits.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Path, ct);
        var groups = children.Select(c => (c.Id, c.Name, Tallies: tallies.Where(t => paths.TryGetValue(t.OrgUnitId, out var p) && OrgSubtree.Contains(c.Path, p)).ToList())).ToList();
        // Those answering at the scope's own unit are a group too, so the groups add up to the whole.
        var own = tallies.Where(t => t.OrgUnitId == scope.Id).ToList();
        if (own.Count > 0) groups.Insert(0, (scope.Id, scope.Name, own));

        var counts = groups.Select(g => g.Tallies.Where(t => t.Field == AnswerBuckets.Answers).Sum(t => t.Count)).ToList();
        var hidden = Suppressed(counts);
        var secret = policy.Anonymity == ResponseAnonymity.SecretBallot;
        var results = groups.Select((g, i) => hidden[i]
            ? new OrgResult(g.Id, g.Name, true, null, null)
            : new OrgResult(g.Id, g.Name, false, counts[i], secret ? null : Fields(form, Sum(g.Tallies), null))).ToList();
        return (results, null);
    }

    /// <summary>
    /// Which groups to hide: every group under <see cref="MinimumGroup"/> answers, and when exactly one group is
    /// hidden (its size could be worked out by subtracting the others from the total), the smallest shown one too.
    /// </summary>
    public static bool[] Suppressed(IReadOnlyList<long> counts)
    {
        var hidden = counts.Select(c => c < MinimumGroup).ToArray();
        if (hidden.Count(h => h) == 1)
        {
            var next = Enumerable.Range(0, counts.Count).Where(i => !hidden[i]).OrderBy(i => counts[i]).Select(i => (int?)i).FirstOrDefault();
            if (next is { } n) hidden[n] = true;
        }
        return hidden;
    }
}
