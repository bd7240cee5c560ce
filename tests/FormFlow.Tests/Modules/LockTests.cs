using System.Text.Json.Nodes;
using FormFlow.Engine.Modules;
using FormFlow.Engine.Modules.Resolution;
using static FormFlow.Tests.Modules.ModuleFixture;

namespace FormFlow.Tests.Modules;

/// <summary>Locks from above bind everything below; a lower level can only tighten them.</summary>
public class LockTests
{
    [Fact]
    public void Override_of_a_locked_property_is_refused_naming_element_property_org_level_and_reason()
    {
        var problem = Refusal(DistrictOverlay("""{"op":"set","element":"residentId","path":"/required","value":false,"was":true}"""));
        Assert.Equal("residentId", problem.Element);
        Assert.Equal("/required", problem.Property);
        Assert.Equal("bj", problem.LockedBy!.Id);
        Assert.Equal("city", problem.LockedBy.Level);
        Assert.Equal("/operations/0", problem.Path);
        Assert.Contains("property /required is locked", problem.Message);
        Assert.Contains("北京市总工会 (bj, city)", problem.Message);
        Assert.Contains("身份核验以居民身份证号码为准", problem.Message);
    }

    [Fact]
    public void Unlocked_property_of_a_locked_element_can_change()
    {
        var snapshot = Resolve(DistrictOverlay("""{"op":"set","element":"residentId","path":"/label/zh-CN","value":"身份证号","was":"居民身份证号码"}"""));
        Assert.Equal("身份证号", (string?)Value(snapshot.Module, "residentId", "/label/zh-CN"));
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(10, true)]
    [InlineData(15, true)]
    [InlineData(2, false)]
    [InlineData(16, false)]
    public void Deadline_inside_the_bounds_is_accepted_and_outside_refused(int days, bool accepted)
    {
        var overlay = DistrictOverlay($$"""{"op":"set","element":"reviewDeadlineDays","path":"/value","value":{{days}},"was":15}""");
        if (accepted)
        {
            var module = Resolve(overlay).Module;
            // The setting drives the review task's deadline in the resolved workflow.
            Assert.Equal(days, (int)Value(module, "review", "/inputs/deadlineDays")!);
        }
        else
        {
            var problem = Refusal(overlay);
            Assert.Equal("reviewDeadlineDays", problem.Element);
            Assert.Contains($"{days} is outside the locked bounds 3–15", problem.Message);
            Assert.Equal("city", problem.LockedBy!.Level);
        }
    }

    [Fact]
    public void Setting_the_activity_input_behind_a_setting_is_refused()
    {
        var problem = Refusal(DistrictOverlay("""{"op":"set","element":"review","path":"/inputs/deadlineDays","value":30,"was":15}"""));
        Assert.Contains("comes from setting 'reviewDeadlineDays'", problem.Message);
    }

    [Fact]
    public void A_lower_level_can_tighten_bounds_and_the_level_below_is_held_to_them()
    {
        var district = DistrictOverlay(
            """{"op":"set","element":"reviewDeadlineDays","path":"/value","value":7,"was":15}""",
            """{"op":"lock","element":"reviewDeadlineDays","kind":"bounds","path":"/value","min":5,"max":10}""");
        var street = Overlay("""{"id":"bj-haidian-zgc","name":"中关村街道总工会","level":"street"}""", "1.0.0",
            """{"op":"set","element":"reviewDeadlineDays","path":"/value","value":12,"was":7}""");
        Assert.Equal(7, (int)Value(Resolve(district).Module, "reviewDeadlineDays", "/value")!);
        var problem = Refusal(district, street);
        Assert.Contains("12 is outside the locked bounds 5–10", problem.Message);
        Assert.Equal("bj-haidian", problem.LockedBy!.Id);
    }

    [Fact]
    public void A_lower_level_cannot_loosen_a_lock()
    {
        var problem = Refusal(DistrictOverlay("""{"op":"lock","element":"reviewDeadlineDays","kind":"bounds","path":"/value","min":1,"max":15}"""));
        Assert.Contains("locks only tighten downwards: bounds 1–15 would loosen 3–15", problem.Message);
        Assert.Equal("bj", problem.LockedBy!.Id);
    }

    [Fact]
    public void Additions_only_section_accepts_new_fields_and_refuses_label_changes()
    {
        var added = Resolve(DistrictOverlay(
            """{"op":"add","parent":"employment","after":"employer","definition":{"id":"parkName","key":"parkName","type":"text","label":{"zh-CN":"所在园区"}}}"""));
        var fields = Value(added.Module, "employment", "/fields")!.AsArray().Select(f => (string?)f!["id"]).ToList();
        Assert.Equal(fields.IndexOf("employer") + 1, fields.IndexOf("parkName"));

        var problem = Refusal(DistrictOverlay("""{"op":"set","element":"employer","path":"/label/zh-CN","value":"单位名称","was":"工作单位"}"""));
        Assert.Equal("employer", problem.Element);
        Assert.Contains("accepts additions only", problem.Message);
        var own = Refusal(DistrictOverlay("""{"op":"set","element":"employment","path":"/title/zh-CN","value":"工作","was":"就业情况"}"""));
        Assert.Contains("'employment' accepts additions only", own.Message);
    }

