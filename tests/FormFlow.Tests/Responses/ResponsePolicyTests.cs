using System.Text.Json.Nodes;
using FormFlow.Engine.Modules;
using FormFlow.Engine.Modules.Packages;
using FormFlow.Engine.Modules.Resolution;
using FormFlow.Engine.Responses;
using static FormFlow.Tests.Modules.ModuleFixture;

namespace FormFlow.Tests.Responses;

/// <summary>The response policy read from module settings: shipped templates, refused values naming the setting, China-time periods, locks.</summary>
public sealed class ResponsePolicyTests
{
    private static JsonObject Vote() => ModulePackageLoader.Load(Repo("module-templates/vote"));
    private static JsonObject Survey() => ModulePackageLoader.Load(Repo("module-templates/survey"));

    private static List<ModuleProblem> With(JsonObject module, string setting, JsonNode? value)
    {
        module["settings"]![setting] = new JsonObject { ["value"] = value };
        return ModuleSoundness.Check(module);
    }

    [Fact]
    public void The_shipped_vote_is_a_secret_ballot_once_per_member_closing_in_2027_and_the_survey_a_named_one()
    {
        var vote = ResponsePolicy.Of(ChainResolver.Resolve(Vote(), []).Module);
        Assert.True(vote.Responses);
        Assert.Equal(ResponseAnonymity.SecretBallot, vote.Anonymity);
        Assert.Equal(ResponseLimit.Once, vote.Limit);
        Assert.Equal(DateTimeOffset.Parse("2027-06-30T16:00:00Z"), vote.ClosesAt);
        Assert.Equal(ResultsVisibility.AfterClose, vote.Results);
        var survey = ResponsePolicy.Of(ChainResolver.Resolve(Survey(), []).Module);
        Assert.Equal((ResponseAnonymity.Named, ResultsVisibility.AfterAnswer), (survey.Anonymity, survey.Results));
    }

    [Theory]
    [InlineData("responseLimit", "\"fortnight\"")]
    [InlineData("responseAnonymity", "\"secret\"")]
    [InlineData("resultsVisibility", "true")]
    [InlineData("responseClosesAt", "\"2027-06-30\"")]
    [InlineData("responseEligibility", "\"while (true) {}\"")]
    [InlineData("responseEligibility", "\"member.isMember\"")]
    public void A_bad_policy_value_is_refused_naming_its_setting(string setting, string value)
    {
        var problem = Assert.Single(With(Survey(), setting, JsonNode.Parse(value)));
        Assert.Equal(setting, problem.Element);
        Assert.Equal($"/settings/{setting}/value", problem.Path);
        Assert.Contains(setting, problem.Message);
    }

    [Fact]
    public void A_secret_ballot_with_a_text_field_or_without_a_limit_is_refused()
    {
        var problems = With(Survey(), "responseAnonymity", "secretBallot");
        Assert.Contains(problems, p => p.Message.Contains("only choice, multiChoice and boolean") && p.Message.Contains("'suggestion' is textarea"));
        Assert.Contains(With(Vote(), "responseLimit", "unlimited"), p => p.Element == "responseLimit" && p.Message.Contains("secret ballot"));
    }

    [Fact]
    public void Periods_are_calendar_periods_in_China_time()
    {
        DateTimeOffset utc(string s) => DateTimeOffset.Parse(s);
        string? Key(ResponseLimit limit, string at) => (ResponsePolicy.None with { Limit = limit }).PeriodKey(utc(at));
        Assert.Equal("2026-12-31", Key(ResponseLimit.Day, "2026-12-31T15:59:00Z"));
        Assert.Equal("2027-01-01", Key(ResponseLimit.Day, "2026-12-31T16:00:00Z"));
        Assert.Equal("2027", Key(ResponseLimit.Year, "2026-12-31T16:00:00Z"));
        Assert.Equal("2026-12", Key(ResponseLimit.Month, "2026-12-31T15:59:00Z"));
        Assert.Equal("2026-W53", Key(ResponseLimit.Week, "2026-12-31T16:00:00Z"));
        Assert.Equal("once", Key(ResponseLimit.Once, "2026-12-31T16:00:00Z"));
        Assert.Null(Key(ResponseLimit.Unlimited, "2026-12-31T16:00:00Z"));
    }

    [Fact]
    public void A_district_cannot_switch_the_secret_ballot_to_named()
    {
        var overlay = FormFlow.Engine.Modules.Overlays.Overlay.Parse(JsonNode.Parse($$"""
            {"org":{{District}},"base":{"module":"vote","version":"1.0.0"},
             "operations":[{"op":"set","element":"responseAnonymity","path":"/value","value":"named","was":"secretBallot"}]}
            """), "test overlay");
        var refused = Assert.Throws<ModuleException>(() => ChainResolver.Resolve(Vote(), [overlay]));
        Assert.Contains(refused.Problems, p => p.Element == "responseAnonymity");
    }

    [Fact]
    public void Eligibility_sees_the_applicants_membership_and_org_chain()
    {
        var policy = ResponsePolicy.None with { Eligibility = "applicant.isMember && applicant.orgs.includes(4)" };
        JsonObject applicant(bool member, params int[] orgs) => new() { ["isMember"] = member, ["org"] = orgs[^1], ["orgs"] = new JsonArray(orgs.Select(o => (JsonNode)o).ToArray()) };
        Assert.True(policy.IsEligible(applicant(true, 1, 4, 9)).Eligible);
        Assert.False(policy.IsEligible(applicant(false, 1, 4, 9)).Eligible);
        Assert.False(policy.IsEligible(applicant(true, 1, 5, 10)).Eligible);
    }
}
