using System.Security.Claims;
using FormFlow.Persistence.Accounts;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FormFlow.Server.Auth;

/// <summary>
/// Issues signed bearer tokens that name the account (<c>sub</c>) and carry its security stamp, which signing out
/// replaces (<see cref="TokenRevocation"/>); roles are read from the store on each request.
/// </summary>
internal sealed class TokenIssuer(JwtSettings settings, TimeProvider clock)
{
    public (string Token, DateTimeOffset ExpiresAt) Issue(Account account)
    {
        var now = clock.GetUtcNow();
        var expires = now + settings.Lifetime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = new ClaimsIdentity([
                new Claim(JwtRegisteredClaimNames.Sub, account.Id),
                new Claim(JwtRegisteredClaimNames.UniqueName, account.UserName!),
                new Claim(TokenRevocation.StampClaim, account.SecurityStamp ?? ""),
            ]),
            SigningCredentials = new SigningCredentials(settings.SigningKey, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}
