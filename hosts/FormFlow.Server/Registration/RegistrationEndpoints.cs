using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Auth;
using FormFlow.Server.Deliveries;
using FormFlow.Server.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Registration;

/// <summary>Signing up as a worker with a code sent to one's mobile number (anonymous by nature), and the unions one may choose.</summary>
internal static class RegistrationEndpoints
{
    internal sealed record CodeRequest(string Mobile, int? OrgUnitId = null);
    /// <summary>An active org unit as a person signing up chooses it: nothing but its place in the tree.</summary>
    internal sealed record PublicOrg(int Id, string Name, int? ParentId, OrgLevel Level);

    public static void MapRegistrationEndpoints(this IEndpointRouteBuilder app)
    {
        var register = app.MapGroup("/api/auth/register").WithTags("Auth");
        // Anonymous by nature (SECURITY.md): a person with no account yet signs up.
        register.MapPost("/code", SendCodeAsync).AllowAnonymous().RequireRateLimiting(RateLimits.RegistrationCodes)
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(400).ProducesProblem(422).ProducesProblem(429)
            .WithSummary("Sends a one-time 6-digit code to { mobile } by SMS (valid 5 minutes, 5 tries); 202 whether or not the number is registered. ?orgUnitId names the union the person is joining, whose admins see the message.");
        app.MapPost("/api/auth/register", RegisterAsync).WithTags("Auth").AllowAnonymous().RequireRateLimiting(RateLimits.Login)
            .ProducesProblem(400).ProducesProblem(409).ProducesProblem(422).ProducesProblem(429)
            .WithSummary("Creates a worker account { mobile, code, displayName, password, orgUnitId } (user name = mobile) at the chosen active union and signs it in; 422 naming code when it is wrong, expired or tried 5 times.");
        register.MapGet("/orgs", OrgsAsync).AllowAnonymous()
            .WithSummary("The active org units a person signing up can join: id, name, parent and level only.");
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> SendCodeAsync(CodeRequest body, RegistrationCodes codes, FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!Outgoing.IsMobile(body.Mobile))
            return new FieldProblem(400, "invalid mobile", "mobile must be a mainland mobile number: 11 digits starting 13–19", "mobile").ToResult();
        if (body.OrgUnitId is { } org && !await db.OrgUnits.AnyAsync(o => o.Id == org && o.ArchivedAt == null, ct))
            return FieldProblem.Invalid("orgUnitId", $"org unit {org} does not exist or is archived; choose an active union").ToResult();
        if (await codes.SendAsync(body.Mobile, body.OrgUnitId, ct) is { } refusal)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(refusal.RetryAfter.TotalSeconds)).ToString();
            return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many codes", detail: refusal.Reason,
                extensions: new Dictionary<string, object?> { ["field"] = "mobile" });
        }
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<Created<AccountView>, ProblemHttpResult>> RegisterAsync(
        WorkerRegistration.Request body, WorkerRegistration registration, SignInManager<Account> signIn, CancellationToken ct)
    {
        var outcome = await registration.RegisterAsync(body, ct);
        if (outcome.Value is not { } account) return outcome.Problem!.ToResult();
        await signIn.SignInAsync(account, isPersistent: false);
        return TypedResults.Created("/api/me", AccountView.Of(account));
    }

    private static async Task<Ok<List<PublicOrg>>> OrgsAsync(FormFlowDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.OrgUnits.AsNoTracking().Where(o => o.ArchivedAt == null).OrderBy(o => o.Path)
            .Select(o => new PublicOrg(o.Id, o.Name, o.ParentId, o.Level)).ToListAsync(ct));
}
