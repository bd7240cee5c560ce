using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Definitions;
using Microsoft.AspNetCore.DataProtection;

namespace FormFlow.Server.Privacy;

/// <summary>
/// Personal data in form data, by the <c>pii</c> class its form gives each field (top-level fields and fields of
/// repeating groups): <see cref="Protect"/> encrypts those values for storage with ASP.NET Core Data Protection (keys
/// in the data folder); <see cref="OpenAll"/> decrypts stored data; <see cref="Masked"/> masks every personal value a
/// reader may not see in full (e.g. 1101**********1234, 138****5678, 王*芳). Other fields pass through untouched.
/// </summary>
internal sealed class PiiProtector(IDataProtectionProvider provider)
{
    /// <summary>Marks an encrypted value; the rest of the string is the Data Protection payload of the value's JSON.</summary>
    public const string Prefix = "pii:v1:";
    private readonly IDataProtector _protector = provider.CreateProtector("FormFlow.Privacy.FormData.v1");

    /// <summary>A copy of <paramref name="data"/> with every personal value encrypted; already encrypted values stay as they are.</summary>
    public JsonObject Protect(FormDefinition form, JsonObject data) => Rewrite(form, data, (_, _, value) => Encrypt(value));

    /// <summary>
    /// A whole document (an outbox payload, a notification's data) as stored text: one encrypted value, because what
    /// a workflow put there (a mobile number, a name in a message) is not tied to a form field's PII class.
    /// </summary>
    public string Seal(string json) => IsSealed(json) ? json : Encrypted(json).ToJsonString();

    /// <summary>A plain text column (a notification's recipient, a file's name) as stored: sealed as a JSON string.</summary>
    public string SealText(string text) => IsSealed(text) ? text : Seal(JsonValue.Create(text).ToJsonString());

    /// <summary>A text column written by <see cref="SealText"/>, or plain text stored before sealing, as it was given.</summary>
    public string OpenText(string stored) => IsSealed(stored) ? Open(stored)!.GetValue<string>() : stored;

    /// <summary>Whether stored JSON text is one sealed value (see <see cref="Seal"/>).</summary>
    public static bool IsSealed(string stored) => stored.StartsWith("\"" + Prefix, StringComparison.Ordinal);

    /// <summary>Stored JSON, sealed or not (rows written before sealing stay readable), with every encrypted value decrypted.</summary>
    public JsonNode? Open(string stored) => OpenAll(JsonNode.Parse(stored));

    /// <summary>
    /// A copy of plain (decrypted) data with every personal value masked by its class, except under the top-level
    /// data keys for which <paramref name="keep"/> says true (a kept group keeps its rows whole).
    /// </summary>
    public static JsonObject Masked(FormDefinition form, JsonObject data, Func<string, bool>? keep = null) => Rewrite(form, data, (key, piiClass, value) =>
        keep?.Invoke(key.Split('/')[0]) == true ? value.DeepClone()
        : value is JsonValue v && v.TryGetValue<string>(out var text) ? JsonValue.Create(Masks.ForClass(piiClass, text))
        : JsonValue.Create("***"));

    /// <summary>The personal fields of a form: data key (group children as <c>group/key</c>) → PII class.</summary>
    public static IReadOnlyDictionary<string, string> Fields(FormDefinition form)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in form.DataFields())
        {
            if (field.Pii is { } pii) fields[field.Key!] = pii;
            foreach (var child in field.IsGroup ? field.Fields ?? [] : [])
                if (child.Pii is { } childPii && child.Key is not null) fields[$"{field.Key}/{child.Key}"] = childPii;
        }
        return fields;
    }

    /// <summary>A copy of any JSON with every encrypted value decrypted, wherever it sits (no form needed).</summary>
    public JsonNode? OpenAll(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, OpenAll(p.Value)))),
        JsonArray a => new JsonArray(a.Select(OpenAll).ToArray()),
        JsonValue v when IsProtected(v) => Decrypt(v),
        _ => node?.DeepClone(),
    };

    public static bool IsProtected(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var s) && s.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>One JSON value encrypted in place of itself (for values that no field's class names, e.g. file names).</summary>
    public JsonNode Encrypt(JsonNode value) => IsProtected(value) ? value.DeepClone() : Encrypted(value.ToJsonString());

    private JsonValue Encrypted(string json) => JsonValue.Create(Prefix + _protector.Protect(json));

    private JsonNode? Decrypt(JsonNode value) =>
        IsProtected(value) ? JsonNode.Parse(_protector.Unprotect(value.GetValue<string>()[Prefix.Length..])) : value.DeepClone();

    /// <summary>Copies the data, passing each present personal value (key path, class, value) through <paramref name="change"/>.</summary>
    private static JsonObject Rewrite(FormDefinition form, JsonObject data, Func<string, string, JsonNode, JsonNode?> change)
    {
        var copy = data.DeepClone().AsObject();
        var pii = Fields(form);
        if (pii.Count == 0) return copy;
        foreach (var field in form.DataFields())
        {
            var key = field.Key!;
            if (copy[key] is not { } value) continue;
            if (field.Pii is { } piiClass) copy[key] = change(key, piiClass, value);
            else if (field.IsGroup && value is JsonArray rows)
                foreach (var row in rows.OfType<JsonObject>())
                    foreach (var child in field.Fields ?? [])
                        if (child.Pii is { } childClass && child.Key is { } childKey && row[childKey] is { } childValue)
                            row[childKey] = change($"{key}/{childKey}", childClass, childValue);
        }
        return copy;
    }
}
