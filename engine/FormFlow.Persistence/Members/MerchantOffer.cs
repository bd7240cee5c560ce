using FormFlow.Persistence.Accounts;

namespace FormFlow.Persistence.Members;

/// <summary>
/// A benefit a merchant account offers, by the benefit's key (the benefits module's option value, e.g. <c>haircut</c>):
/// a merchant redeems only what it offers. The smallest honest record until merchants have records of their own.
/// </summary>
public sealed class MerchantOffer
{
    public long Id { get; set; }
    public required string MerchantAccountId { get; set; }
    public Account? MerchantAccount { get; set; }
    public required string BenefitId { get; set; }
}
