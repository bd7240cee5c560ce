using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Formats;
using FormFlow.Engine.Forms.Schema;
using Json.Schema;
using static FormFlow.Tests.Forms.TestForms;

namespace FormFlow.Tests.Forms;

public class FormSchemaCompilerTests
{
    private static readonly EvaluationOptions Formats = new() { RequireFormatValidation = true, FormatRegistry = MainlandFormats.Registry };

    private static bool Valid(JsonSchema schema, string json) => schema.Evaluate(JsonDocument.Parse(json).RootElement, Formats).IsValid;

    [Fact]
    public void Compiles_types_constraints_and_static_required()
    {
        var form = Load(Field("name", "text", "\"required\":true,\"maxLength\":20"),
            Field("fee", "money", "\"min\":0"),
            Field("note", "text", "\"required\":true,\"visibleIf\":\"data.fee > 0\""),
            Field("rating", "rating", "\"scale\":10"));
        var json = FormSchemaCompiler.ToJson(form);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)json["$schema"]);
        Assert.Equal(["name"], json["required"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(20, (int?)json["properties"]!["name"]!["maxLength"]);
        Assert.Equal(0.01m, (decimal?)json["properties"]!["fee"]!["multipleOf"]);
        Assert.Equal(10, (int?)json["properties"]!["rating"]!["maximum"]);
        Assert.False((bool?)json["additionalProperties"]);

        var schema = FormSchemaCompiler.Compile(form);
        Assert.True(Valid(schema, """{"name":"张三","fee":12.5,"rating":10}"""));
        Assert.False(Valid(schema, """{"fee":12.5}"""));
        Assert.False(Valid(schema, """{"name":"张三","fee":12.345}"""));
        Assert.False(Valid(schema, """{"name":"张三","rating":11}"""));
        Assert.False(Valid(schema, """{"name":"张三","extra":1}"""));
    }

    [Fact]
    public void Mainland_formats_are_enforced_through_JsonSchema_Net()
    {
        var schema = FormSchemaCompiler.Compile(Load(Field("id", "residentId"), Field("m", "mobile"), Field("r", "region")));
        Assert.True(Valid(schema, """{"id":"11010519491231002X","m":"13800138000","r":"440305"}"""));
        Assert.False(Valid(schema, """{"id":"110105194912310021"}"""));
        Assert.False(Valid(schema, """{"m":"12800138000"}"""));
        Assert.False(Valid(schema, """{"r":"990305"}"""));
    }

    [Fact]
    public void Quiz_answers_and_display_content_stay_out_of_the_contract()
    {
        var form = Load("""{"id":"intro","type":"content","content":{"html":{"zh-CN":"<p>说明</p>"}}}""",
            Field("q1", "quiz", """ "options":[{"value":"a","label":{"zh-CN":"甲"}},{"value":"b","label":{"zh-CN":"乙"}}],"answer":"b","points":5 """));
        var text = FormSchemaCompiler.ToJson(form).ToJsonString();
        Assert.DoesNotContain("answer", text);
        Assert.DoesNotContain("points", text);
        Assert.DoesNotContain("intro", text);
        Assert.Contains("\"enum\":[\"a\",\"b\"]", text);
    }

    [Fact]
    public void Groups_compile_to_arrays_of_objects_with_their_own_required()
    {
        var form = Load(Field("family", "group", """ "minItems":1,"maxItems":3,"fields":[{"id":"rel","key":"relation","type":"text","required":true,"label":{"zh-CN":"关系"}},{"id":"ph","key":"photo","type":"image","label":{"zh-CN":"照片"}}] """));
        var schema = FormSchemaCompiler.Compile(form);
        Assert.True(Valid(schema, """{"family":[{"relation":"父亲","photo":{"id":"f1","name":"a.jpg","size":10,"contentType":"image/jpeg"}}]}"""));
        Assert.False(Valid(schema, """{"family":[]}"""));
        Assert.False(Valid(schema, """{"family":[{"photo":{"id":"f1","name":"a.jpg"}}]}"""));
        Assert.False(Valid(schema, """{"family":[{"relation":"父亲","photo":{"id":"f1","name":"a.pdf","contentType":"application/pdf"}}]}"""));
    }
}
