using System.Text.Json.Nodes;

namespace FormFlow.Server.Modules;

/// <summary>
/// The blank module a designer starts from when no template fits: one form with one page, one section and one
/// text field, and a workflow that starts on its submission and ends. Small enough to read, valid to publish.
/// </summary>
internal static class ModuleStarter
{
    public static JsonObject Package(string moduleId, JsonObject name, string category) => new()
    {
        ["id"] = moduleId,
        ["name"] = name.DeepClone(),
        ["category"] = category,
        ["version"] = "1.0.0",
        ["forms"] = new JsonArray(new JsonObject
        {
            ["id"] = "application",
            ["version"] = "1.0.0",
            ["title"] = name.DeepClone(),
            ["pages"] = new JsonArray(new JsonObject
            {
                ["id"] = "main",
                ["sections"] = new JsonArray(new JsonObject
                {
                    ["id"] = "details",
                    ["title"] = new JsonObject { ["zh-CN"] = "申请内容", ["en"] = "Details" },
                    ["fields"] = new JsonArray(new JsonObject
                    {
                        ["id"] = "description", ["key"] = "description", ["type"] = "text", ["required"] = true,
                        ["label"] = new JsonObject { ["zh-CN"] = "说明", ["en"] = "Description" },
                    }),
                }),
            }),
        }),
        ["workflow"] = new JsonObject
        {
            ["id"] = $"{moduleId}-flow",
            ["version"] = 1,
            ["activities"] = new JsonArray(
                new JsonObject { ["id"] = "start", ["type"] = "start", ["inputs"] = new JsonObject { ["trigger"] = "formSubmission", ["formId"] = "application" } },
                new JsonObject { ["id"] = "end", ["type"] = "end" }),
            ["connections"] = new JsonArray(new JsonObject { ["source"] = "start", ["target"] = "end" }),
        },
    };
}
