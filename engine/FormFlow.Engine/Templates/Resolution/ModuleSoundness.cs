using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Loading;
using FormFlow.Engine.Templates.Elements;
using FormFlow.Engine.Templates.Locks;
using FormFlow.Engine.Workflows.Activities;
using FormFlow.Engine.Workflows.Definitions;
using FormFlow.Engine.Workflows.Validation;

namespace FormFlow.Engine.Templates.Resolution;

/// <summary>
/// Whether a module document is whole: every form loads (its rules read existing fields), the workflow validates
/// (every activity reachable from the start and able to reach an end), settings lie within their bounds, and locks,
/// bindings, extension points and translations point at elements that exist. Reuses the form and workflow loaders.
/// </summary>
public static class ModuleSoundness
{
    public static List<TemplateProblem> Check(JsonObject module)
    {
        var problems = new List<TemplateProblem>();
        var index = ElementIndex.Build(module, problems);
        CheckForms(module, problems);
        CheckWorkflow(module, problems);
        CheckSettings(module, index, problems);
        CheckExtensionPoints(module, index, problems);
        CheckLocks(module, index, problems);
        CheckTranslations(module, index, problems);
        return problems;
    }

    private static void CheckForms(JsonObject module, List<TemplateProblem> problems)
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
                problems.AddRange(ex.Problems.Select(p => new TemplateProblem(p.ElementId, $"/forms/{i}{p.Path}", $"form: {p.Message}")));
            }
        }
    }

    private static void CheckWorkflow(JsonObject module, List<TemplateProblem> problems)
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
        problems.AddRange(found.Select(p => new TemplateProblem(p.ActivityId, "/workflow" + (p.Path == "/" ? "" : p.Path), $"workflow: {p.Message}")));
    }

    private static void CheckSettings(JsonObject module, ElementIndex index, List<TemplateProblem> problems)
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
        foreach (var (name, activity, input) in SettingBindings.Bindings(module))
            if (index.Find(activity) is not { Kind: ElementKind.Activity })
                problems.Add(new(name, $"/settings/{Pointer.Escape(name)}/appliesTo", $"setting '{name}' applies to activity '{activity}', which the workflow does not have"));
    }

    private static void CheckExtensionPoints(JsonObject module, ElementIndex index, List<TemplateProblem> problems)
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

    private static void CheckLocks(JsonObject module, ElementIndex index, List<TemplateProblem> problems)
    {
        var locks = module["locks"]!.AsArray();
        for (var i = 0; i < locks.Count; i++)
        {
            var spec = LockSpec.FromJson(locks[i]!);
            var path = $"/locks/{i}";
            if (index.Find(spec.Element) is not { } entry)
            {
                problems.Add(new(spec.Element, $"{path}/element", $"lock targets element '{spec.Element}', which the module does not have"));
                continue;
            }
            if (spec.Kind != LockKind.Bounds) continue;
            if (spec.Min > spec.Max) problems.Add(new(spec.Element, path, $"bounds lock on '{spec.Element}': min {spec.Min} is greater than max {spec.Max}"));
            var current = Pointer.Get(entry.Node, spec.Path!);
            if (Number(current) is not { } value)
                problems.Add(new(spec.Element, $"{path}/path", $"bounds lock on '{spec.Element}' {spec.Path}: the element has no number there"));
            else if (!spec.Allows(value))
                problems.Add(new(spec.Element, $"{path}/path", $"'{spec.Element}' {spec.Path} = {value} is outside the locked bounds {spec.Bounds}"));
        }
    }

    private static void CheckTranslations(JsonObject module, ElementIndex index, List<TemplateProblem> problems)
    {
        if (module["translations"] is not JsonObject translations) return;
        foreach (var (locale, byElement) in translations)
            foreach (var (id, _) in byElement as JsonObject ?? [])
                if (index.Find(id) is null)
                    problems.Add(new(id, $"/translations/{Pointer.Escape(locale)}/{Pointer.Escape(id)}", $"translation for element '{id}', which the module does not have"));
    }

    internal static double? Number(JsonNode? node) => JsonText.Number(node);
}
