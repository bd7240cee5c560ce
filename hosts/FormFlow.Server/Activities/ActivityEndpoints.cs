using FormFlow.Engine.Workflows.Activities;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormFlow.Server.Activities;

/// <summary>
/// The engine's activity registry as the Studio's palette and property panels read it, so the designer never keeps
/// its own copy of types, inputs, ports or labels. Signed-in only: the Studio is, and nobody else needs it.
/// </summary>
internal static class ActivityEndpoints
{
    public static void MapActivityEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/activities", List).WithTags("Activities").RequireAuthorization().ProducesProblem(401)
            .WithSummary("Every activity type a workflow may use: inputs with kinds and defaults, fixed outcome ports, category and labels per locale.");

    private static Ok<List<ActivityDescriptor>> List() => TypedResults.Ok(ActivityRegistry.Default.InRegistrationOrder.ToList());
}
