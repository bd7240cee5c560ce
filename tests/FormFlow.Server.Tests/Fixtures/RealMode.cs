namespace FormFlow.Server.Tests.Fixtures;

/// <summary>The settings a server outside demo mode cannot start without: demo off, a token signing key, a card key.</summary>
public static class RealMode
{
    public static readonly string CardKeyPem =
        System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem();

    public static readonly string JwtSigningKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7 + 1)).ToArray());

    /// <summary>A fresh copy, for a test to add its own settings to.</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["FormFlow:Demo"] = "false",
        ["Auth:Jwt:SigningKey"] = JwtSigningKey,
        ["Members:CardSigningKey"] = CardKeyPem,
    };
}
