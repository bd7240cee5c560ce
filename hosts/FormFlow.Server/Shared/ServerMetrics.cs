using System.Diagnostics.Metrics;

namespace FormFlow.Server.Shared;

/// <summary>
/// The server's own measures, for the people who run it (meter <see cref="MeterName"/>; exported by
/// <c>Hosting/Observability</c> when configured): submissions, task completions, the dispatcher's claims and how long
/// an outbox item waited before it was handled. Recording is cheap when nobody listens.
/// </summary>
internal sealed class ServerMetrics
{
    public const string MeterName = "FormFlow";

    private readonly Counter<long> _submissions;
    private readonly Counter<long> _taskCompletions;
    private readonly Counter<long> _claims;
    private readonly Histogram<double> _outboxLag;

    public ServerMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _submissions = meter.CreateCounter<long>("formflow.submissions", "{submission}", "Forms submitted: cases started and answers to surveys and votes");
        _taskCompletions = meter.CreateCounter<long>("formflow.tasks.completed", "{task}", "Human tasks completed");
        _claims = meter.CreateCounter<long>("formflow.dispatcher.claims", "{item}", "Timers and outbox items the dispatcher claimed");
        _outboxLag = meter.CreateHistogram<double>("formflow.outbox.lag", "s", "From an outbox item's creation to its handling");
    }

    /// <summary>A case started (<paramref name="kind"/> <c>case</c>) or an answer stored (<c>response</c>) for a module.</summary>
    public void Submitted(string kind, string module) =>
        _submissions.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("module", module));

    public void TaskCompleted(string module) => _taskCompletions.Add(1, new KeyValuePair<string, object?>("module", module));

    /// <summary>A dispatcher pass claimed <paramref name="count"/> items of one kind of work (<c>timer</c> or <c>outbox</c>).</summary>
    public void Claimed(string work, int count)
    {
        if (count > 0) _claims.Add(count, new KeyValuePair<string, object?>("work", work));
    }

    public void OutboxHandled(string kind, TimeSpan waited) =>
        _outboxLag.Record(Math.Max(0, waited.TotalSeconds), new KeyValuePair<string, object?>("kind", kind));
}
