using FormFlow.Engine.Forms.Definitions;

namespace FormFlow.Engine.Forms.Runtime;

/// <summary>
/// Per-step permissions resolved to fields. A field inside a group that is not listed itself inherits Hidden or
/// Read from its group (Required does not carry down). Unlisted fields are Edit.
/// </summary>
internal sealed class FieldPermissions
{
    private readonly Dictionary<FieldDefinition, FieldAccess> _access = new(ReferenceEqualityComparer.Instance);

    public FieldPermissions(CompiledForm form, IReadOnlyDictionary<string, FieldAccess>? permissions)
    {
        foreach (var (name, access) in permissions ?? new Dictionary<string, FieldAccess>())
        {
            var place = form.Find(name) ?? throw new ArgumentException(
                $"permission for '{name}': form '{form.Form.Id}' has no field with that id or key path", nameof(permissions));
            _access[place.Field] = access;
        }
    }

    public FieldAccess Of(FieldDefinition field, FieldDefinition? group)
    {
        if (_access.TryGetValue(field, out var own)) return own;
        if (group is not null && _access.TryGetValue(group, out var inherited) && inherited is FieldAccess.Hidden or FieldAccess.Read)
            return inherited;
        return FieldAccess.Edit;
    }

    /// <summary>Whether the step names this field as one it edits or must fill (not merely edit by default).</summary>
    public bool Assigns(FieldDefinition field) => _access.TryGetValue(field, out var own) && own is FieldAccess.Edit or FieldAccess.Required;

    /// <summary>Hidden and Read fields keep the previous value whatever the client sent.</summary>
    public static bool Protects(FieldAccess access) => access is FieldAccess.Hidden or FieldAccess.Read;
}
