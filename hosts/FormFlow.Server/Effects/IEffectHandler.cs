using FormFlow.Engine.Workflows.Runtime;
using FormFlow.Persistence;

namespace FormFlow.Server.Effects;

/// <summary>
/// Carries out one kind of side effect that a case's workflow put in its outbox (<see cref="OutboxItem.Kind"/>, e.g.
/// <c>issueMemberCard</c>). The dispatcher calls it inside the transaction that marks the item done, so the
/// handler's writes and the "done" mark commit together; <see cref="EffectRequest.IdempotencyKey"/> is unique per
/// case and item, and handlers keep it on what they create so a retried item never creates a second one.
/// </summary>
internal interface IEffectHandler
{
    string Kind { get; }

    Task HandleAsync(EffectRequest request, CancellationToken ct);
}

/// <param name="Db">The dispatcher's context; do not call SaveChanges — the dispatcher commits.</param>
/// <param name="CaseId">The case whose workflow produced the item.</param>
/// <param name="ApplicantAccountId">The Identity user ID of the case's applicant.</param>
/// <param name="ApplicantOrgUnitId">The applicant's org unit (the service's org when the applicant has none).</param>
/// <param name="IdempotencyKey">Case ID + outbox key: the same for every retry of this item.</param>
internal sealed record EffectRequest(
    FormFlowDbContext Db,
    long CaseId,
    string ApplicantAccountId,
    int ApplicantOrgUnitId,
    string IdempotencyKey,
    OutboxItem Item,
    DateTimeOffset Now);
