using System.Text.Json.Nodes;
using FormFlow.Engine.Modules;
using FormFlow.Engine.Modules.Rebase;
using FormFlow.Engine.Modules.Resolution;
using static FormFlow.Tests.Modules.ModuleFixture;

namespace FormFlow.Tests.Modules;

/// <summary>Three-way upgrade of a district overlay when the city publishes a new version.</summary>
public class RebaseTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.FromHours(8));

    private const string MobileLabel = """{"op":"set","element":"mobile","path":"/label/zh-CN","value":"手机（区）","was":"手机号码"}""";
    private const string AddPark =
        """{"op":"add","parent":"employment","definition":{"id":"parkName","key":"parkName","type":"text","label":{"zh-CN":"所在园区"}}}""";

    private static JsonObject V2(Action<JsonObject, FormFlow.Engine.Modules.Elements.ElementIndex> change) => NextVersion(JoinV1(), "2.0.0", change);

    private static Snapshot ResolveOn(JsonObject parent, JsonObject overlay) =>
        ChainResolver.Resolve(parent, [FormFlow.Engine.Modules.Overlays.Overlay.Parse(overlay, "rebased")]);

    [Fact]
    public void Disjoint_additions_on_both_sides_merge_without_conflict()
    {
        var v2 = V2((_, index) => index.Find("identity")!.Node["fields"]!.AsArray()
            .Add(JsonNode.Parse("""{"id":"hukou","key":"hukou","type":"text","label":{"zh-CN":"户籍"}}""")));
        var result = OverlayRebaser.Rebase(JoinV1(), v2, DistrictOverlay(AddPark, MobileLabel));
        Assert.Empty(result.Conflicts);
        var module = ResolveOn(v2, result.Overlay).Module;
        Assert.NotNull(Value(module, "hukou", "/key"));
        Assert.Equal("parkName", (string?)Value(module, "parkName", "/key"));
        Assert.Equal("手机（区）", (string?)Value(module, "mobile", "/label/zh-CN"));
        Assert.Equal("2.0.0", (string?)result.Overlay["base"]!["version"]);
    }

    [Fact]
    public void Identical_changes_collapse()
    {
        var v2 = V2((_, index) => Set(index, "mobile", "/label/zh-CN", "手机（区）"));
        var result = OverlayRebaser.Rebase(JoinV1(), v2, DistrictOverlay(MobileLabel));
        Assert.Empty(result.Conflicts);
        Assert.Empty(result.Overlay["operations"]!.AsArray());
    }

    private static RebaseResult BothChangedLabel() =>
        OverlayRebaser.Rebase(JoinV1(), V2((_, index) => Set(index, "mobile", "/label/zh-CN", "手机号（市）")), DistrictOverlay(MobileLabel));

    [Fact]
    public void Both_changing_one_label_is_a_conflict_showing_all_three_values()
    {
        var conflict = Assert.Single(BothChangedLabel().Conflicts);
        Assert.Equal("bothChanged", conflict.Kind);
        Assert.Equal("/mobile/label/zh-CN", conflict.Path);
        Assert.Equal("手机号码", (string?)conflict.Base);
        Assert.Equal("手机号（市）", (string?)conflict.Parent);
        Assert.Equal("手机（区）", (string?)conflict.Child);
        Assert.True(conflict.Blocking);
    }

    [Theory]
    [InlineData(ConflictChoice.KeepMine, "手机（区）")]
    [InlineData(ConflictChoice.TakeParent, "手机号（市）")]
    [InlineData(ConflictChoice.Edit, "手机号码（接收短信）")]
    public void Each_resolution_does_what_it_says_and_is_logged(ConflictChoice choice, string label)
    {
        var before = BothChangedLabel();
        var decided = before.Decide(0, choice, choice == ConflictChoice.Edit ? JsonValue.Create(label) : null, "cadre-7", Noon);
        Assert.False(decided.Blocking);
        var module = ResolveOn(before.NewParent, decided.Overlay).Module;
        Assert.Equal(label, (string?)Value(module, "mobile", "/label/zh-CN"));
        var log = decided.Overlay["log"]!.AsArray().Single()!;
        Assert.Equal("cadre-7", (string?)log["by"]);
        Assert.Equal("2026-03-02T12:00:00+08:00", (string?)log["at"]);
        Assert.Equal("bothChanged", (string?)log["kind"]);
        Assert.Equal(choice switch { ConflictChoice.KeepMine => "keepMine", ConflictChoice.TakeParent => "takeParent", _ => "edit" }, (string?)log["choice"]);
    }

    [Fact]
    public void Key_change_upstream_on_a_field_the_child_overrides_needs_acknowledgement()
    {
        // The parent renames the key everywhere it names it: in the form, and in the steps that read the mobile number.
        var v2 = V2((_, index) =>
        {
            Set(index, "mobile", "/key", "phone");
            foreach (var step in new[] { "review", "streetReview", "districtReview", "offline" })
            {
                var permissions = index.Find(step)!.Node["inputs"]!["fieldPermissions"]!.AsObject();
                permissions["phone"] = permissions["mobile"]!.DeepClone();
                permissions.Remove("mobile");
            }
        });
        var result = OverlayRebaser.Rebase(JoinV1(), v2, DistrictOverlay(MobileLabel));
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("keyChanged", conflict.Kind);
        Assert.Equal("mobile", (string?)conflict.Base);
        Assert.Equal("phone", (string?)conflict.Parent);
        Assert.True(result.Blocking);
        var acknowledged = result.Decide(0, ConflictChoice.KeepMine, null, "cadre-7", Noon);
        Assert.False(acknowledged.Blocking);
        Assert.Equal("手机（区）", (string?)Value(ResolveOn(v2, acknowledged.Overlay).Module, "mobile", "/label/zh-CN"));
    }

    [Fact]
    public void Delete_versus_modify_is_a_conflict_and_delete_versus_hide_is_not()
    {
        var v2 = V2((_, index) => index.Find("email")!.Container!.Remove(index.Find("email")!.Node));
        var modify = OverlayRebaser.Rebase(JoinV1(), v2,
            DistrictOverlay("""{"op":"set","element":"email","path":"/required","value":true,"was":null}"""));
        var conflict = Assert.Single(modify.Conflicts);
        Assert.Equal("deletedUpstream", conflict.Kind);
        Assert.Equal("/email/required", conflict.Path);
        Assert.Throws<ModuleException>(() => modify.Decide(0, ConflictChoice.KeepMine, null, "cadre-7", Noon));
        Assert.Empty(modify.Decide(0, ConflictChoice.TakeParent, null, "cadre-7", Noon).Overlay["operations"]!.AsArray());

        var hide = OverlayRebaser.Rebase(JoinV1(), v2, DistrictOverlay("""{"op":"hide","element":"email"}"""));
        Assert.Empty(hide.Conflicts);
        Assert.Empty(hide.Overlay["operations"]!.AsArray());
    }

    [Fact]
    public void Lock_arriving_upstream_on_a_child_change_is_blocking_and_cannot_be_kept()
    {
        var v2 = V2((module, _) => module["locks"]!.AsArray().Add(JsonNode.Parse(
            """{"element":"mobile","kind":"properties","properties":["label"],"by":{"id":"bj","name":"北京市总工会","level":"city"}}""")));
        var result = OverlayRebaser.Rebase(JoinV1(), v2, DistrictOverlay(MobileLabel, AddPark));
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("lockedUpstream", conflict.Kind);
        Assert.Equal("bj", conflict.LockedBy!.Id);
        Assert.True(result.Blocking);
        var refused = Assert.Throws<ModuleException>(() => result.Decide(0, ConflictChoice.KeepMine, null, "cadre-7", Noon));
        Assert.Contains("cannot be kept", refused.Message);
        // Editing to another label is still a change of the locked property: the check reports it again.
        Assert.True(result.Decide(0, ConflictChoice.Edit, JsonValue.Create("手机"), "cadre-7", Noon).Blocking);
        var taken = result.Decide(0, ConflictChoice.TakeParent, null, "cadre-7", Noon);
        Assert.False(taken.Blocking);
        Assert.Single(taken.Overlay["operations"]!.AsArray());
    }

    [Fact]
    public void Duplicate_keys_are_a_conflict_settled_by_renaming()
    {
        var v2 = V2((_, index) => index.Find("employment")!.Node["fields"]!.AsArray()
            .Add(JsonNode.Parse("""{"id":"park","key":"parkName","type":"text","label":{"zh-CN":"园区"}}""")));
        var result = OverlayRebaser.Rebase(JoinV1(), v2, DistrictOverlay(AddPark));
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("duplicateKey", conflict.Kind);
        Assert.Equal("/parkName/key", conflict.Path);
        var renamed = result.Decide(0, ConflictChoice.Edit, JsonValue.Create("districtPark"), "cadre-7", Noon);
        Assert.Empty(renamed.Conflicts);
        Assert.Equal("districtPark", (string?)Value(ResolveOn(v2, renamed.Overlay).Module, "parkName", "/key"));
    }

    [Fact]
    public void Addition_at_an_extension_point_the_parent_moved_is_a_conflict()
    {
        var v2 = V2((module, _) => module["extensionPoints"]![1]!["source"] = "issueCard");
        var result = OverlayRebaser.Rebase(JoinV1(), v2, DistrictOverlay(
            """{"op":"add","parent":"afterApproval","definition":{"id":"orientation","type":"log","inputs":{"text":"入会培训"}}}"""));
        Assert.Equal("extensionPointChanged", Assert.Single(result.Conflicts).Kind);
    }

    [Fact]
    public void Invalid_result_is_reported()
    {
        // The parent now reads the district-hidden field in a rule: hiding it would break the form.
        var v2 = V2((_, index) => Set(index, "mobile", "/requiredIf", "data.email != null"));
        var result = OverlayRebaser.Rebase(JoinV1(), v2, DistrictOverlay("""{"op":"hide","element":"email"}"""));
        Assert.Contains(result.Conflicts, c => c.Kind == "invalidResult" && c.Blocking);
    }

    [Fact]
    public void Same_overlay_rebased_twice_gives_the_same_hash()
    {
        var v2 = V2((_, index) => Set(index, "name", "/label/en", "Full name"));
        var overlay = DistrictOverlay(AddPark, MobileLabel);
        var first = OverlayRebaser.Rebase(JoinV1(), v2, overlay);
        var second = OverlayRebaser.Rebase(JoinV1(), v2, overlay);
        Assert.Equal(CanonicalJson.Hash(first.Overlay), CanonicalJson.Hash(second.Overlay));
        Assert.Equal(ResolveOn(v2, first.Overlay).Hash, ResolveOn(v2, second.Overlay).Hash);
    }

    [Fact]
    public void Rebasing_v1_to_v2_to_v3_equals_v1_to_v3_when_nothing_conflicts()
    {
        var v1 = JoinV1();
        var v2 = NextVersion(v1, "2.0.0", (_, index) => Set(index, "name", "/label/en", "Full name"));
        var v3 = NextVersion(v2, "3.0.0", (_, index) => Set(index, "region", "/label/en", "District"));
        var overlay = DistrictOverlay(AddPark, MobileLabel, """{"op":"set","element":"reviewDeadlineDays","path":"/value","value":9,"was":15}""");
        var stepwise = OverlayRebaser.Rebase(v2, v3, FormFlow.Engine.Modules.Overlays.Overlay.Parse(OverlayRebaser.Rebase(v1, v2, overlay).Overlay, "v2"));
        var direct = OverlayRebaser.Rebase(v1, v3, overlay);
        Assert.Empty(stepwise.Conflicts);
        Assert.Empty(direct.Conflicts);
        Assert.Equal(CanonicalJson.Text(direct.Overlay), CanonicalJson.Text(stepwise.Overlay));
        Assert.Equal(ResolveOn(v3, direct.Overlay).Hash, ResolveOn(v3, stepwise.Overlay).Hash);
    }

    [Fact]
    public void Upgrade_without_conflicts_cascades_level_by_level()
    {
        var v1 = JoinV1();
        var v2 = NextVersion(v1, "2.0.0", (_, index) => Set(index, "name", "/label/en", "Full name"));
        var district = DistrictOverlay(AddPark);
        var street = Overlay("""{"id":"bj-haidian-zgc","name":"中关村街道总工会","level":"street"}""", "1.0.0",
            """{"op":"set","element":"parkName","path":"/label/zh-CN","value":"园区名称","was":"所在园区"}""");

        var districtUpgrade = OverlayRebaser.Rebase(v1, v2, district);
        Assert.False(districtUpgrade.Blocking);
        var rebasedDistrict = FormFlow.Engine.Modules.Overlays.Overlay.Parse(districtUpgrade.Overlay, "district v2");
        // The street's parent is the district's snapshot, before and after the city's upgrade.
        var streetUpgrade = OverlayRebaser.Rebase(
            ChainResolver.Resolve(v1, [district]).Module, ChainResolver.Resolve(v2, [rebasedDistrict]).Module, street);
        Assert.False(streetUpgrade.Blocking, string.Join("; ", streetUpgrade.Conflicts.Select(c => c.Kind + " " + c.Path + " " + c.Message)));

        var rebasedStreet = FormFlow.Engine.Modules.Overlays.Overlay.Parse(streetUpgrade.Overlay, "street v2");
        var module = ChainResolver.Resolve(v2, [rebasedDistrict, rebasedStreet]).Module;
        Assert.Equal("Full name", (string?)Value(module, "name", "/label/en"));
        Assert.Equal("园区名称", (string?)Value(module, "parkName", "/label/zh-CN"));
    }
}
