using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>
/// Calls an HTTP endpoint through the host's <see cref="IWorkflowHttpHandler"/>. The request and response are
/// recorded on the timeline and the response in resultVariable; a failure or a 4xx/5xx status is an incident.
/// </summary>
internal sealed class HttpRequestActivity : ActivityBehaviour
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public override ActivityDescriptor Descriptor { get; } = new("httpRequest", "Calls an HTTP endpoint.",
    [
        new("url", InputKind.String, Required: true, Description: "absolute http(s) URL") { Default = "https://example.org/" },
        new("method", InputKind.String, Description: "GET (default), POST, PUT, PATCH or DELETE"),
        new("headers", InputKind.Object, Description: "header name → string value"),
        new("body", InputKind.Any, Description: "JSON body"),
        CommonInputs.ResultVariable,
    ], ActivityDescriptor.Done)
    {
        Category = ActivityCategory.Integration,
        NeedsHost = "http",
        Label = new("HTTP 请求", "HTTP 請求", "HTTP request"),
    };

    public override void Check(ActivityCheck check)
    {
        if (check.LiteralString("method") is { } method && !Methods.Contains(method))
            check.Problem("method", $"method must be one of {string.Join(", ", Methods)}, not '{method}'");
        if (check.LiteralString("url") is { } url && !IsHttpUrl(url))
            check.Problem("url", $"'{url}' is not an absolute http or https URL");
    }

    private static bool IsHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public override void Execute(ActivityContext context)
    {
        var url = context.RequiredString("url");
        if (!IsHttpUrl(url)) throw new WorkflowActivityException($"input 'url': '{url}' is not an absolute http or https URL");
        var method = context.String("method") ?? "GET";
        if (!Methods.Contains(method)) throw new WorkflowActivityException($"input 'method': '{method}' is not one of {string.Join(", ", Methods)}");
        var headers = new Dictionary<string, string>();
        foreach (var (name, value) in context.Object("headers") ?? [])
            headers[name] = value is JsonValue v && v.TryGetValue<string>(out var s)
                ? s
                : throw new WorkflowActivityException($"input 'headers': header '{name}' must be a string");
        var request = new WorkflowHttpRequest(method, new Uri(url), headers, context.Input("body"));
        var handler = context.Options.Http
            ?? throw new WorkflowActivityException($"no HTTP handler is configured, so {method} {url} cannot be sent");

        WorkflowHttpResponse response;
        try
        {
            response = handler.Send(request);
        }
        catch (Exception ex)
        {
            context.Record("httpRequest", new JsonObject { ["method"] = method, ["url"] = url, ["error"] = ex.Message });
            throw new WorkflowActivityException($"{method} {url} failed: {ex.Message}");
        }
        context.Record("httpRequest", new JsonObject { ["method"] = method, ["url"] = url, ["status"] = response.StatusCode });
        context.SetResult(new JsonObject
        {
            ["request"] = new JsonObject { ["method"] = method, ["url"] = url, ["body"] = request.Body?.DeepClone() },
            ["status"] = response.StatusCode,
            ["body"] = response.Body?.DeepClone(),
        });
        if (response.StatusCode >= 400)
            throw new WorkflowActivityException($"{method} {url} answered HTTP {response.StatusCode}");
        context.Complete();
    }
}
