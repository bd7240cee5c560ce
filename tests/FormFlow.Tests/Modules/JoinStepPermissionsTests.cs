using System.Text.Json.Nodes;
using FormFlow.Engine.Modules.Overlays;
using FormFlow.Engine.Modules.Resolution;
using static FormFlow.Tests.Modules.ModuleFixture;

namespace FormFlow.Tests.Modules;

/// <summary>
/// Each step of the shipped join workflow sees the applicant's personal fields its job needs, and no more: every
/// step that decides contacts the applicant (name, mobile); identity is checked at the applicant's own union and in
/// person (resident ID); the escalated reviews decide on the employment evidence. The districts' overlays keep this.
/// </summary>
public class JoinStepPermissionsTests
{
    private static readonly Dictionary<string, string[]> Needs = new()
    {
        ["review"] = ["name", "mobile", "residentId", "employer", "employmentProof"],
        ["streetReview"] = ["name", "mobile", "employer", "employmentProof"],
        ["districtReview"] = ["name", "mobile", "employer", "employmentProof"],
        ["offline"] = ["name", "mobile", "residentId", "employer"],
    };

    public static TheoryData<string> Customisations() => new() { "", "samples/customisations/haidian.overlay.json", "samples/customisations/chaoyang.overlay.json" };

    [Theory]
    [MemberData(nameof(Customisations))]
    public void Every_join_step_that_contacts_the_applicant_reads_the_mobile_and_only_identity_checks_read_the_resident_id(string overlay)
    {
        IReadOnlyList<Overlay> overlays = overlay.Length == 0 ? [] : [FormFlow.Engine.Modules.Overlays.Overlay.Parse(JsonNode.Parse(File.ReadAllText(Repo(overlay))), overlay)];
        var activities = ChainResolver.Resolve(JoinPackage(), overlays).Module["workflow"]!["activities"]!.AsArray();
        foreach (var (step, fields) in Needs)
        {
            var permissions = activities.Single(a => (string?)a!["id"] == step)!["inputs"]!["fieldPermissions"]!.AsObject();
            Assert.Equal(fields.Order(), permissions.Where(p => (string?)p.Value == "read").Select(p => p.Key).Order());
        }
    }
}
