using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace FormFlow.Server.Auth;

/// <summary>
/// Bearer-token settings: <c>Auth:Jwt:SigningKey</c> (base64, at least 32 bytes), <c>Auth:Jwt:Issuer</c>,
/// <c>Auth:Jwt:Audience</c>, <c>Auth:Jwt:LifetimeMinutes</c> (default 60). In demo mode a missing key is generated
/// once and kept in the data folder, so tokens survive a restart; outside demo mode a missing key stops the server.
/// </summary>
internal sealed record JwtSettings(SymmetricSecurityKey SigningKey, string Issuer, string Audience, TimeSpan Lifetime)
{
    public const string KeyFileName = "jwt-signing-key";

    public static JwtSettings From(IConfiguration config, string dataFolder, bool demo)
    {
        var key = config["Auth:Jwt:SigningKey"] is { Length: > 0 } configured
            ? Decode(configured, "Auth:Jwt:SigningKey")
            : demo
                ? DemoKey(dataFolder)
                : throw new InvalidOperationException("Auth:Jwt:SigningKey is not configured: set a base64 key of at least 32 bytes (outside demo mode there is no generated key)");
        return new JwtSettings(
            new SymmetricSecurityKey(key),
            config["Auth:Jwt:Issuer"] ?? "formflow",
            config["Auth:Jwt:Audience"] ?? "formflow-api",
            TimeSpan.FromMinutes(config.GetValue("Auth:Jwt:LifetimeMinutes", 60)));
    }

    private static byte[] DemoKey(string dataFolder)
    {
        var file = Path.Combine(dataFolder, KeyFileName);
        if (File.Exists(file)) return Decode(File.ReadAllText(file).Trim(), file);
        Directory.CreateDirectory(dataFolder);
        var key = RandomNumberGenerator.GetBytes(64);
        File.WriteAllText(file, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }

    private static byte[] Decode(string base64, string source)
    {
        byte[] key;
        try { key = Convert.FromBase64String(base64); }
        catch (FormatException) { throw new InvalidOperationException($"{source}: the JWT signing key is not base64"); }
        return key.Length >= 32 ? key : throw new InvalidOperationException($"{source}: the JWT signing key has {key.Length} bytes; it needs at least 32");
    }
}
