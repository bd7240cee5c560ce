using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Loading;
using FormFlow.Engine.Modules.Elements;
using FormFlow.Engine.Modules.Locks;
using FormFlow.Engine.Responses;
using FormFlow.Engine.Training;
using FormFlow.Engine.Workflows.Activities;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Validation;

namespace FormFlow.Engine.Modules.Resolution;

/// <summary>
/// Whether a module document is whole: every form loads (its rules read existing fields), the workflow validates
/// (every activity reachable from the start and able to reach an end), settings lie within their bounds, and locks,
/// bindings, extension points and translations point at elements that exist, and the form keys that workflow steps
/// name (a task's field permissions, the fields a request for information asks for) are keys of the case form.
/// Reuses the form and workflow loaders.
/// </summary>
internal static class ModuleSoundness
{
    public static List<ModuleProblem> Check(JsonObject module)
    {
        var problems = new List<ModuleProblem>();
        var index = ElementIndex.Build(module, problems);
        CheckForms(module, problems);
        CheckWorkflow(module, problems);
        // The checks below read the forms and the workflow in the shape their formats define; a form or workflow
        // without it is already reported above, and reading it further would only fail on its shape.
        if (problems.Count > 0) return problems;
        CheckTaskFields(module, problems);
        CheckMessageTexts(module, problems);
        CheckServerRuns(module, problems);
        CheckSettings(module, index, problems);
        problems.AddRange(ResponsePolicy.Check(module));
        problems.AddRange(TrainingSettings.Check(module));
        CheckExtensionPoints(module, index, problems);
        CheckLocks(module, index, problems);
        problems.AddRange(Translations.Check(module, index));
        return problems;
    }

    private static void CheckForms(JsonObject module, List<ModuleProblem> problems)
    {
        var forms = module["forms"]!.AsArray();
        for (var i = 0; i < forms.Count; i++)
        {
            try
            {
                FormDefinitionLoader.Load(forms[i]!.DeepClone());
            }
            catch (FormDefinitionException ex)
            {
                problems.AddRange(ex.Problems.Select(p => new ModuleProblem(p.ElementId, $"/forms/{i}{p.Path}", $"form: {p.Message}")));
            }
        }
    }

    private static void CheckWorkflow(JsonObject module, List<ModuleProblem> problems)
    {
        IReadOnlyList<WorkflowProblem> found;
        try
        {
            found = WorkflowValidator.Default.Validate(WorkflowDefinitionLoader.FromNode(module["workflow"]));
        }
        catch (WorkflowDefinitionException ex)
        {
            found = ex.Problems;
        }
        problems.AddRange(found.Select(p => new ModuleProblem(p.ActivityId, "/workflow" + (p.Path == "/" ? "" : p.Path), $"workflow: {p.Message}")));
    }

    /// <summary>
    /// A task's field permissions write into the case's form data and a request for information asks the applicant
    /// for form fields, so both must name keys of the case form (the start's `formId`, else the first form): a key
    /// the form lacks would be dropped when the data is checked against the form.
    /// </summary>
    private static void CheckTaskFields(JsonObject module, List<ModuleProblem> problems)
    {
        if (module["workflow"]?["activities"] is not JsonArray activities || CaseForm(module) is not { } form) return;
        var keys = FormKeys(form);
        for (var i = 0; i < activities.Count; i++)
        {
            if (activities[i] is not JsonObject { } activity || activity["inputs"] is not JsonObject inputs) continue;
            var id = JsonText.Of(activity["id"]);
            var named = (inputs["fieldPermissions"] as JsonObject)?.Select(p => (Key: p.Key, Path: $"/fieldPermissions/{Pointer.Escape(p.Key)}"))
                ?? (JsonText.Of(activity["type"]) == "requestInformation" ? inputs["fields"] as JsonArray : null)?.Select((f, n) => (Key: JsonText.Of(f) ?? "", Path: $"/fields/{n}"))
                ?? [];
            foreach (var (key, path) in named)
                if (!keys.Contains(key))
                    problems.Add(new(id, $"/workflow/activities/{i}/inputs{path}",
                        $"workflow: activity '{id}' names form field '{key}', which the case form '{form["id"]}' does not have"));
        }
    }