    [Fact]
    public void Field_added_under_additions_only_can_still_be_changed_below()
    {
        var district = DistrictOverlay(
            """{"op":"add","parent":"employment","definition":{"id":"parkName","key":"parkName","type":"text","label":{"zh-CN":"所在园区"}}}""");
        var street = Overlay("""{"id":"bj-haidian-zgc","level":"street"}""", "1.0.0",
            """{"op":"set","element":"parkName","path":"/label/zh-CN","value":"园区","was":"所在园区"}""");
        Assert.Equal("园区", (string?)Value(Resolve(district, street).Module, "parkName", "/label/zh-CN"));
    }

    [Fact]
    public void Non_removable_field_cannot_be_hidden_nor_its_section()
    {
        var problem = Refusal(DistrictOverlay("""{"op":"hide","element":"residentId"}"""));
        Assert.Contains("may not be removed or hidden", problem.Message);
        var section = Refusal(DistrictOverlay("""{"op":"hide","element":"identity"}"""));
        Assert.Contains("it holds 'residentId'", section.Message);
        // An unlocked field can be hidden.
        var hidden = Resolve(DistrictOverlay("""{"op":"hide","element":"email"}"""));
        Assert.Null(FormFlow.Engine.Modules.Elements.ElementIndex.Build(hidden.Module).Find("email"));
        Assert.True((bool)hidden.Provenance["email"]![""]!["hidden"]!);
    }

    [Fact]
    public void Whole_element_lock_refuses_any_change()
    {
        var problem = Refusal(DistrictOverlay("""{"op":"set","element":"issueCard","path":"/inputs/resultVariable","value":"card","was":"memberCard"}"""));
        Assert.Contains("the whole element is locked", problem.Message);
    }

    [Fact]
    public void Five_level_chain_resolves_with_provenance_and_a_national_lock_binds_the_grassroots()
    {
        var national = JoinPackage();
        var acftu = new OrgRef("acftu", "中华全国总工会", "national");
        national["owner"] = acftu.ToJson();
        foreach (var l in national["locks"]!.AsArray()) l!["by"] = acftu.ToJson();
        var province = Overlay("""{"id":"bj","name":"北京市总工会","level":"province"}""", "1.0.0",
            """{"op":"set","element":"name","path":"/label/en","value":"Full name","was":"Name"}""");
        var city = Overlay("""{"id":"bj-city","name":"北京市","level":"city"}""", "1.0.0",
            """{"op":"set","element":"mobile","path":"/label/en","value":"Mobile phone","was":"Mobile number"}""");
        var district = DistrictOverlay("""{"op":"set","element":"reviewDeadlineDays","path":"/value","value":12,"was":15}""");
        var street = Overlay("""{"id":"bj-haidian-zgc","name":"中关村街道总工会","level":"street"}""", "1.0.0",
            """{"op":"add","parent":"identity","definition":{"id":"dorm","key":"dorm","type":"text","label":{"zh-CN":"宿舍"}}}""");
        var grassroots = Overlay("""{"id":"xinghuo","name":"星火科技有限公司工会","level":"grassroots"}""", "1.0.0",
            """{"op":"set","element":"name","path":"/label/zh-CN","value":"职工姓名","was":"姓名"}""");

        var snapshot = ChainResolver.Resolve(national, [province, city, district, street, grassroots]);
        string By(string element, string path) => (string)snapshot.Provenance[element]![path]!["id"]!;
        Assert.Equal("bj", By("name", "/label/en"));
        Assert.Equal("xinghuo", By("name", "/label/zh-CN"));
        Assert.Equal("bj-city", By("mobile", "/label/en"));
        Assert.Equal("bj-haidian", By("reviewDeadlineDays", "/value"));
        Assert.Equal("bj-haidian", By("review", "/inputs/deadlineDays"));
        Assert.Equal("bj-haidian-zgc", By("dorm", "/label"));
        Assert.Equal("acftu", By("residentId", "/type"));
        Assert.Equal(12, (int)Value(snapshot.Module, "review", "/inputs/deadlineDays")!);

        var overreach = Overlay("""{"id":"xinghuo","name":"星火科技有限公司工会","level":"grassroots"}""", "1.0.0",
            """{"op":"set","element":"residentId","path":"/key","value":"idCard","was":"residentId"}""");
        var problem = Assert.Throws<ModuleException>(() => ChainResolver.Resolve(national, [province, city, district, street, overreach])).Problems.Single();
        Assert.Equal("acftu", problem.LockedBy!.Id);
        Assert.Equal("national", problem.LockedBy.Level);
        Assert.Contains("中华全国总工会 (acftu, national)", problem.Message);
        Assert.Contains("星火科技有限公司工会", problem.Message);
    }

