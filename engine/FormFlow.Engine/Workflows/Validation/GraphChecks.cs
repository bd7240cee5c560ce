using FormFlow.Engine.Workflows.Activities;
using FormFlow.Engine.Workflows.Definitions;

namespace FormFlow.Engine.Workflows.Validation;

/// <summary>Checks of the flowchart as a graph; run once activities and connections are individually sound.</summary>
internal static class GraphChecks
{
    public static void Run(WorkflowDefinition definition, List<WorkflowProblem> problems)
    {
        var next = definition.Activities.ToDictionary(a => a.Id, _ => new List<string>(), StringComparer.Ordinal);
        var previous = definition.Activities.ToDictionary(a => a.Id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var c in definition.Connections)
        {
            next[c.Source].Add(c.Target);
            previous[c.Target].Add(c.Source);
        }

        var start = definition.Activities.First(a => a.Type == StartActivity.TypeName);
        var reachable = Closure([start.Id], next);
        var ends = definition.Activities.Where(a => a.Type == EndActivity.TypeName).Select(a => a.Id).ToList();
        if (ends.Count == 0) problems.Add(new(null, "/activities", "the workflow has no end activity"));
        var reachesEnd = Closure(ends, previous);

        for (var i = 0; i < definition.Activities.Count; i++)
        {
            var id = definition.Activities[i].Id;
            if (!reachable.Contains(id))
                problems.Add(new(id, $"/activities/{i}", $"activity '{id}' is unreachable: no path leads to it from start activity '{start.Id}'"));
            else if (ends.Count > 0 && !reachesEnd.Contains(id))
                problems.Add(new(id, $"/activities/{i}", $"activity '{id}' has no path to an end activity: a token reaching it could never finish"));
        }
        CheckForks(definition, next, problems);
    }

    private static HashSet<string> Closure(IEnumerable<string> from, Dictionary<string, List<string>> edges)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(from);
        while (stack.TryPop(out var id))
            if (seen.Add(id))
                foreach (var n in edges[id]) stack.Push(n);
        return seen;
    }

    /// <summary>
    /// Under the scope model a join closes the innermost open fork. Walking each fork's branches (counting nested
    /// forks and joins), every branch must meet the same join or end; a branch that re-enters its own fork before
    /// any join opens scopes without bound, and a join that waits on branches meeting elsewhere never fires.
    /// </summary>
    private static void CheckForks(WorkflowDefinition definition, Dictionary<string, List<string>> next, List<WorkflowProblem> problems)
    {
        var types = definition.Activities.ToDictionary(a => a.Id, a => a.Type, StringComparer.Ordinal);
        var forkCount = types.Values.Count(t => t == ForkActivity.TypeName);
        foreach (var fork in definition.Activities.Where(a => a.Type == ForkActivity.TypeName))
        {
            var path = $"/activities/{WorkflowValidator.IndexOf(definition, fork.Id)}";
            var joins = new SortedSet<string>(StringComparer.Ordinal);
            var seen = new HashSet<(string, int)>();
            var stack = new Stack<(string Id, int Depth)>(next[fork.Id].Select(t => (t, 0)));
            var runaway = false;
            while (stack.TryPop(out var at))
            {
                if (!seen.Add(at)) continue;
                var (id, depth) = at;
                var type = types[id];
                if (type == JoinActivity.TypeName)
                {
                    if (depth == 0)
                    {
                        joins.Add(id);
                        continue;
                    }
                    depth--;
                }
                else if (type == ForkActivity.TypeName)
                {
                    if ((id == fork.Id && depth == 0) || depth > forkCount)
                    {
                        runaway = true;
                        continue;
                    }
                    depth++;
                }
                foreach (var n in next[id]) stack.Push((n, depth));
            }
            if (runaway)
                problems.Add(new(fork.Id, path,
                    $"a branch of fork '{fork.Id}' leads back into it without passing a join: each pass opens another set of branches and its join can never complete"));
            if (joins.Count > 1)
                problems.Add(new(fork.Id, path,
                    $"the branches of fork '{fork.Id}' meet at different joins ({string.Join(", ", joins)}): a join waits for every branch of its fork, so none of them can complete"));
        }
    }
}
