using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>
/// A small OpenID Connect provider on a real Kestrel port (27210–27299): a discovery document, a JWKS with a
/// generated RSA key, an authorize endpoint that signs in whoever the test names in <see cref="NextUser"/> and
/// sends back a one-time code, and a token endpoint that redeems the code (client secret, redirect URI and PKCE
/// verifier checked) for an id_token signed RS256 with the nonce the client sent.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string ClientId = "formflow-test";
    public const string ClientSecret = "provider-issued-secret-for-formflow";

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "provider-key-1" };
    private readonly RsaSecurityKey _foreignKey = new(RSA.Create(2048)) { KeyId = "provider-key-1" };
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private WebApplication _app = null!;

    public string Authority { get; private set; } = "";

    /// <summary>The user name (preferred_username) of whoever signs in at the provider next.</summary>
    public string NextUser { get; set; } = "";

    /// <summary>Sign id_tokens with a key the JWKS does not publish (a forged token).</summary>
    public bool SignWithForeignKey { get; set; }

    /// <summary>How many codes the token endpoint redeemed.</summary>
    public int Redeemed => _redeemed;
    private int _redeemed;

    private sealed record Grant(string User, string Nonce, string RedirectUri, string CodeChallenge);

    public static async Task<TestOidcProvider> StartAsync()
    {
        for (var port = 27210; port < 27300; port++)
        {
            var provider = new TestOidcProvider { Authority = $"http://127.0.0.1:{port}" };
            try
            {
                await provider.RunAsync(port);
                return provider;
            }
            catch (IOException)
            {
                // The port is taken (another test's provider): the next one.
                await provider._app.DisposeAsync();
            }
        }
        throw new InvalidOperationException("no free port in 27210-27299 for the test OpenID Connect provider");
    }

    private async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Authority);
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = Authority + "/authorize",
            ["token_endpoint"] = Authority + "/token",
            ["jwks_uri"] = Authority + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(_key);
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, alg = "RS256", n = jwk.N, e = jwk.E } } });
        });
        _app.MapGet("/authorize", Authorize);
        _app.MapPost("/token", TokenAsync);
        await _app.StartAsync();
    }

    private IResult Authorize(HttpRequest request)
    {
        var q = request.Query;
        if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
            return Results.BadRequest($"unexpected authorization request {request.QueryString}");
        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new Grant(NextUser, q["nonce"]!, q["redirect_uri"]!, q["code_challenge"]!);
        return Results.Redirect(QueryHelpers.AddQueryString(q["redirect_uri"]!, new Dictionary<string, string?> { ["code"] = code, ["state"] = q["state"] }));
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code" || !_codes.TryRemove(form["code"].ToString(), out var grant))
            return Refuse("invalid_grant");
        var (clientId, secret) = ClientCredentials(request, form);
        if (clientId != ClientId || secret != ClientSecret) return Refuse("invalid_client", HttpStatusCode.Unauthorized);
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString())));
        if (form["redirect_uri"] != grant.RedirectUri || challenge != grant.CodeChallenge) return Refuse("invalid_grant");
        Interlocked.Increment(ref _redeemed);

        var accessToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = "union-" + grant.User,
                ["preferred_username"] = grant.User,
                ["nonce"] = grant.Nonce,
                // The left half of the access token's SHA-256, as the client checks it.
                ["at_hash"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]),
            },
            SigningCredentials = new SigningCredentials(SignWithForeignKey ? _foreignKey : _key, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new { access_token = accessToken, token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    /// <summary>client_secret_post or client_secret_basic.</summary>
    private static (string? Id, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal)) return (form["client_id"], form["client_secret"]);
        var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..])).Split(':', 2);
        return (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
    }

    private static IResult Refuse(string error, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        Results.Json(new { error }, statusCode: (int)status);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
