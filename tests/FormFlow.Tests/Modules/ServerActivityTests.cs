using System.Text.Json.Nodes;
using FormFlow.Engine.Modules;
using FormFlow.Engine.Modules.Resolution;
using static FormFlow.Tests.Modules.ModuleFixture;

namespace FormFlow.Tests.Modules;

/// <summary>A module runs on the server, which gives the runner no HTTP handler and no sub-modules: such steps are refused, naming the step.</summary>
public class ServerActivityTests
{
    [Theory]
    [InlineData("httpRequest", """{ "url": "https://example.cn/api", "method": "GET" }""", "http")]
    [InlineData("callSubModule", """{ "definitionId": "pre-check" }""", "subModules")]
    public void A_step_the_server_cannot_run_is_refused_naming_the_activity(string type, string inputs, string service)
    {
        var problems = Assert.Throws<ModuleException>(() => ChainResolver.Resolve(JoinPackage(), [DistrictOverlay($$"""
            { "op": "add", "parent": "afterApproval", "definition": { "id": "outside", "type": "{{type}}", "inputs": {{inputs}} } }
            """)])).Problems;
        Assert.Contains(problems, p => p.Element == "outside"
            && p.Message.Contains($"activity 'outside' ({type}) cannot run on the FormFlow server: it needs the host's {service} service"));
    }
}
