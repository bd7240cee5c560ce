using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace FormFlow.Server.Hosting;

/// <summary><c>/health</c>: 200 with <c>{"status":"Healthy","checks":{"database":"Healthy"}}</c>, 503 when the database is unreachable.</summary>
internal static class HealthResponse
{
    public static readonly HealthCheckOptions Options = new()
    {
        ResponseWriter = (context, report) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
            }));
        },
    };
}
