using System.Text.Json;
using FormFlow.Engine.Expressions.Helpers;
using Json.Schema;

namespace FormFlow.Engine.Forms.Formats;

/// <summary>
/// The custom JSON Schema formats of the data contract ("resident-id", "mobile", "region"), in a registry of their own.
/// "email" is replaced too, so that the schema and the isEmail helper (and the browser) accept exactly the same addresses.
/// </summary>
public static class MainlandFormats
{
    public const string ResidentId = "resident-id", Mobile = "mobile", Region = "region";

    public static FormatRegistry Registry { get; } = Create();

    private static FormatRegistry Create()
    {
        var registry = new FormatRegistry();
        registry.Register(new PredicateFormat(ResidentId, e => IsString(e, Expressions.Helpers.ResidentId.IsValid)));
        registry.Register(new PredicateFormat(Mobile, e => IsString(e, MainlandMobile.IsValid)));
        registry.Register(new PredicateFormat(Region, e => IsString(e, RegionCode.IsValid)));
        registry.Register(new PredicateFormat("email", e => IsString(e, EmailAddress.IsValid)));
        return registry;
    }

    // Formats apply to strings only; other types are the "type" keyword's business.
    private static bool IsString(JsonElement e, Func<string?, bool> check) =>
        e.ValueKind != JsonValueKind.String || check(e.GetString());
}
