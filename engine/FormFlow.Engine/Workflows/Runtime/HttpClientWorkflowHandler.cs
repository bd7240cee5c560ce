using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.Runtime;

/// <summary>An <see cref="IWorkflowHttpHandler"/> over HttpClient (JSON bodies; synchronous, as the runner is).</summary>
internal sealed class HttpClientWorkflowHandler(HttpClient client) : IWorkflowHttpHandler
{
    public WorkflowHttpResponse Send(WorkflowHttpRequest request)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        foreach (var (name, value) in request.Headers) message.Headers.TryAddWithoutValidation(name, value);
        if (request.Body is not null)
            message.Content = new StringContent(request.Body.ToJsonString(WorkflowInstance.JsonOptions), System.Text.Encoding.UTF8, "application/json");
        using var response = client.Send(message);
        using var reader = new StreamReader(response.Content.ReadAsStream());
        var text = reader.ReadToEnd();
        JsonNode? body;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            body = JsonValue.Create(text);
        }
        return new WorkflowHttpResponse((int)response.StatusCode, body);
    }
}
