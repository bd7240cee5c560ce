using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FormFlow.Engine.Forms.Definitions;

namespace FormFlow.Engine.Forms.Runtime;

/// <summary>A generated value and where it went (JSON Pointer into the data).</summary>
public sealed record SampleValue(string Path, JsonNode? Value);

/// <summary>What a fill produced: the data with the generated values, which ones they are, and the form's verdict on it.</summary>
public sealed record SampleFill(JsonObject Data, IReadOnlyList<SampleValue> Generated, FormResult Result);

/// <summary>
/// Sample values for the fields a form reports missing, for a designer's test run that asked for them: each value
/// is valid for its field's type and constraints (bounds, lengths, pattern, options, file types, the mainland
/// formats), so what is left after a fill are the errors of rules the designer wrote (validate expressions).
/// A text field whose pattern none of the candidates matches is left missing: its required error stays.
/// </summary>
public static class SampleValues
{
    private const int MaxPasses = 5; // a filled field can make another one required (requiredIf), a few times at most

    /// <param name="today">The date the date fields get (the test run's clock).</param>
    /// <param name="org">The value an org field gets (the test run's applicant org).</param>
    public static SampleFill FillMissing(FormRuntime runtime, JsonObject data, FormProcessOptions options, DateTimeOffset today, string org)
    {
        var filled = (JsonObject)data.DeepClone();
        var generated = new List<SampleValue>();
        var result = runtime.Process(filled, options);
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var missing = result.Errors.Where(e => e.Rule is "required" or "requiredIf" && generated.All(g => g.Path != e.Path)).Select(e => e.Path).Distinct().ToList();
            var added = 0;
            foreach (var path in missing)
                if (FieldAt(runtime.Definition, path) is { } field && For(field, today, org) is { } value && Put(filled, path, value))
                {
                    generated.Add(new SampleValue(path, value.DeepClone()));
                    added++;
                }
            if (added == 0) break;
            result = runtime.Process(filled, options);
        }
        return new SampleFill(filled, generated, result);
    }

    /// <summary>A value valid for the field's type and constraints; null when none can be made (an unmatched pattern, display-only content).</summary>
    public static JsonNode? For(FieldDefinition f, DateTimeOffset today, string org) => f.Type switch
    {
        FieldTypes.Text or FieldTypes.Textarea => Text(f),
        FieldTypes.Number => Number(f, 1m),
        FieldTypes.Money => Number(f, 100m) is { } money ? Math.Ceiling(money * 100m) / 100m : null,
        FieldTypes.Rating => f.Scale ?? 5,
        FieldTypes.Date => today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        FieldTypes.DateTime => today.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        FieldTypes.Boolean => true,
        FieldTypes.Region => "110101",
        FieldTypes.Mobile => "13800138000",
        FieldTypes.ResidentId => "11010519491231002X",
        FieldTypes.Email => "sample@example.com",
        FieldTypes.Org => org,
        FieldTypes.Choice or FieldTypes.Quiz when !f.Multiple || f.Type == FieldTypes.Choice => f.Options?.FirstOrDefault()?.Value,
        FieldTypes.MultiChoice or FieldTypes.Quiz => Options(f),
        FieldTypes.File or FieldTypes.Image or FieldTypes.Signature => f.Multiple ? Repeat(f, () => FileFor(f)) : FileFor(f),
        FieldTypes.Group => Repeat(f, () => Row(f, today, org)),
        _ => null,
    };

    private static JsonNode? Text(FieldDefinition f)
    {
        var pattern = f.Pattern is null ? null : new Regex(f.Pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        var min = Math.Max(f.MinLength ?? 1, 1);
        var max = f.MaxLength ?? int.MaxValue;
        foreach (var seed in new[] { "示例", "sample", "Sample1", "1", "a", "A" })
        {
            var text = seed.Length >= min ? seed : seed + new string(seed[^1], min - seed.Length);
            if (text.Length > max) text = text[..max];
            if (text.Length >= min && (pattern is null || pattern.IsMatch(text))) return text;
        }
        return null;
    }

    private static decimal? Number(FieldDefinition f, decimal preferred)
    {
        var value = Math.Max(preferred, f.Min ?? decimal.MinValue);
        if (f.Max is { } max && value > max) value = Math.Max(max, f.Min ?? max);
        return f.Min is { } min && f.Max is { } top && min > top ? null : value;
    }

    private static JsonArray? Options(FieldDefinition f)
    {
        var options = f.Options ?? [];
        var count = Math.Max(f.MinItems ?? 1, 1);
        return options.Count < count ? null : new JsonArray(options.Take(count).Select(o => (JsonNode?)o.Value).ToArray());
    }

    private static JsonObject FileFor(FieldDefinition f) => new()
    {
        ["id"] = $"sample-{f.Id}",
        ["name"] = "sample.png",
        ["size"] = 1,
        ["contentType"] = f.Accept?.FirstOrDefault() ?? "image/png",
    };

    private static JsonArray Repeat(FieldDefinition f, Func<JsonNode> item) =>
        new(Enumerable.Range(0, Math.Max(f.MinItems ?? 1, 1)).Select(_ => (JsonNode?)item()).ToArray());

    /// <summary>A group row with its always-required fields; fields required by a rule come in the next pass.</summary>
    private static JsonObject Row(FieldDefinition group, DateTimeOffset today, string org)
    {
        var row = new JsonObject();
        foreach (var child in (group.Fields ?? []).Where(c => c.HasData && c.Required && c.Key is not null))
            if (For(child, today, org) is { } value) row[child.Key!] = value;
        return row;
    }

    /// <summary>The field a data path names: /key or /group/row/key.</summary>
    public static FieldDefinition? FieldAt(FormDefinition form, string path)
    {
        var segments = path.Split('/').Skip(1).Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToList();
        var fields = form.DataFields().ToList();
        FieldDefinition? field = null;
        for (var i = 0; i < segments.Count; i++)
        {
            field = fields.FirstOrDefault(f => f.Key == segments[i]);
            if (field is null) return null;
            if (i + 1 < segments.Count)
            {
                if (!field.IsGroup || !int.TryParse(segments[++i], NumberStyles.None, CultureInfo.InvariantCulture, out _)) return null;
                fields = (field.Fields ?? []).Where(f => f.HasData).ToList();
            }
        }
        return field;
    }

    private static bool Put(JsonObject data, string path, JsonNode value)
    {
        var segments = path.Split('/').Skip(1).Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToList();
        JsonNode? node = data;
        for (var i = 0; i < segments.Count - 1; i++)
            node = node switch
            {
                JsonObject o => o[segments[i]],
                JsonArray a when int.TryParse(segments[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < a.Count => a[n],
                _ => null,
            };
        if (node is not JsonObject target || segments.Count == 0) return false;
        target[segments[^1]] = value;
        return true;
    }
}
