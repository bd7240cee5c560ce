using FormFlow.Engine.Modules;
using FormFlow.Persistence;
using FormFlow.Persistence.Modules;
using FormFlow.Persistence.Orgs;
using Microsoft.EntityFrameworkCore;
using FormFlow.Server.Shared;

namespace FormFlow.Server.Modules;

/// <summary>
/// The access rules every module route applies: who is staff, which modules a caller may read or edit, and the
/// translation of refusals and engine problems into ProblemDetails.
/// </summary>
internal static class ModuleGuards
{
    /// <summary>Runs a handler body, turning refusals and engine problems into ProblemDetails.</summary>
    internal static async Task<IResult> Guard(Func<Task<IResult>> body)
    {
        try
        {
            return await body();
        }
        catch (ModuleRefusal refusal)
        {
            return ModuleProblemDetails.From(refusal);
        }
        catch (ModuleException ex)
        {
            return ModuleProblemDetails.From(ex, "The module is not valid");
        }
    }

    /// <summary>The signed-in staff account's access, or a 401/403 refusal.</summary>
    internal static async Task<ModuleAccess> AccessAsync(FormFlowDbContext db, HttpContext http, CancellationToken ct)
    {
        var account = await CurrentAccount.LoadAsync(db, http.User, ct)
            ?? throw new ModuleRefusal(StatusCodes.Status401Unauthorized, "Not signed in", "the signed-in account no longer exists");
        var access = ModuleAccess.For(account);
        if (!access.IsStaff) throw ModuleRefusal.Forbidden("the module library is for union staff (designers, admins and other staff roles)");
        return access;
    }

    /// <summary>A module the account may read, with its owner; 404 otherwise.</summary>
    internal static async Task<(ModuleRecord Module, OrgUnit Owner)> ReadableAsync(FormFlowDbContext db, ModuleAccess access, int id, CancellationToken ct)
    {
        var module = await ModuleLibrary.FindAsync(db, id, ct) ?? throw ModuleRefusal.NotFound(id);
        var owner = await db.OrgUnits.SingleAsync(o => o.Id == module.OwnerOrgUnitId, ct);
        if (!access.CanRead(module, owner)) throw ModuleRefusal.NotFound(id);
        return (module, owner);
    }

    internal static async Task<(ModuleRecord Module, OrgUnit Owner)> EditableAsync(FormFlowDbContext db, ModuleAccess access, int id, CancellationToken ct)
    {
        var (module, owner) = await ModuleGuards.ReadableAsync(db, access, id, ct);
        if (!access.CanEdit(module, owner))
            throw ModuleRefusal.Forbidden(module.Kind == ModuleKinds.Template
                ? $"only a designer at {owner.Name} or above edits its template '{module.Key}'"
                : $"only an admin or designer at {owner.Name} or above edits its module '{module.Key}'");
        return (module, owner);
    }

    internal static DateTime Now(HttpContext http) => http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
}
