using System.Text.Json.Nodes;

namespace FormFlow.Engine.Workflows.Runtime;

/// <summary>Sends the requests of httpRequest activities; the host decides how (HttpClient, a queue, a test double).</summary>
public interface IWorkflowHttpHandler
{
    /// <summary>Sends a request; throwing, or a status code of 400 or more, becomes an incident on the instance.</summary>
    WorkflowHttpResponse Send(WorkflowHttpRequest request);
}

public sealed record WorkflowHttpRequest(string Method, Uri Url, IReadOnlyDictionary<string, string> Headers, JsonNode? Body);

public sealed record WorkflowHttpResponse(int StatusCode, JsonNode? Body);
