using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;
using Microsoft.AspNetCore.Identity;

namespace FormFlow.Server.Demo;

/// <summary>The demo union hierarchy and accounts seeded into an empty database in demo mode.</summary>
internal static class DemoData
{
    public const string DefaultPassword = "demo";
    public const string PasswordVariable = "FORMFLOW_DEMO_PASSWORD";

    /// <summary>An org unit and its children, top-down.</summary>
    public sealed record Unit(string Name, OrgLevel Level, params Unit[] Children);

    /// <summary>A demo account: user name, display name, role, and the name of the org unit it holds the role at.</summary>
    public sealed record Person(string UserName, string DisplayName, string Role, string OrgName);

    public static readonly Unit Hierarchy =
        new("某市总工会", OrgLevel.City,
            new Unit("东城区总工会", OrgLevel.District,
                new Unit("和平街道总工会", OrgLevel.Street,
                    new Unit("华兴电子有限公司工会", OrgLevel.Grassroots),
                    new Unit("某市第一人民医院工会", OrgLevel.Grassroots)),
                new Unit("建设街道总工会", OrgLevel.Street,
                    new Unit("顺达物流有限公司工会", OrgLevel.Grassroots))),
            new Unit("西湖区总工会", OrgLevel.District,
                new Unit("北山街道总工会", OrgLevel.Street,
                    new Unit("西湖区实验小学工会", OrgLevel.Grassroots))));

    public static readonly IReadOnlyList<Person> People =
    [
        new("designer", "陈静", Roles.Designer, "某市总工会"),
        new("district-admin", "李伟", Roles.Admin, "东城区总工会"),
        new("xihu-admin", "孙涛", Roles.Admin, "西湖区总工会"),
        new("reviewer", "张敏", Roles.Reviewer, "华兴电子有限公司工会"),
        new("lawyer", "王磊", Roles.Lawyer, "东城区总工会"),
        new("district-reviewer", "赵丽", Roles.Reviewer, "东城区总工会"),
        new("expert", "赵专家", Roles.Expert, "东城区总工会"),
        new("worker", "刘洋", Roles.Worker, "华兴电子有限公司工会"),
        new("merchant", "惠民生活广场", Roles.Merchant, "某市总工会"),
    ];

    /// <summary>
    /// A demo merchant record: code, name, category, address, the name of its district's org unit, discount, the
    /// benefits it redeems, contact, and the demo account acting for it (if any).
    /// </summary>
    public sealed record MerchantRecord(string Code, string Name, string Category, string Address, string District, string Discount,
        string[] Benefits, string ContactName, string ContactPhone, string? Account = null);

    /// <summary>The demo merchants: the demo merchant account's 惠民生活广场 has a barber and a cinema, no gym.</summary>
    public static readonly IReadOnlyList<MerchantRecord> Merchants =
    [
        new("merchant", "惠民生活广场", "综合", "东城区和平路88号", "某市总工会", "理发、观影凭会员卡享会员价", ["haircut", "cinema"], "周店长", "0411-88880001", "merchant"),
        new("DEMO-001", "东城老街理发店", "理发", "东城区建设街12号", "东城区总工会", "会员理发八折", ["haircut"], "孙师傅", "13800000001"),
        new("DEMO-002", "星光影城", "影院", "东城区和平路200号", "东城区总工会", "会员观影每张减10元", ["cinema"], "钱经理", "13800000002"),
        new("DEMO-003", "西湖健身中心", "健身", "西湖区北山路5号", "西湖区总工会", "会员健身次卡七折", ["gym"], "吴教练", "13800000003"),
        new("DEMO-004", "湖畔影院", "影院", "西湖区湖滨路18号", "西湖区总工会", "会员观影半价（周二）", ["cinema"], "郑经理", "13800000004"),
    ];

    /// <summary>The demo password: <c>FORMFLOW_DEMO_PASSWORD</c> when set, else <c>demo</c>.</summary>
    public static string Password(IConfiguration config) =>
        config[PasswordVariable] is { Length: > 0 } password ? password : DefaultPassword;

    /// <summary>
    /// One hash of the demo password for every demo account of a seed: each hash is a deliberately slow key derivation
    /// (a tenth to a half of a second here), and demo accounts share their printed password anyway. The hash does not
    /// name its account, so each verifies as its own.
    /// </summary>
    public static string PasswordHash(IPasswordHasher<Account> hasher, string password) => hasher.HashPassword(new Account(), password);
}
