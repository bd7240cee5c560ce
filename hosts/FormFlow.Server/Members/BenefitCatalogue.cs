using System.Text.Json.Nodes;

namespace FormFlow.Server.Members;

/// <summary>A benefit a benefits module offers: its option value, its zh-CN label and the yearly quota.</summary>
public sealed record BenefitOffer(string BenefitId, string Name, int QuotaPerYear);

/// <summary>
/// Reads the benefits a resolved benefits module offers: the options of its redemption form's <c>benefit</c> field,
/// each with the module's <c>quotaPerYear</c> setting (as the org's chain of overlays left it, e.g. 8).
/// </summary>
internal static class BenefitCatalogue
{
    public const string ModuleKey = "benefits";
    public const string BenefitKey = "benefit";
    public const string QuotaSetting = "quotaPerYear";

    public static IReadOnlyList<BenefitOffer> Offers(JsonObject module)
    {
        if (module["settings"]?[QuotaSetting]?["value"] is not JsonValue quotaValue || !quotaValue.TryGetValue<int>(out var quota) || quota < 1)
            return [];
        var options = (module["forms"]?.AsArray() ?? [])
            .SelectMany(form => Fields(form!["pages"]))
            .FirstOrDefault(f => (string?)f["key"] == BenefitKey)?["options"]?.AsArray() ?? [];
        return options
            .Select(o => new BenefitOffer((string)o!["value"]!, (string?)o["label"]?["zh-CN"] ?? (string)o["value"]!, quota))
            .ToList();
    }

    private static IEnumerable<JsonObject> Fields(JsonNode? pages) =>
        (pages?.AsArray() ?? []).SelectMany(p => p!["sections"]?.AsArray() ?? [])
            .SelectMany(s => s!["fields"]?.AsArray() ?? []).Select(f => f!.AsObject());
}
