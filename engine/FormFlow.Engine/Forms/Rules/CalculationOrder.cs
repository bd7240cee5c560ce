using FormFlow.Engine.Forms.Definitions;

namespace FormFlow.Engine.Forms.Rules;

/// <summary>
/// The order in which calculated fields are computed: a field comes after every calculated field its expression
/// reads (`data.k`, `item.k`, or `data.group` for a calculated field inside another group). A cycle is a definition error.
/// </summary>
internal sealed class CalculationOrder
{
    public IReadOnlyList<FieldPlace> Order { get; }
    /// <summary>The ids along a cycle (first id repeated at the end), or null when there is none.</summary>
    public IReadOnlyList<string>? Cycle { get; }

    private CalculationOrder(IReadOnlyList<FieldPlace> order, IReadOnlyList<string>? cycle) => (Order, Cycle) = (order, cycle);

    public static CalculationOrder Build(FormDefinition form)
    {
        var places = FieldPlace.All(form).Where(p => p.Field.Calculate is not null).ToList();
        // A duplicate id is reported by the definition checks; the order is built from its first use.
        var dependencies = places.DistinctBy(p => p.Field.Id).ToDictionary(p => p.Field.Id, p => DependenciesOf(p, places));
        var order = new List<FieldPlace>();
        var state = new Dictionary<string, int>(); // 1 = visiting, 2 = done
        var stack = new List<string>();
        IReadOnlyList<string>? cycle = null;

        void Visit(FieldPlace place)
        {
            if (cycle is not null) return;
            var id = place.Field.Id;
            if (state.GetValueOrDefault(id) == 2) return;
            if (state.GetValueOrDefault(id) == 1)
            {
                cycle = [.. stack.Skip(stack.IndexOf(id)), id];
                return;
            }
            state[id] = 1;
            stack.Add(id);
            foreach (var dependency in dependencies[id]) Visit(dependency);
            stack.RemoveAt(stack.Count - 1);
            state[id] = 2;
            order.Add(place);
        }

        foreach (var place in places) Visit(place);
        return new CalculationOrder(order, cycle);
    }

    private static List<FieldPlace> DependenciesOf(FieldPlace place, List<FieldPlace> calculated)
    {
        var references = ExpressionReferences.Find(place.Field.Calculate!);
        if (references is null) return [];
        var result = new List<FieldPlace>();
        foreach (var other in calculated)
        {
            var readsTopLevel = other.Group is null && references.Data.Any(r => r.Key == other.Field.Key);
            var readsSibling = other.Group is not null && ReferenceEquals(other.Group, place.Group) && references.Item.Any(r => r.Key == other.Field.Key);
            // A row reading its own group through data.group sees the rows as they stand; only fields outside the
            // group wait for the whole group to be calculated.
            var readsWholeGroup = other.Group is not null && !ReferenceEquals(other.Group, place.Group)
                && references.Data.Any(r => r.Key == other.Group.Key);
            if (readsTopLevel || readsSibling || readsWholeGroup) result.Add(other);
        }
        return result;
    }
}
