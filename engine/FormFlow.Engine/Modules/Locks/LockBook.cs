using System.Text.Json.Nodes;
using FormFlow.Engine.Modules.Elements;
using FormFlow.Engine.Modules.Resolution;

namespace FormFlow.Engine.Modules.Locks;

/// <summary>
/// The locks in force while a chain resolves, each with the chain position that set it (0 = the package,
/// 1 = the first overlay, ...). A lock binds only later positions, so an org is never stopped by its own locks.
/// Each check returns the violation, or null when the change is allowed.
/// </summary>
internal sealed class LockBook
{
    private readonly List<(LockSpec Spec, int Position)> _locks = [];

    public IEnumerable<LockSpec> All => _locks.Select(l => l.Spec);

    public void Add(LockSpec spec, int position) => _locks.Add((spec, position));

    private IEnumerable<(LockSpec Spec, int Position)> Above(int position) => _locks.Where(l => l.Position < position);

    /// <summary>Changing a property of an existing element (or, with path "", the element as a whole).</summary>
    public ModuleProblem? CheckChange(ElementIndex index, string element, string path, JsonNode? value, int position)
    {
        var property = path.Length == 0 ? null : path;
        foreach (var (spec, _) in Above(position))
        {
            var ancestors = index.SelfAndAncestors(element).Select(e => e.Id).ToList();
            if (!ancestors.Contains(spec.Element))
            {
                // A lock on an extension point holds the steps that stood at it when it was set (they are not its children).
                if (spec.Kind is LockKind.Element or LockKind.AdditionsOnly && spec.Existing.Contains(element))
                    return Violation(element, property, spec, spec.Kind == LockKind.Element
                        ? $"it stands at extension point '{spec.Element}', which is locked as a whole"
                        : $"it already stood at extension point '{spec.Element}', which accepts additions only: the steps there cannot change or go");
                continue;
            }
            var self = spec.Element == element;
            switch (spec.Kind)
            {
                case LockKind.Element:
                    return Violation(element, property, spec, self ? "the whole element is locked" : $"it lies inside '{spec.Element}', which is locked as a whole");
                case LockKind.AdditionsOnly when spec.Existing.Contains(element):
                    return Violation(element, property, spec, self
                        ? $"'{spec.Element}' accepts additions only: its existing properties and children cannot change"
                        : $"it already existed in '{spec.Element}', which accepts additions only: existing children cannot change");
                case LockKind.Properties when self && property is not null && spec.Properties.Any(p => Pointer.Overlaps(property, p)):
                    return Violation(element, property, spec, $"property {spec.Properties.First(p => Pointer.Overlaps(property, p))} is locked");
                case LockKind.Bounds when self && property is not null && Pointer.Overlaps(property, spec.Path!):
                    if (spec.Options.Count > 0)
                    {
                        if (property != spec.Path || !spec.Admits(value))
                            return Violation(element, property, spec, $"{(property == spec.Path ? value?.ToJsonString() ?? "null" : spec.Path)} is not allowed: the value is locked to {spec.Bounds}");
                        break;
                    }
                    if (property != spec.Path || ModuleSoundness.Number(value) is not { } n)
                        return Violation(element, property, spec, $"{spec.Path} is locked to a number within {spec.Bounds}");
                    if (!spec.Allows(n))
                        return Violation(element, property, spec, $"{n} is outside the locked bounds {spec.Bounds}");
                    break;
            }
        }
        return null;
    }

    /// <summary>Hiding an element: as a change of the element, and nothing non-removable may go with it.</summary>
    public ModuleProblem? CheckHide(ElementIndex index, string element, int position)
    {
        if (CheckChange(index, element, "", null, position) is { } change) return change;
        var doomed = index.SelfAndDescendants(element).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (spec, _) in Above(position))
            if (spec.Kind == LockKind.NotRemovable && doomed.Contains(spec.Element))
                return Violation(element, null, spec, spec.Element == element
                    ? "the element may not be removed or hidden"
                    : $"it holds '{spec.Element}', which may not be removed or hidden");
        return null;
    }

    /// <summary>Adding a child under a parent: refused only when the parent or an ancestor is locked as a whole.</summary>
    public ModuleProblem? CheckAdd(ElementIndex index, string parent, int position)
    {
        foreach (var (spec, _) in Above(position))
            if (spec.Kind == LockKind.Element && index.SelfAndAncestors(parent).Any(e => e.Id == spec.Element))
                return Violation(parent, null, spec, spec.Element == parent
                    ? "the element is locked as a whole: nothing can be added to it"
                    : $"it lies inside '{spec.Element}', which is locked as a whole");
        return null;
    }

    /// <summary>Inserting a step at an extension point: refused when the point is locked as a whole.</summary>
    public ModuleProblem? CheckInsert(string point, string step, int position)
    {
        foreach (var (spec, _) in Above(position))
            if (spec.Kind == LockKind.Element && spec.Element == point)
                return Violation(step, null, spec, $"extension point '{point}' is locked as a whole: no step can be inserted at it");
        return null;
    }

    /// <summary>
    /// A new lock may only tighten: bounds must lie within every bounds lock from above on the same value (min–max
    /// inside, allowed options a subset).
    /// </summary>
    public ModuleProblem? CheckTighten(LockSpec proposed, int position)
    {
        if (proposed.Kind != LockKind.Bounds) return null;
        foreach (var (spec, _) in Above(position))
            if (spec.Kind == LockKind.Bounds && spec.Element == proposed.Element && spec.Path == proposed.Path && !proposed.WithinBoundsOf(spec))
                return Violation(proposed.Element, proposed.Path, spec,
                    $"locks only tighten downwards: bounds {proposed.Bounds} would loosen {spec.Bounds}");
        return null;
    }

    private static ModuleProblem Violation(string element, string? property, LockSpec spec, string reason) =>
        new(element, "", $"element '{element}'{(property is null ? "" : $", property {property}")}: {reason}; " +
                         $"locked by {spec.By}{(spec.Reason is null ? "" : $": {spec.Reason}")}")
        {
            Property = property,
            LockedBy = spec.By,
            Reason = reason,
        };
}
