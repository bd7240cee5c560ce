using FormFlow.Engine.JsonInput;
using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Engine.Modules.Resolution;

namespace FormFlow.Engine.Modules.Packages;

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

    /// <summary>Loads and checks a package; throws <see cref="ModuleException"/> listing every problem.</summary>
    public static JsonObject Load(string directory)
    {
        var (module, problems) = Read(directory);
        if (problems.Count == 0) problems.AddRange(ModuleSoundness.Check(SettingBindings.Applied(module!)));
        if (problems.Count > 0) throw new ModuleException(problems);
        return module!;
    }

    /// <summary>Every problem of a package, empty when it loads.</summary>
    public static IReadOnlyList<ModuleProblem> Check(string directory)
    {
        try
        {
            Load(directory);
            return [];
        }
        catch (ModuleException ex)
        {
            return ex.Problems;
        }
    }

    /// <summary>
    /// A package given as one document (the manifest with the forms, the workflow and the translations in place of
    /// their file names, as Studio edits it), owned by <paramref name="owner"/>: checked like a folder, the owner
    /// and the locks' `by` stamped. Throws <see cref="ModuleException"/> listing every problem.
    /// </summary>
    public static JsonObject FromDocument(JsonNode? document, OrgRef owner)
    {
        if (document is not JsonObject given)
            throw new ModuleException([new ModuleProblem(null, "", "a module package is a JSON object with the manifest, forms and workflow")]);
        // The manifest schema checks everything but the inlined parts, which go back to being file names for it.
        var manifest = given.DeepClone().AsObject();
        manifest["owner"] = new JsonObject { ["id"] = owner.Id, ["name"] = owner.Name };
        manifest["ownerLevel"] = owner.Level;
        foreach (var lockNode in manifest["locks"] as JsonArray ?? [])
            if (lockNode is JsonObject spec) spec.Remove("by"); // stamped below: the owner's locks are the owner's
        var problems = new List<ModuleProblem>();
        if (given["forms"] is JsonArray forms)
        {
            manifest["forms"] = new JsonArray(forms.Select((_, i) => (JsonNode?)$"forms/{i}").ToArray());
            for (var i = 0; i < forms.Count; i++)
                if (forms[i] is not JsonObject) problems.Add(new(null, $"/forms/{i}", "a form definition is a JSON object"));
        }
        if (given["workflow"] is { } workflow)
        {
            manifest["workflow"] = "workflow";
            if (workflow is not JsonObject) problems.Add(new(null, "/workflow", "the workflow definition is a JSON object"));
        }
        if (given["translations"] is { } translations)
        {
            manifest["translations"] = "translations";
            if (translations is not JsonObject) problems.Add(new(null, "/translations", "translations are a JSON object {locale: {elementId: {property: text}}}"));
        }
        problems.InsertRange(0, EmbeddedSchema.Manifest.Check(manifest, "package"));
        if (problems.Count > 0) throw new ModuleException(problems);

        var module = given.DeepClone().AsObject();
        module.Remove("$schema");
        module.Remove("ownerLevel");
        module["owner"] = owner.ToJson();
        foreach (var lockNode in module["locks"]?.AsArray() ?? [])
            lockNode!["by"] = owner.ToJson();
        module["extensionPoints"] ??= new JsonArray();
        module["locks"] ??= new JsonArray();
        module["settings"] ??= new JsonObject();
        var unsound = ModuleSoundness.Check(SettingBindings.Applied(module));
        if (unsound.Count > 0) throw new ModuleException(unsound);
        return module;
    }

    private static (JsonObject? Module, List<ModuleProblem> Problems) Read(string directory)
    {
        var problems = new List<ModuleProblem>();
        if (!Directory.Exists(directory))
            return (null, [new ModuleProblem(null, "", "module package folder not found") { Source = directory }]);
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
                    problems.Add(new ModuleProblem(null, "", $"a form definition is a JSON object, not {other.GetValueKind()}") { Source = file });
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

    private static JsonNode? ReadJson(string directory, string file, List<ModuleProblem> problems)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            problems.Add(new ModuleProblem(null, "", "file not found") { Source = file });
            return null;
        }
        var text = File.ReadAllText(path);
        if (InvalidStrings.FirstIn(text) is { } pointer)
        {
            problems.Add(new ModuleProblem(null, pointer, InvalidStrings.Describe(pointer)) { Source = file });
            return null;
        }
        try
        {
            return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = JsonDepth.Read });
        }
        catch (JsonException ex)
        {
            problems.Add(new ModuleProblem(null, "", $"malformed JSON: {ex.Message}") { Source = file });
            return null;
        }
    }
}
