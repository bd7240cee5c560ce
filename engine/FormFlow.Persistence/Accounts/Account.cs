using Microsoft.AspNetCore.Identity;

namespace FormFlow.Persistence.Accounts;

/// <summary>A sign-in account (ASP.NET Core Identity user). What it may do comes from its <see cref="RoleAssignment"/>s.</summary>
public sealed class Account : IdentityUser
{
    /// <summary>The name shown to people, e.g. 王芳.</summary>
    public string DisplayName { get; set; } = "";

    public List<RoleAssignment> Roles { get; set; } = [];
}
