using System.Buffers.Text;
using System.Security.Cryptography;

namespace FormFlow.Server.Members;

/// <summary>
/// The ECDSA P-256 key that signs member card credentials: <c>Members:CardSigningKey</c> (a PKCS#8 PEM private key,
/// e.g. from <c>openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256</c>) and
/// <c>Members:CardLifetimeMinutes</c> (default 5: a screenshot of the QR code goes stale quickly). In demo mode a
/// missing key is generated once into the data folder; outside demo mode a missing key stops the server, like the
/// JWT key.
/// </summary>
internal sealed class CardSigningKey : IDisposable
{
    public const string KeyFileName = "member-card-key.pem";
    public const string ConfigKey = "Members:CardSigningKey";

    public ECDsa Key { get; }
    /// <summary>Names the key in credentials (<c>kid</c>): the first 8 bytes of the SHA-256 of the public key, base64url.</summary>
    public string KeyId { get; }
    public TimeSpan Lifetime { get; }

    private CardSigningKey(ECDsa key, TimeSpan lifetime)
    {
        if (key.KeySize != 256) throw new InvalidOperationException($"{ConfigKey}: the member card key must be ECDSA P-256, not a {key.KeySize}-bit key");
        Key = key;
        Lifetime = lifetime;
        KeyId = Base64Url.EncodeToString(SHA256.HashData(key.ExportSubjectPublicKeyInfo())[..8]);
    }

    public static CardSigningKey From(IConfiguration config, string dataFolder, bool demo)
    {
        var pem = config[ConfigKey] is { Length: > 0 } configured
            ? configured
            : demo
                ? DemoKeyPem(dataFolder)
                : throw new InvalidOperationException($"{ConfigKey} is not configured: set an ECDSA P-256 private key in PKCS#8 PEM (outside demo mode there is no generated key)");
        var lifetime = TimeSpan.FromMinutes(config.GetValue("Members:CardLifetimeMinutes", 5.0));
        if (lifetime <= TimeSpan.Zero) throw new InvalidOperationException("Members:CardLifetimeMinutes must be positive");
        return new CardSigningKey(Import(pem), lifetime);
    }

    /// <summary>The public key as a PEM (SubjectPublicKeyInfo), for verifiers that work offline.</summary>
    public string PublicKeyPem() => Key.ExportSubjectPublicKeyInfoPem();

    private static ECDsa Import(string pem)
    {
        var key = ECDsa.Create();
        try { key.ImportFromPem(pem); }
        catch (ArgumentException e) { throw new InvalidOperationException($"{ConfigKey}: not a PEM ECDSA private key ({e.Message})"); }
        catch (CryptographicException e) { throw new InvalidOperationException($"{ConfigKey}: not a PEM ECDSA private key ({e.Message})"); }
        return key;
    }

    private static string DemoKeyPem(string dataFolder)
    {
        var file = Path.Combine(dataFolder, KeyFileName);
        if (File.Exists(file)) return File.ReadAllText(file);
        Directory.CreateDirectory(dataFolder);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = key.ExportPkcs8PrivateKeyPem();
        // Written aside and moved into place without overwriting: of processes starting together on one fresh folder,
        // the first key to land is everyone's, so a card one of them signs is valid at the others (the soak found two keys).
        var written = $"{file}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(written, pem);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(written, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try { File.Move(written, file, overwrite: false); }
        catch (IOException) when (File.Exists(file)) { File.Delete(written); return File.ReadAllText(file); }
        return pem;
    }

    public void Dispose() => Key.Dispose();
}
