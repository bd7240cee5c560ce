using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormFlow.Server.Services;

/// <summary>
/// Who may start a service: the module's <c>startedBy</c> roles (e.g. a notice is drafted by designers and admins),
/// held at the service's org, above it or inside its subtree. A module without the property is for everyone it is
/// offered to. The service hall lists only what the account may start, so workers do not see authoring services.
/// </summary>
internal static class ServiceStarters
{
    public static IReadOnlyList<string>? RolesOf(LoadedSnapshot snapshot) =>
        snapshot.Module["startedBy"]?.AsArray().Select(r => (string)r!).ToList();

    public static bool MayStart(Account account, ServiceEntry service, LoadedSnapshot snapshot) =>
        RolesOf(snapshot) is not { } roles
        || account.Roles.Any(r => roles.Contains(r.Role)
                                  && (OrgSubtree.Contains(r.OrgUnit!.Path, service.Org.Path) || OrgSubtree.Contains(service.Org.Path, r.OrgUnit!.Path)));

    public static ProblemHttpResult Refused(ServiceEntry service, LoadedSnapshot snapshot) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Not for your role",
        detail: $"service {service.Activation.Id} is started by {string.Join(" or ", RolesOf(snapshot) ?? [])} only (the module's startedBy)",
        extensions: new Dictionary<string, object?> { ["rule"] = "startedBy" });
}
