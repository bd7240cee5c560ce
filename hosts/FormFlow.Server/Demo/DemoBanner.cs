namespace FormFlow.Server.Demo;

/// <summary>What demo mode prints at start: where to go and how to sign in.</summary>
internal static class DemoBanner
{
    public static string Text(IEnumerable<string> urls, string password)
    {
        var lines = new List<string>
        {
            "",
            "FormFlow demo mode — listening on " + string.Join(", ", urls),
            "  API reference: /api-docs   OpenAPI: /openapi/v1.json   health: /health",
            "  Demo accounts (password: " + password + "):",
        };
        lines.AddRange(DemoData.People.Select(p => $"    {p.UserName,-20}{p.Role,-10}{p.OrgName}（{p.DisplayName}）"));
        lines.Add("  Start with --no-demo (or FormFlow:Demo=false) for a server without demo data or default passwords.");
        lines.Add("");
        return string.Join(Environment.NewLine, lines);
    }
}
