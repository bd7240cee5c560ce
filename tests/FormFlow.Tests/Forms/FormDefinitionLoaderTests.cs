using FormFlow.Engine.Forms.Definitions;
using FormFlow.Engine.Forms.Loading;
using static FormFlow.Tests.Forms.TestForms;

namespace FormFlow.Tests.Forms;

public class FormDefinitionLoaderTests
{
    [Fact]
    public void Loads_pages_sections_fields_and_falls_back_to_zh_CN_labels()
    {
        var form = Load("""{"id":"name","key":"name","type":"text","required":true,"label":{"zh-CN":"姓名","en":"Name"},"pii":"name"}""");
        var field = Assert.Single(form.AllFields());
        Assert.Equal("name", field.Key);
        Assert.True(field.Required);
        Assert.Equal("Name", field.Label!.Get("en"));
        Assert.Equal("姓名", field.Label.Get("zh-TW"));
        Assert.Equal("name", field.Pii);
    }

    [Fact]
    public void Malformed_json_is_one_problem_with_the_position()
    {
        var ex = Assert.Throws<FormDefinitionException>(() => FormDefinitionLoader.Load("{\"id\": \"x\", "));
        var problem = Assert.Single(ex.Problems);
        Assert.Contains("malformed JSON", problem.Message);
        Assert.Contains("line", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Unknown_field_type_names_the_element_path_and_type()
    {
        var ex = Reject(Field("score", "slider"));
        var problem = Assert.Single(ex.Problems, p => p.Path == "/pages/0/sections/0/fields/0/type");
        Assert.Equal("score", problem.ElementId);
        Assert.Contains("unknown field type \"slider\"", problem.Message);
    }

    [Fact]
    public void Duplicate_ids_and_keys_are_all_listed()
    {
        var ex = Reject(Field("a", "text"), Field("a", "number"),
            """{"id":"b","key":"mobile","type":"mobile","label":{"zh-CN":"1"}}""",
            """{"id":"c","key":"mobile","type":"text","label":{"zh-CN":"2"}}""");
        Assert.Contains(ex.Problems, p => p.ElementId == "a" && p.Path == "/pages/0/sections/0/fields/1" && p.Message.Contains("duplicate id 'a'"));
        Assert.Contains(ex.Problems, p => p.ElementId == "c" && p.Path == "/pages/0/sections/0/fields/3/key" && p.Message.Contains("duplicate data key 'mobile'"));
        Assert.Contains(ex.Problems, p => p.Message.Contains("duplicate data key 'a'"));
    }

    [Fact]
    public void The_same_key_in_two_groups_is_fine_but_not_twice_in_one_group()
    {
        var ok = Load(Field("g1", "group", """ "fields":[{"id":"n1","key":"name","type":"text","label":{"zh-CN":"n"}}] """),
            Field("g2", "group", """ "fields":[{"id":"n2","key":"name","type":"text","label":{"zh-CN":"n"}}] """));
        Assert.Equal(4, ok.AllFields().Count());
        var ex = Reject(Field("g", "group", """ "fields":[{"id":"n1","key":"name","type":"text","label":{"zh-CN":"n"}},{"id":"n2","key":"name","type":"text","label":{"zh-CN":"n"}}] """));
        Assert.Contains(ex.Problems, p => p.ElementId == "n2" && p.Message.Contains("duplicate data key 'name'"));
    }

    [Fact]
    public void A_rule_naming_a_missing_field_reports_element_rule_and_position()
    {
        var ex = Reject(Field("a", "text"), Field("b", "text", """ "visibleIf":"data.a == 'x' &&\n data.nope > 1" """));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal("b", problem.ElementId);
        Assert.Equal("/pages/0/sections/0/fields/1/visibleIf", problem.Path);
        Assert.Equal("visibleIf: data.nope names no field of this form (line 2, column 7)", problem.Message);
    }

    [Fact]
    public void Item_outside_a_group_and_unknown_item_keys_are_rejected()
    {
        var ex = Reject(Field("a", "text", """ "requiredIf":"item.x" """),
            Field("g", "group", """ "fields":[{"id":"c","key":"c","type":"text","label":{"zh-CN":"c"},"visibleIf":"item.missing == 1"}] """));
        Assert.Contains(ex.Problems, p => p.ElementId == "a" && p.Message.StartsWith("requiredIf: unknown name 'item'"));
        Assert.Contains(ex.Problems, p => p.ElementId == "c" && p.Message.Contains("item.missing names no field of group 'g'"));
    }

    [Fact]
    public void A_calculate_cycle_is_named_with_its_path()
    {
        var ex = Reject(Field("a", "number", """ "calculate":"data.b + 1" """),
            Field("b", "number", """ "calculate":"data.c * 2" """),
            Field("c", "number", """ "calculate":"data.a" """));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal("calculate cycle: a → b → c → a", problem.Message);
        Assert.Equal("/pages/0/sections/0/fields/0/calculate", problem.Path);
    }

    [Fact]
    public void A_field_calculated_from_itself_is_a_cycle()
    {
        var ex = Reject(Field("a", "number", """ "calculate":"data.a + 1" """));
        Assert.Contains("calculate cycle: a → a", Assert.Single(ex.Problems).Message);
    }

    [Fact]
    public void A_syntax_error_in_a_rule_names_the_rule_and_line()
    {
        var ex = Reject(Field("a", "text", """ "validate":[{"id":"v1","expression":"data.a ==","message":{"zh-CN":"错"}}] """));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal("a", problem.ElementId);
        Assert.Equal("/pages/0/sections/0/fields/0/validate/0/expression", problem.Path);
        Assert.StartsWith("validate 'v1': ", problem.Message);
        Assert.Contains("line 1", problem.Message);
    }

    [Fact]
    public void Properties_that_do_not_apply_to_the_type_are_rejected()
    {
        var ex = Reject(Field("a", "text", """ "options":[{"value":"x","label":{"zh-CN":"x"}}] """));
        Assert.Equal("property 'options' does not apply to a text field", Assert.Single(ex.Problems).Message);
    }

    [Fact]
    public void Bounds_patterns_options_and_quiz_answers_are_checked()
    {
        var ex = Reject(Field("a", "number", "\"min\":5,\"max\":1"),
            Field("b", "text", """ "pattern":"^(a)\\1$" """),
            Field("c", "choice", """ "options":[{"value":"x","label":{"zh-CN":"x"}},{"value":"x","label":{"zh-CN":"y"}}] """),
            Field("d", "quiz", """ "options":[{"value":"x","label":{"zh-CN":"x"}}],"answer":"z" """),
            Field("e", "group", """ "fields":[{"id":"f","key":"f","type":"group","label":{"zh-CN":"f"},"fields":[{"id":"g","key":"g","type":"text","label":{"zh-CN":"g"}}]}] """));
        Assert.Contains(ex.Problems, p => p.ElementId == "a" && p.Message == "min 5 is greater than max 1");
        Assert.Contains(ex.Problems, p => p.ElementId == "b" && p.Message.StartsWith("pattern does not compile"));
        Assert.Contains(ex.Problems, p => p.ElementId == "c" && p.Message == "duplicate option value 'x'");
        Assert.Contains(ex.Problems, p => p.ElementId == "d" && p.Message == "answer 'z' is not one of the options");
        Assert.Contains(ex.Problems, p => p.ElementId == "f" && p.Message.Contains("cannot contain another repeating group"));
    }

    [Fact]
    public void Schema_problems_name_the_element_missing_properties_and_unknown_ones()
    {
        var ex = Reject("""{"id":"x","key":"x","type":"choice","label":{"zh-CN":"x"},"colour":"red"}""");
        Assert.Contains(ex.Problems, p => p.ElementId == "x" && p.Message.Contains("options"));
        Assert.Contains(ex.Problems, p => p.ElementId == "x" && p.Message.Contains("colour"));
    }

    [Fact]
    public void A_definition_nested_deeper_than_the_limit_is_rejected_cleanly()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var ex = Assert.Throws<FormDefinitionException>(() => FormDefinitionLoader.Load(deep));
        Assert.Contains("depth", Assert.Single(ex.Problems).Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_embedded_definition_schema_is_draft_2020_12()
    {
        Assert.Contains("https://json-schema.org/draft/2020-12/schema", FormDefinitionLoader.DefinitionSchema);
        Assert.Contains(FieldTypes.ResidentId, FormDefinitionLoader.DefinitionSchema);
    }

    [Theory]
    [InlineData("while (true) {}")]
    [InlineData("eval('1')")]
    [InlineData("globalThis.process")]
    [InlineData("(() => 1)()")]
    public void A_disallowed_expression_is_rejected_naming_element_rule_and_position(string expression)
    {
        var ex = Reject(Field("a", "text", $" `visibleIf`:`{expression}` ".Replace('`', '"')));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal("a", problem.ElementId);
        Assert.Equal("/pages/0/sections/0/fields/0/visibleIf", problem.Path);
        Assert.Matches(@"^visibleIf: .+ \(line \d+, column \d+\)$", problem.Message);
    }
}
