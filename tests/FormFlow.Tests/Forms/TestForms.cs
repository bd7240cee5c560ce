using FormFlow.Engine.Forms.Definitions;
using FormFlow.Engine.Forms.Loading;

namespace FormFlow.Tests.Forms;

/// <summary>Builds small definitions for tests: one page, one section, the given fields (JSON objects).</summary>
internal static class TestForms
{
    public static string Json(params string[] fields) =>
        $$"""{"id":"test","version":"1","title":{"zh-CN":"测试"},"pages":[{"id":"p1","sections":[{"id":"s1","fields":[{{string.Join(",", fields)}}]}]}]}""";

    public static FormDefinition Load(params string[] fields) => FormDefinitionLoader.Load(Json(fields));

    public static FormDefinitionException Reject(params string[] fields) =>
        Assert.Throws<FormDefinitionException>(() => FormDefinitionLoader.Load(Json(fields)));

    public static string Field(string id, string type, string extra = "") =>
        $$"""{"id":"{{id}}","key":"{{id}}","type":"{{type}}","label":{"zh-CN":"{{id}}"}{{(extra.Trim().Length > 0 ? "," + extra.Trim() : "")}}}""";

    public static string SamplesFolder => Path.Combine(RepositoryFiles.Root, "samples", "forms");

}
