using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Server.Deliveries;
using FormFlow.Server.Members;
using FormFlow.Server.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Registration;

/// <summary>
/// A worker signs up: with the code sent to their mobile number, a new account (user name = the number) that is a
/// worker at the union they chose. Every sign-up goes through <see cref="RegisterAsync"/>, the one place that
/// creates a self-registered account.
/// </summary>
internal sealed class WorkerRegistration(FormFlowDbContext db, UserManager<Account> users, RegistrationCodes codes)
{
    public sealed record Request(string Mobile, string Code, string DisplayName, string Password, int OrgUnitId);

    public async Task<Outcome<Account>> RegisterAsync(Request request, CancellationToken ct)
    {
        if (!Outgoing.IsMobile(request.Mobile)) return Malformed("mobile", "mobile must be a mainland mobile number: 11 digits starting 13–19");
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Trim().Length > 100) return Malformed("displayName", "displayName is required, at most 100 characters");
        if (string.IsNullOrEmpty(request.Password)) return Malformed("password", "password is required");
        if (!await db.OrgUnits.AnyAsync(o => o.Id == request.OrgUnitId && o.ArchivedAt == null, ct))
            return FieldProblem.Invalid("orgUnitId", $"org unit {request.OrgUnitId} does not exist or is archived; choose an active union");
        var (code, refused) = await codes.CheckAsync(request.Mobile, request.Code, ct);
        if (code is null) return FieldProblem.Invalid("code", refused!);
        if (await users.FindByNameAsync(request.Mobile) is not null)
            return FieldProblem.Conflict("mobile", "this number is registered already; sign in, or reset the password with your union");

        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var account = new Account { UserName = request.Mobile, PhoneNumber = request.Mobile, PhoneNumberConfirmed = true, DisplayName = request.DisplayName.Trim(), LockoutEnabled = true };
        var created = await users.CreateAsync(account, request.Password);
        if (!created.Succeeded) return FieldProblem.Invalid("password", string.Join(" ", created.Errors.Select(e => e.Description)));
        db.RoleAssignments.Add(new RoleAssignment { AccountId = account.Id, Role = Roles.Worker, OrgUnitId = request.OrgUnitId });
        codes.Spend(code);
        AuditLog.Append(db, account.UserName!, "account.registered", $"account:{account.Id}", request.OrgUnitId, new JsonObject { ["orgUnitId"] = request.OrgUnitId });
        await db.SaveChangesAsync(ct);
        // A member the union imported with this number finds their card at once (in the same transaction as the account).
        await ImportedMembers.LinkAsync(db, account.Id, request.Mobile, ct);
        await transaction.CommitAsync(ct);
        return Outcome<Account>.Done(await CurrentAccount.WithRoles(db).AsNoTracking().SingleAsync(a => a.Id == account.Id, ct));
    }

    private static FieldProblem Malformed(string field, string detail) => new(StatusCodes.Status400BadRequest, $"invalid {field}", detail, field);
}
