using System.Globalization;

namespace FormFlow.Cli.CityGeneration;

/// <summary>
/// What `formflow db generate` is asked for: the size of the city, the years of history up to <see cref="Until"/>
/// (midnight UTC), the seed everything random is drawn from, and how many cases per member and year
/// (<see cref="CaseRate"/> scales <see cref="CasesPerMemberYear"/>). The same plan on an empty database gives the
/// same rows.
/// </summary>
internal sealed record CityPlan(int Members, int Orgs, int Years, int Seed, DateTime Until, double CaseRate)
{
    public const int MaxMembers = 10_000_000;
    public const int MaxOrgs = 100_000;
    public const int MaxYears = 10;

    /// <summary>Cases a member starts per year, by module (grassroots unions' notices and districts' directory entries aside).</summary>
    public static readonly IReadOnlyDictionary<string, double> CasesPerMemberYear = new Dictionary<string, double>
    {
        ["join"] = 0.04, ["benefits"] = 0.25, ["legal-consultation"] = 0.01, ["qa"] = 0.02, ["ideas"] = 0.01,
    };

    /// <summary>Notices a grassroots union asks to publish per year; directory entries a district adds per year.</summary>
    public const double NoticesPerOrgYear = 1.0, DirectoryEntriesPerDistrictYear = 2.0;

    /// <summary>Survey and vote answers per member and year (the response modules take answers, not cases).</summary>
    public const double AnswersPerMemberYear = 0.3;

    /// <summary>Direct redemptions at merchants (the merchant's own verify-and-redeem) per member and year.</summary>
    public const double RedemptionsPerMemberYear = 0.8;

    public DateTime From => Until.AddYears(-Years);

    /// <summary>Districts: one per 300 grassroots unions, at least 2 and at most 40.</summary>
    public int Districts => Math.Clamp(Orgs / 300, 2, 40);

    /// <summary>Streets: one per 20 grassroots unions, at least two per district.</summary>
    public int Streets => Math.Max(Districts * 2, Orgs / 20);

    /// <summary>Checks the options; the message names the option that is wrong.</summary>
    public static CityPlan Parse(int members, int orgs, int years, int seed, string? until, double caseRate)
    {
        if (members is < 1 or > MaxMembers) throw new CliException($"--members must be between 1 and {MaxMembers:N0}, not {members}");
        if (orgs is < 1 or > MaxOrgs) throw new CliException($"--orgs (grassroots unions) must be between 1 and {MaxOrgs:N0}, not {orgs}");
        if (orgs > members) throw new CliException($"--orgs ({orgs}) must not exceed --members ({members}): every grassroots union has a member");
        if (years is < 1 or > MaxYears) throw new CliException($"--years must be between 1 and {MaxYears}, not {years}");
        if (caseRate is < 0 or > 100 || double.IsNaN(caseRate)) throw new CliException($"--case-rate must be between 0 and 100, not {caseRate}");
        var end = DateTime.UtcNow.Date;
        if (until is not null && !DateTime.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out end))
            throw new CliException($"--until must be a date as yyyy-MM-dd, not '{until}'");
        return new CityPlan(members, orgs, years, seed, DateTime.SpecifyKind(end, DateTimeKind.Utc), caseRate);
    }
}
