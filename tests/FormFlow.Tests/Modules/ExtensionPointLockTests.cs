using System.Text.Json.Nodes;
using FormFlow.Engine.Modules;
using FormFlow.Engine.Modules.Overlays;
using FormFlow.Engine.Modules.Resolution;
using static FormFlow.Tests.Modules.ModuleFixture;

namespace FormFlow.Tests.Modules;

/// <summary>
/// Locks on an extension point: additions only keeps the steps that stood at it when it was locked (below, steps may
/// be added there, never changed or taken away); a whole-element lock closes it. Here the join template belongs to a
/// province, so that the city puts a step at the point before its districts customise it.
/// </summary>
public class ExtensionPointLockTests
{
    private static readonly OrgRef Province = new("bj", "北京市总工会", "province");
    private const string City = """{"id":"bj-city","name":"北京市","level":"city"}""";
    private const string CityStep = """{"op":"add","parent":"afterApproval","definition":{"id":"orientation","type":"log","inputs":{"text":"入会培训"}}}""";
    private const string CityLock = """{"op":"lock","element":"afterApproval","kind":"additionsOnly","reason":"市里的入会培训各区必须保留"}""";
    private const string DistrictStep = """{"op":"add","parent":"afterApproval","definition":{"id":"groupPhoto","type":"log","inputs":{"text":"拍照留念"}}}""";
    private const string ChangeCityStep = """{"op":"set","element":"orientation","path":"/inputs/text","value":"线上培训","was":"入会培训"}""";

    private static JsonObject ProvincePackage()
    {
        var package = JoinPackage();
        package["owner"] = Province.ToJson();
        foreach (var l in package["locks"]!.AsArray()) l!["by"] = Province.ToJson();
        return package;
    }

    private static Overlay CityOverlay(params string[] operations) => Overlay(City, "1.0.0", operations);

    private static Snapshot Resolve(params Overlay[] overlays) => ChainResolver.Resolve(ProvincePackage(), overlays);

    private static ModuleProblem Refusal(params Overlay[] overlays) =>
        Assert.Throws<ModuleException>(() => Resolve(overlays)).Problems.Single();

    [Fact]
    public void A_district_adds_its_own_step_at_an_additions_only_extension_point_and_the_citys_step_stays()
    {
        var module = Resolve(CityOverlay(CityStep, CityLock), DistrictOverlay(DistrictStep)).Module;
        var connections = module["workflow"]!["connections"]!.AsArray().Select(c => $"{c!["source"]}->{c["target"]}").ToList();
        Assert.Contains("groupPhoto->orientation", connections);
        Assert.Contains("orientation->issueCard", connections);
        var locked = module["locks"]!.AsArray().Single(l => (string?)l!["element"] == "afterApproval")!;
        Assert.Equal(["orientation"], locked["existing"]!.AsArray().Select(e => (string)e!));
        Assert.Equal("bj-city", (string?)locked["by"]!["id"]);
    }

    [Fact]
    public void A_district_may_not_change_the_step_the_city_put_at_an_additions_only_extension_point()
    {
        // Without the lock the district may reword the city's step: the lock is what refuses it.
        Assert.Equal("线上培训", (string?)Value(Resolve(CityOverlay(CityStep), DistrictOverlay(ChangeCityStep)).Module, "orientation", "/inputs/text"));

        var problem = Refusal(CityOverlay(CityStep, CityLock), DistrictOverlay(ChangeCityStep));
        Assert.Equal("orientation", problem.Element);
        Assert.Equal("/operations/0", problem.Path);
        Assert.Equal("bj-city", problem.LockedBy!.Id);
        Assert.Contains("it already stood at extension point 'afterApproval', which accepts additions only", problem.Message);
        Assert.Contains("市里的入会培训各区必须保留", problem.Message);
    }

    [Fact]
    public void A_district_may_not_remove_the_step_the_city_put_at_an_additions_only_extension_point()
    {
        var problem = Refusal(CityOverlay(CityStep, CityLock), DistrictOverlay("""{"op":"hide","element":"orientation"}"""));
        Assert.Equal("orientation", problem.Element);
        Assert.Contains("accepts additions only: the steps there cannot change or go", problem.Message);
        Assert.Equal("bj-city", problem.LockedBy!.Id);
    }

    [Fact]
    public void A_step_the_district_added_below_the_lock_stays_the_districts_to_change()
    {
        var module = Resolve(CityOverlay(CityStep, CityLock), DistrictOverlay(DistrictStep,
            """{"op":"set","element":"groupPhoto","path":"/inputs/text","value":"合影","was":"拍照留念"}""")).Module;
        Assert.Equal("合影", (string?)Value(module, "groupPhoto", "/inputs/text"));
    }

    [Fact]
    public void An_extension_point_locked_as_a_whole_takes_no_step()
    {
        var problem = Refusal(CityOverlay("""{"op":"lock","element":"afterApproval","kind":"element","reason":"本市不开放此扩展点"}"""), DistrictOverlay(DistrictStep));
        Assert.Equal("groupPhoto", problem.Element);
        Assert.Contains("extension point 'afterApproval' is locked as a whole", problem.Message);
        Assert.Contains("本市不开放此扩展点", problem.Message);
    }

    [Fact]
    public void A_properties_lock_on_an_extension_point_is_refused_naming_the_kinds_it_takes()
    {
        var problem = Refusal(CityOverlay("""{"op":"lock","element":"afterApproval","kind":"properties","properties":["source"]}"""));
        Assert.Contains("extension point 'afterApproval' takes an additionsOnly or element lock, not properties", problem.Message);
    }

    [Fact]
    public void A_template_locks_its_extension_point_additions_only_and_a_district_still_adds_there()
    {
        var package = JoinPackage();
        package["locks"]!.AsArray().Add(JsonNode.Parse("""{"element":"afterApproval","kind":"additionsOnly","reason":"只可在此加步骤"}"""));
        var module = ChainResolver.Resolve(package, [DistrictOverlay(DistrictStep)]).Module;
        Assert.Contains(module["workflow"]!["activities"]!.AsArray(), a => (string?)a!["id"] == "groupPhoto");

        package["locks"]!.AsArray().Add(JsonNode.Parse("""{"element":"beforeReview","kind":"bounds","path":"/source","options":["start"]}"""));
        var wrong = Assert.Throws<ModuleException>(() => ChainResolver.Resolve(package, [])).Problems.Single();
        Assert.Contains("an extension point takes an additionsOnly or element lock, not bounds", wrong.Message);
    }
}
