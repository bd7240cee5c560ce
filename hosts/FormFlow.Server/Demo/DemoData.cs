using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Orgs;

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
        new("reviewer", "张敏", Roles.Reviewer, "华兴电子有限公司工会"),
        new("lawyer", "王磊", Roles.Lawyer, "东城区总工会"),
        new("district-reviewer", "赵丽", Roles.Reviewer, "东城区总工会"),
        new("expert", "赵专家", Roles.Expert, "东城区总工会"),
        new("worker", "刘洋", Roles.Worker, "华兴电子有限公司工会"),
        new("merchant", "惠民生活广场", Roles.Merchant, "某市总工会"),
    ];

    /// <summary>What each demo merchant offers (benefit keys of the benefits module): the demo merchant has a barber and a cinema, no gym.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> MerchantOffers = new Dictionary<string, string[]>
    {
        ["merchant"] = ["haircut", "cinema"],
    };

    /// <summary>The demo password: <c>FORMFLOW_DEMO_PASSWORD</c> when set, else <c>demo</c>.</summary>
    public static string Password(IConfiguration config) =>
        config[PasswordVariable] is { Length: > 0 } password ? password : DefaultPassword;
}
