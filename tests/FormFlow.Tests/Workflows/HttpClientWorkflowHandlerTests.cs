using System.Net;
using System.Text.Json.Nodes;
using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Tests.Workflows;

public class HttpClientWorkflowHandlerTests
{
    /// <summary>Answers in-process, so the test sends through the real HttpClient pipeline without a network.</summary>
    private sealed class Answering(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public HttpRequestMessage? Seen { get; private set; }
        public string? SeenBody { get; private set; }

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen = request;
            SeenBody = request.Content?.ReadAsStringAsync(cancellationToken).Result;
            return new HttpResponseMessage(status) { Content = new StringContent(body) };
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));
    }

    [Fact]
    public void Sends_method_headers_and_JSON_body_and_reads_the_JSON_answer()
    {
        var server = new Answering(HttpStatusCode.Created, """{"memberNo": "M-9"}""");
        var handler = new HttpClientWorkflowHandler(new HttpClient(server));

        var response = handler.Send(new WorkflowHttpRequest("POST", new Uri("https://registry.example/members"),
            new Dictionary<string, string> { ["X-Union"] = "u1" }, new JsonObject { ["name"] = "张三" }));

        Assert.Equal(201, response.StatusCode);
        Assert.Equal("M-9", (string?)response.Body!["memberNo"]);
        Assert.Equal(HttpMethod.Post, server.Seen!.Method);
        Assert.Equal("u1", server.Seen.Headers.GetValues("X-Union").Single());
        Assert.Equal("""{"name":"张三"}""", server.SeenBody);
    }

    [Fact]
    public void A_non_JSON_answer_is_kept_as_text()
    {
        var handler = new HttpClientWorkflowHandler(new HttpClient(new Answering(HttpStatusCode.BadGateway, "upstream down")));
        var response = handler.Send(new WorkflowHttpRequest("GET", new Uri("https://x.example/"), new Dictionary<string, string>(), null));
        Assert.Equal(502, response.StatusCode);
        Assert.Equal("upstream down", (string?)response.Body);
    }
}
