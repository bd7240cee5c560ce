using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Server.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace FormFlow.Server.Accounts;

/// <summary>
/// Setting a new password with the one-time link an admin issued (anonymous: the person cannot sign in yet). A used
/// link is dead because the new password renews the account's security stamp, which the token is bound to.
/// </summary>
internal static class PasswordReset
{
    public static readonly TimeSpan Lifespan = TimeSpan.FromDays(1);

    internal sealed record ResetRequest(string? AccountId = null, string? Token = null, string? NewPassword = null);

    public static void MapPasswordReset(this IEndpointRouteBuilder app)
    {
        // Anonymous: on the reviewed list in SECURITY.md; rate-limited like sign-in.
        app.MapPost("/api/auth/password/reset", ResetAsync).WithTags("Auth").AllowAnonymous().RequireRateLimiting(RateLimits.Login)
            .ProducesProblem(400).ProducesProblem(422).ProducesProblem(429)
            .WithSummary("Sets a new password with the one-time link an admin issued: { accountId, token, newPassword }. 400 when the link is wrong, used or expired.");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ResetAsync(
        ResetRequest body, UserManager<Account> users, FormFlowDbContext db, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(body.NewPassword)) return Problem(StatusCodes.Status422UnprocessableEntity, "newPassword", "newPassword is required");
        var account = body.AccountId is null ? null : await users.FindByIdAsync(body.AccountId);
        if (account is null || string.IsNullOrEmpty(body.Token)) return Dead();
        var result = await users.ResetPasswordAsync(account, body.Token, body.NewPassword);
        if (!result.Succeeded)
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)) ? Dead()
                : Problem(StatusCodes.Status422UnprocessableEntity, "newPassword", string.Join(" ", result.Errors.Select(e => e.Description)));
        CurrentAccount.Forget(db, account.Id);
        AuditLog.Append(db, account.UserName!, "account.password.reset", $"account:{account.Id}", await AuditLog.OrgOfAsync(db, account.Id, ct), new JsonObject());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult Dead() => Problem(StatusCodes.Status400BadRequest, "token", "the link is wrong, already used or expired; ask your admin for a new one");

    private static ProblemHttpResult Problem(int status, string field, string detail) => TypedResults.Problem(statusCode: status,
        title: status == 400 ? "Reset link not valid" : $"invalid {field}", detail: detail, extensions: new Dictionary<string, object?> { ["field"] = field });
}
