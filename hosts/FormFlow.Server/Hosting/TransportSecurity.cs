using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace FormFlow.Server.Hosting;

/// <summary>
/// TLS, whether the server holds it or a reverse proxy in front of it does. Behind a proxy the server sees plain HTTP
/// from the proxy's address, so it would send the session cookie without <c>Secure</c>, no HSTS, and count every
/// client as the proxy for the sign-in rate limit. The proxies named by <c>ReverseProxy:KnownProxies</c> (addresses)
/// and <c>ReverseProxy:KnownNetworks</c> (CIDR), comma-separated, are believed about the client's scheme and address
/// (<c>X-Forwarded-Proto</c>, <c>X-Forwarded-For</c>); nobody else is, and with neither setting no one is. Over HTTPS,
/// as the server or a believed proxy sees it, the cookie is Secure (Auth/AuthSetup: same as the request) and responses
/// carry Strict-Transport-Security for <c>ReverseProxy:HstsMaxAgeDays</c> (default 365; browsers ignore it over HTTP,
/// and it is never sent for localhost).
/// </summary>
internal static class TransportSecurity
{
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration config)
    {
        var proxies = List(config["ReverseProxy:KnownProxies"])
            .Select(p => IPAddress.TryParse(p, out var address) ? address : throw Invalid("ReverseProxy:KnownProxies", p, "address")).ToList();
        var networks = List(config["ReverseProxy:KnownNetworks"])
            .Select(n => System.Net.IPNetwork.TryParse(n, out var network) ? network : throw Invalid("ReverseProxy:KnownNetworks", n, "network (CIDR, e.g. 10.0.0.0/8)")).ToList();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only what the settings name: the defaults would believe any process on this machine.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) o.KnownProxies.Add(proxy);
            foreach (var network in networks) o.KnownIPNetworks.Add(network);
        });
        return services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(config.GetValue("ReverseProxy:HstsMaxAgeDays", 365)));
    }

    /// <summary>First in the pipeline, so everything after it sees the client's scheme and address.</summary>
    public static IApplicationBuilder UseTransportSecurity(this IApplicationBuilder app) =>
        app.UseForwardedHeaders().UseHsts();

    private static IEnumerable<string> List(string? setting) =>
        (setting ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static InvalidOperationException Invalid(string key, string text, string what) => new($"{key}: '{text}' is not an IP {what}");
}
