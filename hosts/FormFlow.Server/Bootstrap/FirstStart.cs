using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Audit;
using FormFlow.Persistence.Orgs;
using FormFlow.Server.Modules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Bootstrap;

/// <summary>
/// The first start of a real (not demo) installation. Only on an empty database (no org unit yet) and only when
/// configured, it creates the union's top unit, its first admin (also a designer there, to activate services) with
/// the configured password, and imports the shipped module templates into that unit's library, published but not
/// activated: the admin then builds the hierarchy, the accounts and the services in the Studio. One transaction,
/// audited. On a database that already holds org units the settings are ignored, so a restart never adds anything.
/// </summary>
internal static class FirstStart
{
    public const string Section = "FormFlow:Bootstrap";

    /// <summary>What <c>FormFlow:Bootstrap</c> asks for: <c>RootOrg</c>, <c>RootLevel</c> (default city), <c>AdminUser</c>, <c>AdminPassword</c>, <c>AdminName</c>.</summary>
    public sealed record Request(string RootOrg, OrgLevel RootLevel, string AdminUser, string AdminPassword, string AdminName);

    /// <summary>The configured request; null when nothing is configured; a clear error when it is configured wrongly.</summary>
    public static Request? From(IConfiguration config)
    {
        var section = config.GetSection(Section);
        if (!section.GetChildren().Any(c => !string.IsNullOrEmpty(c.Value))) return null;
        string Required(string key) => section[key] is { Length: > 0 } value ? value.Trim()
            : throw new InvalidOperationException($"{Section}:{key} is not configured: the first start needs {Section}:RootOrg, :AdminUser and :AdminPassword");
        var levelText = section["RootLevel"] ?? nameof(OrgLevel.City);
        if (!Enum.TryParse<OrgLevel>(levelText, ignoreCase: true, out var level) || !Enum.IsDefined(level))
            throw new InvalidOperationException($"{Section}:RootLevel '{levelText}' is not a level; use one of {string.Join(", ", Enum.GetNames<OrgLevel>())}");
        var user = Required("AdminUser");
        return new Request(Required("RootOrg"), level, user, Required("AdminPassword"), section["AdminName"] is { Length: > 0 } name ? name : user);
    }

    /// <summary>Said at start on an empty database without a first-start request: nobody could sign in.</summary>
    public const string Unconfigured = $"The database has no org unit and no account yet, so nobody can sign in: set {Section}:RootOrg, " +
        $"{Section}:AdminUser and {Section}:AdminPassword (environment: FormFlow__Bootstrap__RootOrg=...) and start again to create the union's top " +
        "unit and its first admin, or start without --no-demo for the demo";

    /// <returns>What it did, for the log (<see cref="Unconfigured"/> when the database is empty and nothing is configured); null when the database had data already.</returns>
    public static async Task<string?> RunAsync(FormFlowDbContext db, UserManager<Account> users, Request? request, string templatesFolder, DateTime now, CancellationToken ct = default)
    {
        if (await db.OrgUnits.AnyAsync(ct)) return null;
        if (request is null) return Unconfigured;

        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var root = await OrgUnits.CreateAsync(db, request.RootOrg, request.RootLevel, null, ct);
        var admin = new Account { UserName = request.AdminUser, DisplayName = request.AdminName };
        // Through the user manager, so the password meets the rules every real account meets (12 characters or more).
        var created = await users.CreateAsync(admin, request.AdminPassword);
        if (!created.Succeeded)
            throw new InvalidOperationException($"{Section}:AdminPassword or :AdminUser refused: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        db.RoleAssignments.Add(new RoleAssignment { AccountId = admin.Id, Role = Roles.Admin, OrgUnitId = root.Id });
        db.RoleAssignments.Add(new RoleAssignment { AccountId = admin.Id, Role = Roles.Designer, OrgUnitId = root.Id });
        await db.SaveChangesAsync(ct);
        var (templates, imported) = await ShippedTemplates.ImportAsync(db, templatesFolder, root, now, ct);
        foreach (var file in ShippedDerivations.Files(templatesFolder))
            if (await ShippedDerivations.DeriveAsync(db, templates, root, file, now, ct) is var (derivation, _)) imported.Add(derivation.Key);
        AuditLog.Append(db, AuditLog.SystemActor, "install.firstStart", $"org:{root.Id}", root.Id, new JsonObject
        {
            ["rootOrg"] = root.Name, ["level"] = root.Level.ToString(), ["admin"] = admin.UserName,
            ["templates"] = new JsonArray(imported.Select(k => (JsonNode)k).ToArray()),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return $"created {root.Name} ({root.Level}), its admin {admin.UserName} and the templates {string.Join(", ", imported)}";
    }
}
