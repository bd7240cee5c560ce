using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Runtime;
using static FormFlow.Tests.Forms.TestForms;

namespace FormFlow.Tests.Forms;

/// <summary>Runtime behaviour the conformance vectors cannot show: sharing one runtime, permission lookup.</summary>
public class FormRuntimeTests
{
    [Fact]
    public void One_runtime_serves_concurrent_submissions_with_the_same_answers()
    {
        var runtime = new FormRuntime(Load(Field("price", "money"), Field("qty", "number"),
            Field("total", "money", "\"calculate\":\"data.price * data.qty\""),
            Field("note", "text", "\"requiredIf\":\"data.total > 100\"")));
        var answers = Enumerable.Range(0, 200).AsParallel().Select(i =>
        {
            var result = runtime.Process(new JsonObject { ["price"] = 1.5, ["qty"] = i });
            return (i, result.Valid, Total: result.Data["total"]!.ToJsonString());
        }).ToList();
        Assert.All(answers, a =>
        {
            Assert.Equal((a.i * 1.5m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), a.Total);
            Assert.Equal(a.i * 1.5 <= 100, a.Valid);
        });
    }

    [Fact]
    public void A_permission_name_that_is_both_an_id_and_a_key_means_the_element_id()
    {
        var runtime = new FormRuntime(Load(
            """{"id":"phone","key":"contact","type":"text","label":{"zh-CN":"联系方式"}}""",
            """{"id":"mobileField","key":"phone","type":"mobile","label":{"zh-CN":"手机"}}"""));
        var result = runtime.Process(new JsonObject { ["contact"] = "微信", ["phone"] = "13800138000" },
            new FormProcessOptions { Permissions = new Dictionary<string, FieldAccess> { ["phone"] = FieldAccess.Hidden } });
        Assert.False(result.Fields["/contact"].Visible);
        Assert.True(result.Fields["/phone"].Visible);
        Assert.Equal("""{"phone":"13800138000"}""", result.Data.ToJsonString());
    }
}
