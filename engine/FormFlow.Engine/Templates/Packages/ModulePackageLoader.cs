using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Engine.Templates.Resolution;

namespace FormFlow.Engine.Templates.Packages;

/// <summary>
/// Reads a module package folder: `module.json` (the manifest, checked against the embedded manifest schema), the
/// form definition files and the workflow file it names, and an optional translations file. The result is the
/// module document every other part works on: the manifest with the files' contents in place of their names and
/// the package locks stamped with the owner org.
/// </summary>
public static class ModulePackageLoader
{
    public const string ManifestFile = "module.json";

    /// <summary>The JSON Schema of `module.json`.</summary>
    public static string ManifestSchema => EmbeddedSchema.Manifest.Text;

    /// <summary>Loads and checks a package; throws <see cref="TemplateException"/> listing every problem.</summary>
    public static JsonObject Load(string directory)
    {
        var (module, problems) = Read(directory);
        if (problems.Count == 0) problems.AddRange(ModuleSoundness.Check(SettingBindings.Applied(module!)));
        if (problems.Count > 0) throw new TemplateException(problems);
        return module!;
    }

    /// <summary>Every problem of a package, empty when it loads.</summary>
    public static IReadOnlyList<TemplateProblem> Check(string directory)
    {
        try
        {
            Load(directory);
            return [];
        }
        catch (TemplateException ex)
        {
            return ex.Problems;
        }
    }

    private static (JsonObject? Module, List<TemplateProblem> Problems) Read(string directory)
    {
        var problems = new List<TemplateProblem>();
        if (!Directory.Exists(directory))
            return (null, [new TemplateProblem(null, "", "module package folder not found") { Source = directory }]);
        var manifest = ReadJson(directory, ManifestFile, problems);
        if (manifest is null) return (null, problems);
        problems.AddRange(EmbeddedSchema.Manifest.Check(manifest, ManifestFile));
        if (problems.Count > 0) return (null, problems);

        var module = manifest.AsObject().DeepClone().AsObject();
        module.Remove("$schema");
        var forms = new JsonArray();
        foreach (var file in manifest["forms"]!.AsArray().Select(f => (string)f!))
            switch (ReadJson(directory, file, problems))
            {
                case JsonObject form:
                    form.Remove("$schema"); // a relative editor hint, not content
                    forms.Add(form);
                    break;
                case { } other:
                    problems.Add(new TemplateProblem(null, "", $"a form definition is a JSON object, not {other.GetValueKind()}") { Source = file });
                    break;
            }
        module["forms"] = forms;
        module["workflow"] = ReadJson(directory, (string)manifest["workflow"]!, problems);
        if (manifest["translations"] is JsonValue translations)
            module["translations"] = ReadJson(directory, (string)translations!, problems);
        var owner = new OrgRef((string)manifest["owner"]!["id"]!, (string?)manifest["owner"]!["name"], (string)manifest["ownerLevel"]!);
        module["owner"] = owner.ToJson();
        module.Remove("ownerLevel");
        foreach (var lockNode in module["locks"]?.AsArray() ?? [])
            lockNode!["by"] = owner.ToJson();
        module["extensionPoints"] ??= new JsonArray();
        module["locks"] ??= new JsonArray();
        module["settings"] ??= new JsonObject();
        return (module, problems);
    }

    private static JsonNode? ReadJson(string directory, string file, List<TemplateProblem> problems)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            problems.Add(new TemplateProblem(null, "", "file not found") { Source = file });
            return null;
        }
        try
        {
            return JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            problems.Add(new TemplateProblem(null, "", $"malformed JSON: {ex.Message}") { Source = file });
            return null;
        }
    }
}
