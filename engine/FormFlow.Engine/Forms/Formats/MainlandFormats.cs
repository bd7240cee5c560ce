using System.Text.Json;
using FormFlow.Engine.Expressions.Helpers;
using Json.Schema;

namespace FormFlow.Engine.Forms.Formats;

/// <summary>
/// The custom JSON Schema formats of the data contract ("resident-id", "mobile", "region"), in a registry of their own.
/// "email" is replaced too, so that the schema and the isEmail helper (and the browser) accept exactly the same addresses.
/// </summary>
internal static class MainlandFormats
{
    public const string ResidentId = "resident-id", Mobile = "mobile", Region = "region";

    // The string check behind each format registered here, for callers that hold a string rather than a JsonElement.
    private static readonly Dictionary<Format, Func<string?, bool>> StringChecks = new(ReferenceEqualityComparer.Instance);

    public static FormatRegistry Registry { get; } = Create();

    private static FormatRegistry Create()
    {
        var registry = new FormatRegistry();
        Register(registry, ResidentId, Expressions.Helpers.ResidentId.IsValid);
        Register(registry, Mobile, MainlandMobile.IsValid);
        Register(registry, Region, RegionCode.IsValid);
        Register(registry, "email", EmailAddress.IsValid);
        return registry;
    }

    private static void Register(FormatRegistry registry, string name, Func<string?, bool> check)
    {
        var format = new PredicateFormat(name, e => IsString(e, check));
        StringChecks[format] = check;
        registry.Register(format);
    }

    /// <summary>What the format (one registered here) says about a string value, without building a JsonElement.</summary>
    internal static Func<string?, bool>? StringCheckOf(Format format) => StringChecks.GetValueOrDefault(format);

    // Formats apply to strings only; other types are the "type" keyword's business.
    private static bool IsString(JsonElement e, Func<string?, bool> check) =>
        e.ValueKind != JsonValueKind.String || check(e.GetString());
}
