using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using JintEngine = Jint.Engine;

namespace FormFlow.Engine.Expressions;

/// <summary>
/// A read-only JavaScript view of a scope JsonObject for expressions: a member is converted when it is first read,
/// so a rule that reads two fields of a forty-field form converts two. Expressions cannot assign, so the view never
/// has to write back; scripts get fully converted, writable objects instead.
/// </summary>
internal sealed class JsonObjectView : ObjectInstance
{
    private readonly JsonObject _source;
    private readonly int _maxDepth;
    private readonly int _depth;
    private Dictionary<string, JsValue>? _members;

    public JsonObjectView(JintEngine engine, JsonObject source, int maxDepth, int depth) : base(engine)
    {
        _source = source;
        _maxDepth = maxDepth;
        _depth = depth;
        Prototype = engine.Intrinsics.Object.PrototypeObject;
    }

    public JsonObject Source => _source;

    public override JsValue Get(JsValue property, JsValue receiver) =>
        TryGetMember(property, out var value) ? value : base.Get(property, receiver);

    public override PropertyDescriptor GetOwnProperty(JsValue property) =>
        TryGetMember(property, out var value) ? new PropertyDescriptor(value, PropertyFlag.Enumerable) : PropertyDescriptor.Undefined;

    protected override bool TryGetOwnPropertyValue(JsValue property, JsValue receiver, out JsValue value)
    {
        if (TryGetMember(property, out value)) return true;
        value = Undefined;
        return false;
    }

    public override bool HasProperty(JsValue property) => Key(property) is { } key && _source.ContainsKey(key) || base.HasProperty(property);

    public override List<JsValue> GetOwnPropertyKeys(Types types = Types.String | Types.Symbol)
    {
        var keys = new List<JsValue>(_source.Count);
        if ((types & Types.String) != 0)
            foreach (var (key, _) in _source) keys.Add(JsString.Create(key));
        return keys;
    }

    public override IEnumerable<KeyValuePair<JsValue, PropertyDescriptor>> GetOwnProperties()
    {
        foreach (var (key, _) in _source)
        {
            TryGetMember(JsString.Create(key), out var value);
            yield return new(JsString.Create(key), new PropertyDescriptor(value, PropertyFlag.Enumerable));
        }
    }

    // Read-only: the subset checker already refuses assignment in expressions; these make it hold at run time too.
    public override bool Set(JsValue property, JsValue value, JsValue receiver) => false;
    public override bool DefineOwnProperty(JsValue property, PropertyDescriptor desc) => false;
    public override bool Delete(JsValue property) => false;

    private bool TryGetMember(JsValue property, out JsValue value)
    {
        value = Undefined;
        if (Key(property) is not { } key) return false;
        if (_members is not null && _members.TryGetValue(key, out value!)) return true;
        if (!_source.TryGetPropertyValue(key, out var node)) return false;
        value = JsonConversion.ToJs(Engine, node, _maxDepth, _depth + 1, readOnly: true);
        // Objects and arrays are cached so that reading one twice gives the same object (data.a === data.a);
        // strings, numbers and booleans compare by value and are cheaper to convert again than to cache.
        if (value is ObjectInstance) (_members ??= new Dictionary<string, JsValue>(StringComparer.Ordinal))[key] = value;
        return true;
    }

    private static string? Key(JsValue property) => property.Type switch
    {
        Types.String => property.AsString(),
        Types.Number => property.ToString(),
        _ => null,
    };
}