    [Fact]
    public void Overlays_apply_only_downwards()
    {
        var problem = Refusal(Overlay("""{"id":"x","level":"province"}""", "1.0.0"));
        Assert.Equal("/org/level", problem.Path);
    }

    [Fact]
    public void Overlay_for_another_version_or_parent_hash_is_refused()
    {
        Assert.Contains("rebase it", Refusal(Overlay(District, "0.9")).Message);
        var stale = FormFlow.Engine.Modules.Overlays.Overlay.Parse(JsonNode.Parse(
            $$"""{"org":{{District}},"base":{"module":"join","version":"1.0.0","hash":"sha256:{{new string('0', 64)}}"},"operations":[]}"""), "stale");
        Assert.Equal("/base/hash", Refusal(stale).Path);
    }

    [Fact]
    public void Hiding_a_removable_element_takes_its_locks_along()
    {
        var district = DistrictOverlay("""{"op":"lock","element":"email","kind":"properties","properties":["label"]}""");
        var street = Overlay("""{"id":"bj-haidian-zgc","level":"street"}""", "1.0.0", """{"op":"hide","element":"email"}""");
        var module = Resolve(district, street).Module;
        Assert.DoesNotContain(module["locks"]!.AsArray(), l => (string?)l!["element"] == "email");
    }

    [Fact]
    public void A_bounds_lock_on_a_choice_allows_only_the_listed_options_below()
    {
        var district = DistrictOverlay(
            """{"op":"lock","element":"handToStreet","kind":"bounds","path":"/inputs/level","options":["street","district"],"reason":"只可上报街道或区"}""");
        var street = (string value) => Overlay("""{"id":"bj-haidian-zgc","name":"中关村街道总工会","level":"street"}""", "1.0.0",
            $$"""{"op":"set","element":"handToStreet","path":"/inputs/level","value":"{{value}}","was":"street"}""");

        Assert.Equal("district", (string?)Value(Resolve(district, street("district")).Module, "handToStreet", "/inputs/level"));
        var problem = Refusal(district, street("city"));
        Assert.Equal("handToStreet", problem.Element);
        Assert.Equal("/inputs/level", problem.Property);
        Assert.Equal("bj-haidian", problem.LockedBy!.Id);
        Assert.Contains("\"city\" is not allowed: the value is locked to one of \"street\", \"district\"", problem.Message);
        Assert.Contains("只可上报街道或区", problem.Message);
        // The lock travels with the module, so a snapshot used as the next parent keeps it.
        var written = Resolve(district).Module["locks"]!.AsArray().Last()!;
        Assert.Equal("""["street","district"]""", written["options"]!.ToJsonString());
    }

    [Fact]
    public void Allowed_options_only_narrow_downwards_and_must_hold_the_current_value()
    {
        var district = """{"op":"lock","element":"handToStreet","kind":"bounds","path":"/inputs/level","options":["street","district"]}""";
        var street = (string options) => Overlay("""{"id":"bj-haidian-zgc","level":"street"}""", "1.0.0",
            $$"""{"op":"lock","element":"handToStreet","kind":"bounds","path":"/inputs/level","options":{{options}}}""");

        Resolve(DistrictOverlay(district), street("""["street"]"""));
        var wider = Refusal(DistrictOverlay(district), street("""["street","grassroots"]"""));
        Assert.Contains("locks only tighten downwards", wider.Message);
        Assert.Equal("bj-haidian", wider.LockedBy!.Id);

        var stale = Refusal(DistrictOverlay("""{"op":"lock","element":"handToStreet","kind":"bounds","path":"/inputs/level","options":["district"]}"""));
        Assert.Contains("\"street\" already lies outside one of \"district\"", stale.Message);
    }

    [Fact]
    public void A_package_whose_value_lies_outside_its_own_allowed_options_does_not_load()
    {
        var package = JoinPackage();
        package["locks"]!.AsArray().Add(JsonNode.Parse("""{"element":"handToStreet","kind":"bounds","path":"/inputs/level","options":["district"]}"""));
        var problems = Assert.Throws<ModuleException>(() => ChainResolver.Resolve(package, [])).Problems;
        Assert.Contains(problems, p => p.Element == "handToStreet" && p.Message.Contains("\"street\" is outside the locked bounds one of \"district\""));
    }
}
