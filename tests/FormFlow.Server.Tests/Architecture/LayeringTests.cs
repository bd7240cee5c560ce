using ArchUnitNET.Domain;
using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using FormFlow.Engine.Forms.Runtime;
using FormFlow.Persistence;
using FormFlow.Server.Hosting;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Architecture;

/// <summary>
/// The layers of ARCHITECTURE.md, read from the compiled assemblies: the server's feature folders form no cycle,
/// Hosting composes them and nothing depends on it, Shared depends on no feature, and the engine knows neither the
/// server nor persistence.
/// </summary>
public sealed class LayeringTests
{
    private static readonly ArchUnitNET.Domain.Architecture Code = new ArchLoader()
        .LoadAssemblies(typeof(ServerApp).Assembly, typeof(FormFlowDbContext).Assembly, typeof(FormRuntime).Assembly)
        .Build();

    [Fact]
    public void The_servers_namespaces_form_no_cycle() =>
        SliceRuleDefinition.Slices().Matching("FormFlow.Server.(*)").Should().BeFreeOfCycles().Check(Code);

    [Fact]
    public void Nothing_in_the_server_depends_on_Hosting() =>
        Types().That().ResideInNamespaceOrBelow("FormFlow.Server").And().DoNotResideInNamespaceOrBelow("FormFlow.Server.Hosting")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceOrBelow("FormFlow.Server.Hosting"))
            .Check(Code);

    [Fact]
    public void Shared_depends_on_no_feature() =>
        Types().That().ResideInNamespaceOrBelow("FormFlow.Server.Shared")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceOrBelow("FormFlow.Server").And().DoNotResideInNamespaceOrBelow("FormFlow.Server.Shared"))
            .Check(Code);

    [Fact]
    public void The_engine_references_neither_the_server_nor_persistence() =>
        Types().That().ResideInNamespaceOrBelow("FormFlow.Engine")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceOrBelow("FormFlow.Server").Or().ResideInNamespaceOrBelow("FormFlow.Persistence"))
            .Check(Code);
}
