using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Definitions;
using FormFlow.Engine.Modules;

namespace FormFlow.Engine.Responses;

/// <summary>
/// A secret ballot's box is a set of piles, one per possible combination of answers, each holding only a count.
/// Every pile exists (at zero) before the first vote, so a vote never inserts a row that would show what it chose;
/// it adds one to its pile and zero to every other pile in one statement. The ballot form may hold only choice,
/// multiChoice and boolean fields (besides content), so the combinations can be listed.
/// </summary>
public static class BallotPiles
{
    private static readonly string[] Allowed = [FieldTypes.Choice, FieldTypes.MultiChoice, FieldTypes.Boolean];

    public static List<ModuleProblem> Check(FormDefinition form)
    {
        var problems = new List<ModuleProblem>();
        foreach (var field in form.DataFields().Where(f => !Allowed.Contains(f.Type)))
            problems.Add(new(field.Id, $"/settings/{ResponsePolicy.AnonymitySetting}/value",
                $"a secret ballot holds only choice, multiChoice and boolean fields; field '{field.Key}' is {field.Type}"));
        if (problems.Count > 0) return problems;
        var count = form.DataFields().Aggregate(1.0, (n, f) => n * Choices(f));
        if (count > ResponsePolicy.MaxBallotCombinations)
            problems.Add(new(null, $"/settings/{ResponsePolicy.AnonymitySetting}/value",
                $"a secret ballot on this form has {count:0} possible answers; at most {ResponsePolicy.MaxBallotCombinations} can be kept as piles (fewer options or a lower maxItems)"));
        return problems;
    }

    /// <summary>Every pile key the form allows, in a fixed order.</summary>
    public static List<string> All(FormDefinition form)
    {
        IEnumerable<List<(string Key, JsonNode? Value)>> combos = [[]];
        foreach (var field in form.DataFields().OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var values = Values(field).ToList();
            combos = combos.SelectMany(c => values.Select(v => new List<(string, JsonNode?)>(c) { (field.Key!, v) })).ToList();
        }
        return combos.Select(c => Write(c)).ToList();
    }

    /// <summary>The pile of an answer already checked by the form runtime.</summary>
    public static string KeyOf(FormDefinition form, JsonObject data) =>
        Write(form.DataFields().OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key!, Normal(f, data[f.Key!]))));

    private static string Write(IEnumerable<(string Key, JsonNode? Value)> pairs)
    {
        var o = new JsonObject();
        foreach (var (key, value) in pairs) o[key] = value?.DeepClone();
        return o.ToJsonString();
    }

    private static JsonNode? Normal(FieldDefinition field, JsonNode? value)
    {
        if (field.Type != FieldTypes.MultiChoice) return value is JsonValue ? value.DeepClone() : null;
        var chosen = (value as JsonArray)?.Select(v => v?.ToString()).ToHashSet() ?? [];
        if (chosen.Count == 0) return null;
        return new JsonArray(field.Options!.Where(o => chosen.Contains(o.Value)).Select(o => (JsonNode)JsonValue.Create(o.Value)).ToArray());
    }

    private static IEnumerable<JsonNode?> Values(FieldDefinition field)
    {
        var optional = !field.Required || field.VisibleIf is not null || field.RequiredIf is not null;
        if (optional) yield return null;
        switch (field.Type)
        {
            case FieldTypes.Boolean:
                yield return JsonValue.Create(true);
                yield return JsonValue.Create(false);
                break;
            case FieldTypes.Choice:
                foreach (var o in field.Options!) yield return JsonValue.Create(o.Value);
                break;
            default:
                var options = field.Options!.Select(o => o.Value).ToList();
                var (min, max) = (Math.Max(1, field.MinItems ?? 1), Math.Min(options.Count, field.MaxItems ?? options.Count));
                for (var mask = 1; mask < 1 << options.Count; mask++)
                {
                    var size = System.Numerics.BitOperations.PopCount((uint)mask);
                    if (size < min || size > max) continue;
                    yield return new JsonArray(options.Where((_, i) => (mask & (1 << i)) != 0).Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
                }
                break;
        }
    }

    private static double Choices(FieldDefinition field)
    {
        var optional = !field.Required || field.VisibleIf is not null || field.RequiredIf is not null ? 1 : 0;
        if (field.Type == FieldTypes.Boolean) return 2 + optional;
        var n = field.Options?.Count ?? 0;
        if (field.Type == FieldTypes.Choice) return n + optional;
        if (n > 24) return double.PositiveInfinity;
        var (min, max) = (Math.Max(1, field.MinItems ?? 1), Math.Min(n, field.MaxItems ?? n));
        double total = 0;
        for (var k = min; k <= max; k++) total += Binomial(n, k);
        return total + optional;
    }

    private static double Binomial(int n, int k)
    {
        double r = 1;
        for (var i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return Math.Round(r);
    }
}