    /// <summary>A module runs on the FormFlow server, which gives the runner no HTTP handler and no sub-modules: an activity that needs one would fail there.</summary>
    private static void CheckServerRuns(JsonObject module, List<ModuleProblem> problems)
    {
        if (module["workflow"]?["activities"] is not JsonArray activities) return;
        for (var i = 0; i < activities.Count; i++)
        {
            if (activities[i] is not JsonObject activity || JsonText.Of(activity["type"]) is not { } type) continue;
            if (ActivityRegistry.Default.Find(type)?.Descriptor.NeedsHost is not { } needs) continue;
            var id = JsonText.Of(activity["id"]);
            problems.Add(new(id, $"/workflow/activities/{i}/type",
                $"workflow: activity '{id}' ({type}) cannot run on the FormFlow server: it needs the host's {needs} service, which the server does not provide"));
        }
    }

    /// <summary>A notify step's message reaches a person: it needs a title and a body in zh-CN (other locales fall back to it), never only its template key.</summary>
    private static void CheckMessageTexts(JsonObject module, List<ModuleProblem> problems)
    {
        if (module["workflow"]?["activities"] is not JsonArray activities) return;
        for (var i = 0; i < activities.Count; i++)
        {
            if (activities[i] is not JsonObject activity || JsonText.Of(activity["type"]) != "notify") continue;
            var id = JsonText.Of(activity["id"]);
            foreach (var text in new[] { "title", "body" })
                if (JsonText.Of(activity["inputs"]?[text]?["zh-CN"]) is not { } zh || zh.Trim().Length == 0)
                    problems.Add(new(id, $"/workflow/activities/{i}/inputs/{text}",
                        $"workflow: notify step '{id}' needs a {text} in zh-CN (a text by locale, e.g. {{\"zh-CN\": \"...\"}}): its template key '{JsonText.Of(activity["inputs"]?["template"])}' is not for people"));
        }
    }

