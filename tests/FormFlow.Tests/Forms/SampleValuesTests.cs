using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Runtime;
using static FormFlow.Tests.Forms.TestForms;

namespace FormFlow.Tests.Forms;

/// <summary>Generated sample values for missing required fields: each valid for its field, and only where the form asks.</summary>
public class SampleValuesTests
{
    private static readonly DateTimeOffset Today = new(2026, 11, 27, 12, 0, 0, TimeSpan.FromHours(8));

    private static SampleFill Fill(JsonObject data, params string[] fields) =>
        SampleValues.FillMissing(new FormRuntime(Load(fields)), data, new FormProcessOptions { Mode = FormMode.Submit }, Today, "42");

    [Fact]
    public void Every_missing_required_field_gets_a_value_the_form_accepts()
    {
        var fill = Fill([],
            Field("code", "text", "\"required\": true, \"minLength\": 4, \"maxLength\": 6, \"pattern\": \"^[0-9]+$\""),
            Field("note", "textarea", "\"required\": true"),
            Field("count", "number", "\"required\": true, \"min\": 3, \"max\": 5"),
            Field("fee", "money", "\"required\": true, \"min\": 0.5, \"max\": 0.75"),
            Field("when", "date", "\"required\": true"),
            Field("agree", "boolean", "\"required\": true"),
            Field("kind", "choice", "\"required\": true, \"options\": [{\"value\": \"a\", \"label\": {\"zh-CN\": \"甲\"}}]"),
            Field("tags", "multiChoice", "\"required\": true, \"minItems\": 2, \"options\": [{\"value\": \"x\", \"label\": {\"zh-CN\": \"x\"}}, {\"value\": \"y\", \"label\": {\"zh-CN\": \"y\"}}]"),
            Field("region", "region", "\"required\": true"),
            Field("phone", "mobile", "\"required\": true"),
            Field("id", "residentId", "\"required\": true"),
            Field("mail", "email", "\"required\": true"),
            Field("org", "org", "\"required\": true"),
            Field("photo", "image", "\"required\": true, \"accept\": [\"image/jpeg\"]"),
            Field("sign", "signature", "\"required\": true"),
            Field("stars", "rating", "\"required\": true, \"scale\": 3"),
            Field("optional", "text"));

        Assert.True(fill.Result.Valid, string.Join("; ", fill.Result.Errors.Select(e => $"{e.Path} {e.Rule}")));
        Assert.Equal(16, fill.Generated.Count);
        Assert.DoesNotContain(fill.Generated, g => g.Path == "/optional");
        Assert.Equal("1111", (string?)fill.Data["code"]);
        Assert.Equal(3m, fill.Data["count"]!.GetValue<decimal>());
        Assert.InRange(fill.Data["fee"]!.GetValue<decimal>(), 0.5m, 0.75m);
        Assert.Equal("2026-11-27", (string?)fill.Data["when"]);
        Assert.Equal(["x", "y"], fill.Data["tags"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("image/jpeg", (string?)fill.Data["photo"]!["contentType"]);
        Assert.Equal("42", (string?)fill.Data["org"]);
    }

    [Fact]
    public void What_the_designer_typed_stays_and_a_field_required_by_a_rule_is_filled_once_the_rule_asks()
    {
        var fill = Fill(new JsonObject { ["kind"] = "other" },
            Field("kind", "choice", "\"required\": true, \"options\": [{\"value\": \"a\", \"label\": {\"zh-CN\": \"甲\"}}, {\"value\": \"other\", \"label\": {\"zh-CN\": \"其他\"}}]"),
            Field("detail", "text", "\"requiredIf\": \"data.kind === 'other'\""),
            Field("rows", "group", "\"required\": true, \"fields\": [" + Field("who", "text", "\"required\": true") + "]"));

        Assert.True(fill.Result.Valid, string.Join("; ", fill.Result.Errors.Select(e => $"{e.Path} {e.Rule}")));
        Assert.Equal("other", (string?)fill.Data["kind"]);
        Assert.Equal(["/detail", "/rows"], fill.Generated.Select(g => g.Path).Order());
        Assert.Equal("示例", (string?)fill.Data["rows"]![0]!["who"]);
    }

    [Fact]
    public void A_pattern_no_sample_matches_stays_missing_with_its_required_error()
    {
        var fill = Fill([], Field("plate", "text", "\"required\": true, \"pattern\": \"^[A-Z]{2}-[0-9]{5}$\""));
        Assert.Empty(fill.Generated);
        Assert.Equal([("/plate", "required")], fill.Result.Errors.Select(e => (e.Path, e.Rule)));
    }
}
