namespace FormFlow.Server.Auth;

/// <summary>
/// Optional sign-in with a union's existing OpenID Connect login, off unless <c>Auth:Oidc:Authority</c> is set:
/// <c>Auth:Oidc:ClientId</c> and <c>Auth:Oidc:ClientSecret</c> (the client registered at the provider, authorization
/// code flow), <c>Auth:Oidc:AccountClaim</c> (default <c>preferred_username</c>): the id_token claim whose value is the
/// user name of an existing FormFlow account — a login without one is refused, and roles come only from that account;
/// <c>Auth:Oidc:DisplayName</c> (the button's label), <c>Auth:Oidc:Scopes</c> (space-separated, default
/// <c>openid profile</c>), <c>Auth:Oidc:RequireHttpsMetadata</c> (default true; false only for a provider on plain
/// HTTP in a test or a closed network).
/// </summary>
internal sealed record OidcSettings(string Authority, string ClientId, string ClientSecret, string AccountClaim, string DisplayName,
    IReadOnlyList<string> Scopes, bool RequireHttpsMetadata)
{
    public static OidcSettings? From(IConfiguration config)
    {
        var section = config.GetSection("Auth:Oidc");
        if (section["Authority"] is not { Length: > 0 } authority) return null;
        string Required(string key) => section[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Auth:Oidc:{key} is not configured: OpenID Connect sign-in (Auth:Oidc:Authority is set) needs it");
        return new OidcSettings(
            authority,
            Required("ClientId"),
            Required("ClientSecret"),
            section["AccountClaim"] is { Length: > 0 } claim ? claim : "preferred_username",
            section["DisplayName"] is { Length: > 0 } name ? name : "统一身份认证",
            (section["Scopes"] ?? "openid profile").Split(' ', StringSplitOptions.RemoveEmptyEntries),
            section.GetValue("RequireHttpsMetadata", true));
    }
}