    /// <summary>The form a case is started with: the one the start activity names, else the first.</summary>
    public static JsonObject? CaseForm(JsonObject module)
    {
        var forms = module["forms"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        var formId = module["workflow"]?["activities"]?.AsArray().OfType<JsonObject>()
            .Where(a => (string?)a["type"] == "start").Select(a => JsonText.Of(a["inputs"]?["formId"])).FirstOrDefault();
        return forms.FirstOrDefault(f => (string?)f["id"] == formId) ?? forms.FirstOrDefault();
    }

    /// <summary>The data keys of a form's top-level fields, and `group/key` for fields inside a group.</summary>
    public static HashSet<string> FormKeys(JsonObject form)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in form["pages"]?.AsArray().SelectMany(p => p?["sections"]?.AsArray() ?? [])
                     .SelectMany(s => s?["fields"]?.AsArray() ?? []).OfType<JsonObject>() ?? [])
        {
            if (JsonText.Of(field["key"]) is not { } key) continue;
            keys.Add(key);
            foreach (var inner in field["fields"]?.AsArray().OfType<JsonObject>() ?? [])
                if (JsonText.Of(inner["key"]) is { } innerKey) keys.Add($"{key}/{innerKey}");
        }
        return keys;
    }

    private static void CheckSettings(JsonObject module, ElementIndex index, List<ModuleProblem> problems)
    {
        foreach (var (name, setting) in module["settings"]!.AsObject())
        {
            var path = $"/settings/{Pointer.Escape(name)}";
            var (min, max) = (Number(setting!["min"]), Number(setting["max"]));
            if (min > max) problems.Add(new(name, path, $"setting '{name}': min {min} is greater than max {max}"));
            if ((min is not null || max is not null) && Number(setting["value"]) is not { } value)
                problems.Add(new(name, $"{path}/value", $"setting '{name}' has bounds, so its value must be a number"));
            else if (Number(setting["value"]) is { } v && (v < min || v > max))
                problems.Add(new(name, $"{path}/value", $"setting '{name}' = {v} is outside its bounds {min}–{max}"));
        }
        foreach (var (name, setting) in module["settings"]!.AsObject())
        {
            var targets = setting?["appliesTo"]?.AsArray() ?? [];
            for (var i = 0; i < targets.Count; i++)
            {
                var at = $"/settings/{Pointer.Escape(name)}/appliesTo/{i}";
                if (targets[i]?["activity"] is { } activity)
                {
                    if (index.Find((string)activity!) is not { Kind: ElementKind.Activity })
                        problems.Add(new(name, at, $"setting '{name}' applies to activity '{activity}', which the workflow does not have"));
                }
                else if (index.Find((string)targets[i]!["element"]!) is not { } entry)
                    problems.Add(new(name, at, $"setting '{name}' applies to element '{targets[i]!["element"]}', which the module does not have"));
                else if (SettingBindings.Problem(entry, (string)targets[i]!["path"]!) is { } why)
                    problems.Add(new(name, $"{at}/path", $"setting '{name}' applies to {targets[i]!["path"]} of '{entry.Id}': {why}"));
            }
        }
    }

    private static void CheckExtensionPoints(JsonObject module, ElementIndex index, List<ModuleProblem> problems)
    {
        var points = module["extensionPoints"]!.AsArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < points.Count; i++)
        {
            var (id, source, outcome) = ExtensionPoints.Read(points[i]!);
            var path = $"/extensionPoints/{i}";
            if (!seen.Add(id) || index.Find(id) is not null)
                problems.Add(new(id, $"{path}/id", $"extension point ID '{id}' is already used by another extension point or element"));
            if (ExtensionPoints.Connection(module, source, outcome) is null)
                problems.Add(new(id, path, $"extension point '{id}' names the '{outcome}' port of activity '{source}', which has no connection"));
        }
    }

    private static void CheckLocks(JsonObject module, ElementIndex index, List<ModuleProblem> problems)
    {
        var locks = module["locks"]!.AsArray();
        for (var i = 0; i < locks.Count; i++)
        {
            var spec = LockSpec.FromJson(locks[i]!);
            var path = $"/locks/{i}";
            if (ExtensionPoints.Find(module, spec.Element) is not null)
            {
                if (!ExtensionPoints.TakesLock(spec.Kind))
                    problems.Add(new(spec.Element, $"{path}/kind", $"lock on extension point '{spec.Element}': an extension point takes an additionsOnly or element lock, not {locks[i]!["kind"]}"));
                continue;
            }
            if (index.Find(spec.Element) is not { } entry)
            {
                problems.Add(new(spec.Element, $"{path}/element", $"lock targets element '{spec.Element}', which the module does not have"));
                continue;
            }
            if (spec.Kind != LockKind.Bounds) continue;
            if (spec.Min > spec.Max) problems.Add(new(spec.Element, path, $"bounds lock on '{spec.Element}': min {spec.Min} is greater than max {spec.Max}"));
            var current = Pointer.Get(entry.Node, spec.Path!);
            if (spec.Options.Count == 0 && Number(current) is null)
                problems.Add(new(spec.Element, $"{path}/path", $"bounds lock on '{spec.Element}' {spec.Path}: the element has no number there"));
            else if (!spec.Admits(current))
                problems.Add(new(spec.Element, $"{path}/path", $"'{spec.Element}' {spec.Path} = {current?.ToJsonString() ?? "null"} is outside the locked bounds {spec.Bounds}"));
        }
    }

    internal static double? Number(JsonNode? node) => JsonText.Number(node);
}
