using System.Globalization;
using System.Text.RegularExpressions;
using FormFlow.Persistence.Members;
using FormFlow.Server.Shared;

namespace FormFlow.Server.Merchants;

/// <summary>
/// A merchant as staff write it (the API's body, or one row of an import): dates are calendar days in China Standard
/// Time, <see cref="ActiveUntil"/> included. <see cref="Check"/> names every field at fault; nothing is written then.
/// </summary>
internal sealed record MerchantInput(
    string? Code, string? Name, string? Category, string? Address, int? DistrictId, string? Discount,
    List<string>? Benefits, DateOnly? ActiveFrom, DateOnly? ActiveUntil, string? ContactName, string? ContactPhone)
{
    public const int MaxName = 200, MaxCategory = 50, MaxAddress = 300, MaxDiscount = 500, MaxContact = 100;

    private static readonly Regex Phone = new(@"^[0-9+\-() ]{5,32}$", RegexOptions.CultureInvariant);
    private static readonly Regex CodeShape = new(@"^[A-Za-z0-9_\-]{1,64}$", RegexOptions.CultureInvariant);

    /// <summary>Every rule the input breaks, as (field, reason); the district and benefits are checked by the caller, who knows the org tree.</summary>
    public List<(string Field, string Reason)> Check()
    {
        var errors = new List<(string, string)>();
        if (Code is not null && !CodeShape.IsMatch(Code.Trim())) errors.Add(("code", "the code holds 1 to 64 letters, digits, '-' or '_'"));
        Text(errors, "name", Name, MaxName, required: true);
        Text(errors, "category", Category, MaxCategory, required: true);
        Text(errors, "address", Address, MaxAddress, required: false);
        Text(errors, "discount", Discount, MaxDiscount, required: false);
        Text(errors, "contactName", ContactName, MaxContact, required: false);
        if (ContactPhone is { } phone && !Phone.IsMatch(phone.Trim())) errors.Add(("contactPhone", $"'{phone}' is not a phone number"));
        if (DistrictId is null) errors.Add(("districtId", "the district (an org unit) is required"));
        if (ActiveFrom is { } from && ActiveUntil is { } until && until < from)
            errors.Add(("activeUntil", $"the window ends ({until:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})"));
        foreach (var benefit in Benefits ?? [])
            if (string.IsNullOrWhiteSpace(benefit) || benefit.Length > 64) errors.Add(("benefits", $"'{benefit}' is not a benefit key"));
        return errors;
    }

    /// <summary>Writes the checked input onto a record (new or stored).</summary>
    public void ApplyTo(Merchant merchant)
    {
        merchant.Name = Name!.Trim();
        merchant.Category = Category!.Trim();
        merchant.Address = Blank(Address);
        merchant.DistrictOrgUnitId = DistrictId!.Value;
        merchant.Discount = Blank(Discount);
        merchant.ActiveFrom = ActiveFrom is { } from ? StartOf(from) : null;
        merchant.ActiveUntil = ActiveUntil is { } until ? StartOf(until.AddDays(1)) : null;
        merchant.ContactName = Blank(ContactName);
        merchant.ContactPhone = Blank(ContactPhone);
        var wanted = (Benefits ?? []).Select(b => b.Trim()).Distinct().ToList();
        merchant.Benefits.RemoveAll(b => !wanted.Contains(b.BenefitId));
        foreach (var benefit in wanted.Where(w => merchant.Benefits.All(b => b.BenefitId != w)))
            merchant.Benefits.Add(new MerchantBenefit { BenefitId = benefit });
    }

    /// <summary>UTC instant a CST calendar day begins.</summary>
    public static DateTime StartOf(DateOnly day) => QueryDay.StartUtc(day);

    /// <summary>The CST calendar day of a stored UTC instant.</summary>
    public static DateOnly DayOf(DateTime utc) =>
        DateOnly.FromDateTime(new DateTimeOffset(utc, TimeSpan.Zero).ToOffset(Quotas.ChinaStandardTime).DateTime);

    /// <summary>Reads a day as people write it in a sheet: 2026-11-01, 2026/11/1 or 20261101.</summary>
    public static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyyMMdd", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static void Text(List<(string, string)> errors, string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value)) { if (required) errors.Add((field, $"{field} is required")); }
        else if (value.Trim().Length > max) errors.Add((field, $"{field} is longer than {max} characters"));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
