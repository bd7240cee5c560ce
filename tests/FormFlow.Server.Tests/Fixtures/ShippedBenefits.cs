using FormFlow.Engine.Modules.Packages;
using FormFlow.Engine.Modules.Resolution;
using FormFlow.Persistence;
using FormFlow.Server.Members;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>The benefits of the shipped benefits module resolved without overlays, for handler tests that run without the server.</summary>
public sealed class ShippedBenefits : IBenefitOffers
{
    public static readonly IReadOnlyList<BenefitOffer> Offers = BenefitCatalogue.Offers(
        ChainResolver.Resolve(ModulePackageLoader.Load(Path.Combine(RepositoryRoot(), "module-templates", "benefits")), []).Module);

    public Task<IReadOnlyList<BenefitOffer>> ForOrgAsync(FormFlowDbContext db, int orgUnitId, CancellationToken ct) => Task.FromResult(Offers);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FormFlow.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"FormFlow.sln not found above {AppContext.BaseDirectory}");
    }
}
