using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.Runtime;

// Fork/join model (see README "Fork and join"): a fork opens a scope and starts one token per connection of its
// "done" port. A join closes the innermost scope of the token reaching it. In "all" mode it fires once every
// token of that scope (branches and their nested forks) has either reached it or ended; in "any" mode the first
// token through cancels the rest of the scope, bookmarks included.
internal sealed partial class WorkflowRun
{
    public void Fork(Token token)
    {
        var targets = Definition.Graph.Targets(token.ActivityId, "done");
        if (targets.Count == 0)
        {
            EndToken(token);
            return;
        }
        var scope = new ForkScope("s" + ++Instance.Sequence, token.ActivityId, token.Scopes.Count > 0 ? token.Scopes[^1] : null);
        Instance.Scopes.Add(scope);
        Instance.Tokens.Remove(token);
        foreach (var target in targets)
            Schedule(NewToken(target, [.. token.Scopes, scope.Id]));
    }

    public void ArriveAtJoin(Token token, bool waitAny)
    {
        if (token.Scopes.Count == 0)
        {
            // Nothing was forked: the join is a plain merge point.
            Follow(token, "done");
            return;
        }
        var scopeId = token.Scopes[^1];
        if (waitAny)
        {
            foreach (var other in Instance.Tokens.Where(t => t != token && t.Scopes.Contains(scopeId)).ToList())
                Cancel(other, $"join '{token.ActivityId}' went on with another branch");
            CloseScope(scopeId);
            token.Scopes.RemoveAt(token.Scopes.Count - 1);
            Follow(token, "done");
            return;
        }
        token.Status = TokenStatus.Parked;
        SettleScope(scopeId);
    }

    /// <summary>A token left the flow (an end, or an unconnected port): its scope may now be complete.</summary>
    public void EndToken(Token token)
    {
        Instance.Tokens.Remove(token);
        if (token.Scopes.Count > 0) SettleScope(token.Scopes[^1]);
    }

    /// <summary>An end with terminate: every other branch is cancelled and the instance finishes.</summary>
    public void Terminate(Token token)
    {
        foreach (var other in Instance.Tokens.Where(t => t != token).ToList())
            Cancel(other, $"end '{token.ActivityId}' terminated the workflow");
        Instance.Tokens.Remove(token);
        Instance.Scopes.Clear();
    }

    private void SettleScope(string scopeId)
    {
        var scope = Instance.Scopes.Find(s => s.Id == scopeId);
        if (scope is null) return;
        var live = Instance.Tokens.Where(t => t.Scopes.Contains(scopeId)).ToList();
        if (live.Count == 0)
        {
            // Every branch ended without reaching a join: the enclosing scope may be complete now.
            Instance.Scopes.Remove(scope);
            if (scope.ParentId is not null) SettleScope(scope.ParentId);
            return;
        }
        if (live.Exists(t => t.Status != TokenStatus.Parked)) return;
        var joins = live.Select(t => t.ActivityId).Distinct().ToList();
        if (joins.Count > 1 || live.Exists(t => t.Scopes[^1] != scopeId))
        {
            Fault(live[0], $"the branches of fork '{scope.ForkActivityId}' wait at different joins ({string.Join(", ", joins)}); none can complete");
            return;
        }
        var goOn = live[0];
        foreach (var arrived in live.Skip(1)) Instance.Tokens.Remove(arrived);
        Instance.Scopes.Remove(scope);
        goOn.Scopes.RemoveAt(goOn.Scopes.Count - 1);
        Follow(goOn, "done");
    }

    private void CloseScope(string scopeId)
    {
        Instance.Scopes.RemoveAll(s => s.Id == scopeId);
        // Scopes nested inside were only reachable through the cancelled tokens.
        var open = Instance.Tokens.SelectMany(t => t.Scopes).ToHashSet();
        Instance.Scopes.RemoveAll(s => !open.Contains(s.Id));
    }

    private void Cancel(Token token, string reason)
    {
        Instance.Tokens.Remove(token);
        foreach (var bookmark in Instance.Bookmarks.Where(b => b.TokenId == token.Id).ToList())
        {
            Instance.Bookmarks.Remove(bookmark);
            if (bookmark.Kind == BookmarkKinds.SubModule) Instance.Children.RemoveAll(c => c.Id == (string?)bookmark.Payload["instanceId"]);
        }
        for (var i = 0; i < Instance.Incidents.Count; i++)
            if (Instance.Incidents[i].TokenId == token.Id && Instance.Incidents[i].ResolvedAt is null)
                Instance.Incidents[i] = Instance.Incidents[i] with { ResolvedAt = Now };
        Instance.Timeline.Add(new TimelineEntry(Now, "cancelled", token.ActivityId, By, new JsonObject { ["reason"] = reason }));
    }
}
