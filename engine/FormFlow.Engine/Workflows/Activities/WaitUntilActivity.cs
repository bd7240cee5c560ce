using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>Waits on a timer bookmark and goes on when the clock passes its due time (delay, timer).</summary>
internal abstract class WaitUntilActivity : ActivityBehaviour
{
    /// <summary>Waits for <paramref name="due"/>; a moment already past goes on at once.</summary>
    protected static void WaitUntil(ActivityContext context, DateTimeOffset due)
    {
        if (due <= context.Now) context.Complete();
        else context.Wait(BookmarkKinds.Timer, new JsonObject { ["due"] = due.ToString("O") }, due);
    }

    public override void OnDue(ActivityContext context, Bookmark bookmark)
    {
        context.Release(bookmark);
        context.Complete();
    }
}
