using System.Security.Cryptography;

namespace FormFlow.Server.WebUi;

/// <summary>
/// A fresh random nonce per HTML page. The page's Content-Security-Policy allows style elements carrying it (antd
/// injects its CSS-in-JS styles at run time); the apps read it from <c>&lt;meta name="csp-nonce"&gt;</c>.
/// Scripts get no nonce: they only ever come from this origin.
/// </summary>
internal static class PageNonce
{
    public const string MetaName = "csp-nonce";

    public static string Create() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));

    public static string Policy(string nonce) =>
        "default-src 'self'; script-src 'self'; " + $"style-src 'self' 'nonce-{nonce}'; " +
        "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; media-src 'self' blob:; object-src 'none'; " +
        "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
}
