using Bogus;

namespace FormFlow.Cli.CityGeneration;

/// <summary>
/// Chinese names for the generated city, drawn from the seed: people (Bogus, zh_CN), districts, streets and the
/// companies, schools and hospitals whose unions are the grassroots. The first district, street and grassroots union
/// carry the demo's names (东城区总工会, 和平街道总工会, 华兴电子有限公司工会), so the demo accounts sit where the demo
/// puts them and demo mode's feed, merchants and customisations find their places on a generated database too.
/// </summary>
internal sealed class CityNames(int seed)
{
    private readonly Faker _faker = new("zh_CN") { Random = new Randomizer(seed) };
    private readonly HashSet<string> _taken = [];

    private static readonly string[] DistrictStems =
    [
        "东城", "西湖", "南岸", "北山", "江北", "沙坪", "九龙", "渝中", "大渡", "巴南", "长寿", "江津", "合川", "永川", "南川", "綦江",
        "璧山", "铜梁", "潼南", "荣昌", "开州", "梁平", "武隆", "城口", "丰都", "垫江", "忠县", "云阳", "奉节", "巫山", "巫溪", "石柱",
        "秀山", "酉阳", "彭水", "万州", "涪陵", "黔江", "高新", "两江",
    ];

    private static readonly string[] StreetStems =
    [
        "和平", "建设", "解放", "人民", "朝阳", "光明", "新华", "文化", "长安", "胜利", "友谊", "团结", "幸福", "红旗", "东风", "向阳",
        "花园", "滨江", "天星", "龙湖", "石桥", "观音", "杨家", "李家", "陈家", "白沙", "金山", "银河", "青龙", "白云", "桃源", "柳荫",
    ];

    private static readonly string[] CompanyStems =
    [
        "华兴", "顺达", "恒通", "宏远", "金鼎", "瑞丰", "长城", "东方", "新星", "海川", "鑫源", "博远", "天成", "嘉和", "永泰", "安康",
        "润华", "盛世", "众合", "鼎盛", "同创", "汇通", "佳美", "祥和", "万利", "中诚", "华夏", "远航", "蓝天", "绿源", "金桥", "百惠",
    ];

    private static readonly string[] Trades =
    [
        "电子", "物流", "机械", "建筑", "食品", "纺织", "汽车配件", "化工", "医药", "商贸", "餐饮", "物业", "科技", "印务", "环保", "家具",
    ];

    private static readonly string[] Forms = ["有限公司", "股份有限公司", "集团有限公司", "有限责任公司"];

    public const string FirstDistrict = "东城区总工会", FirstStreet = "和平街道总工会", FirstGrassroots = "华兴电子有限公司工会";

    public string District(int index) => index == 0 ? Unique(FirstDistrict)
        : Unique(index < DistrictStems.Length ? DistrictStems[index] + "区总工会" : $"{DistrictStems[index % DistrictStems.Length]}{index / DistrictStems.Length + 1}区总工会");

    public string Street(int index) => index == 0 ? Unique(FirstStreet)
        : Unique($"{Pick(StreetStems)}{(_faker.Random.Bool(0.3f) ? Pick(["东", "西", "南", "北", "新"]) : "")}街道总工会");

    public string Grassroots(int index)
    {
        if (index == 0) return Unique(FirstGrassroots);
        return _faker.Random.Int(0, 9) switch
        {
            0 => Unique($"{Pick(StreetStems)}{Pick(["小学", "中学", "实验学校"])}工会"),
            1 => Unique($"{Pick(DistrictStems)}区{Pick(["第一", "第二", "第三", "中医", "妇幼保健", "人民"])}医院工会"),
            _ => Unique($"{Pick(CompanyStems)}{Pick(Trades)}{Pick(Forms)}工会"),
        };
    }

    public string Person() => _faker.Name.LastName() + _faker.Name.FirstName();

    /// <summary>An 11-digit mobile number (13x–19x).</summary>
    public string Mobile() => "1" + _faker.Random.Int(3, 9) + _faker.Random.Int(0, 999_999_999).ToString("D9");

    public string Merchant(string trade) => $"{Pick(CompanyStems)}{trade}{Pick(["店", "中心", "馆", "广场"])}";

    private string Pick(string[] words) => words[_faker.Random.Int(0, words.Length - 1)];

    /// <summary>The name, or the name numbered (…工会（2）) when an earlier unit has it already.</summary>
    private string Unique(string name)
    {
        if (_taken.Add(name)) return name;
        for (var n = 2; ; n++)
        {
            var numbered = $"{name}（{n}）";
            if (_taken.Add(numbered)) return numbered;
        }
    }
}
