using FormFlow.Persistence.Members;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Entitlement> Entitlements => Set<Entitlement>();
    public DbSet<Redemption> Redemptions => Set<Redemption>();
    public DbSet<Merchant> Merchants => Set<Merchant>();
    public DbSet<MerchantBenefit> MerchantBenefits => Set<MerchantBenefit>();
    public DbSet<MerchantAccount> MerchantAccounts => Set<MerchantAccount>();
}
