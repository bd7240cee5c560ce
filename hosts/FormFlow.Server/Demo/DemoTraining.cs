using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Training;
using FormFlow.Server.Training;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Demo;

/// <summary>
/// The demo's skills training: a city question bank on workplace safety and the labour contract law, a two-level
/// training (安全生产 then 劳动合同法) and a contest open from the day before the first start for thirty days, so a
/// worker passes level 1, unlocks level 2, takes the contest and sees their rank. Once per database (the bank's name).
/// </summary>
internal static class DemoTraining
{
    public const string BankName = "职工安全生产与劳动合同法题库";

    private static readonly QuestionInput[] Questions =
    [
        Q("single", "安全生产", 1, "发现电线裸露时，正确的做法是？", ["用手把它拨开", "设置警示并报告电工处理", "不用理会", "用湿布包住"], "B", "裸露电线可能带电，非电工不得触碰；应设置警示并由电工处理。"),
        Q("multiple", "安全生产", 2, "进入施工现场必须佩戴哪些防护用品？", ["安全帽", "防护手套", "拖鞋", "反光背心"], new[] { "A", "B", "D" }, "拖鞋不能防砸防刺，施工现场须穿防护鞋。"),
        Q("trueFalse", "安全生产", 1, "发生火灾时，可以乘坐电梯逃生。", null, "false", "火灾时电梯可能断电或成为烟囱，应走安全通道。"),
        Q("single", "安全生产", 2, "我国的火警电话是？", ["110", "119", "120", "122"], "B", "119 是火警，110 报警，120 急救，122 交通事故。"),
        Q("single", "安全生产", 2, "使用灭火器时，应对准火焰的哪个部位喷射？", ["火焰顶部", "火焰中部", "火焰根部", "任意部位"], "C", "对准火焰根部才能有效灭火。"),
        Q("fillIn", "安全生产", 3, "《安全生产法》规定，从业人员发现直接危及人身安全的紧急情况时，有权停止作业或者在采取可能的应急措施后____作业场所。", null, new[] { "撤离" }, "这是从业人员的紧急避险权（《安全生产法》第五十五条）。"),
        Q("trueFalse", "安全生产", 1, "特种作业人员必须经专门的安全作业培训，取得相应资格，方可上岗作业。", null, "true", "《安全生产法》第三十条。"),
        Q("multiple", "安全生产", 3, "下列哪些属于从业人员的安全生产权利？", ["知情权", "拒绝违章指挥权", "紧急避险权", "擅自拆除防护装置"], new[] { "A", "B", "C" }, "擅自拆除防护装置是违章行为，不是权利。"),
        Q("single", "安全生产", 2, "高处作业是指在坠落高度基准面多少米以上有可能坠落的高处进行的作业？", ["1米", "2米", "3米", "5米"], "B", "国家标准规定坠落高度基准面2米以上（含2米）为高处作业。"),
        Q("trueFalse", "安全生产", 2, "生产经营单位可以与从业人员订立协议，免除其对从业人员因生产安全事故伤亡依法应承担的责任。", null, "false", "此类协议无效（《安全生产法》第五十二条）。"),
        Q("single", "劳动合同法", 1, "用人单位自用工之日起多长时间内应当与劳动者订立书面劳动合同？", ["一周", "一个月", "三个月", "六个月"], "B", "《劳动合同法》第十条：应当自用工之日起一个月内订立书面劳动合同。"),
        Q("single", "劳动合同法", 2, "劳动合同期限三年以上固定期限的，试用期不得超过？", ["一个月", "二个月", "三个月", "六个月"], "D", "《劳动合同法》第十九条。"),
        Q("trueFalse", "劳动合同法", 1, "用人单位招用劳动者时，可以扣押劳动者的居民身份证。", null, "false", "《劳动合同法》第九条禁止扣押证件、要求提供担保。"),
        Q("fillIn", "劳动合同法", 2, "劳动者提前____日以书面形式通知用人单位，可以解除劳动合同。", null, new[] { "三十", "30" }, "《劳动合同法》第三十七条；试用期内提前三日通知。"),
        Q("multiple", "劳动合同法", 3, "劳动合同应当具备哪些条款？", ["劳动合同期限", "工作内容和工作地点", "劳动报酬", "劳动者的婚育计划"], new[] { "A", "B", "C" }, "婚育计划不属于劳动合同必备条款，也不得作为录用条件。"),
        Q("single", "劳动合同法", 2, "用人单位超过一个月不满一年未与劳动者订立书面劳动合同的，应当向劳动者每月支付几倍工资？", ["一倍", "二倍", "三倍", "不用支付"], "B", "《劳动合同法》第八十二条：支付二倍的工资。"),
        Q("trueFalse", "劳动合同法", 2, "试用期包含在劳动合同期限内。", null, "true", "《劳动合同法》第十九条。"),
        Q("single", "劳动合同法", 3, "劳动者在该用人单位连续工作满几年，劳动者提出续订的，应当订立无固定期限劳动合同？", ["五年", "八年", "十年", "十五年"], "C", "《劳动合同法》第十四条：连续工作满十年。"),
        Q("multiple", "劳动合同法", 2, "用人单位有下列哪些情形，劳动者可以解除劳动合同？", ["未按时足额支付劳动报酬", "未依法缴纳社会保险费", "安排正常加班并支付加班费", "未提供劳动保护"], new[] { "A", "B", "D" }, "《劳动合同法》第三十八条。"),
        Q("fillIn", "劳动合同法", 3, "经济补偿按劳动者在本单位工作的年限，每满____年支付一个月工资的标准向劳动者支付。", null, new[] { "一", "1" }, "《劳动合同法》第四十七条；六个月以上不满一年按一年计。"),
    ];

    public static async Task<bool> SeedAsync(FormFlowDbContext db, DateTime now, CancellationToken ct = default)
    {
        var city = await db.OrgUnits.SingleOrDefaultAsync(o => o.ParentId == null && o.Name == DemoData.Hierarchy.Name, ct);
        if (city is null || await db.QuestionBanks.AnyAsync(b => b.OrgUnitId == city.Id && b.Name == BankName, ct)) return false;
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var bank = new QuestionBank { OrgUnitId = city.Id, Name = BankName, CreatedAt = now };
        db.QuestionBanks.Add(bank);
        await db.SaveChangesAsync(ct);
        foreach (var input in Questions)
        {
            var question = QuestionCheck.Check(input).Question ?? throw new InvalidOperationException($"demo question '{input.Text}' does not pass its check");
            question.BankId = bank.Id;
            question.CreatedAt = now;
            db.BankQuestions.Add(question);
        }
        var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        db.TrainingCourses.Add(new TrainingCourse
        {
            OrgUnitId = city.Id, Title = "职工安全与权益闯关", CreatedAt = now,
            Levels = JsonSerializer.Serialize(new[]
            {
                new LevelSettings("第一关：安全生产", "安全生产", null, 5, 60),
                new LevelSettings("第二关：劳动合同法", "劳动合同法", null, 5, 60),
            }, web),
        });
        db.Contests.Add(new Contest
        {
            OrgUnitId = city.Id, Title = "全市职工安全生产与劳动法知识竞赛", Questions = 10, OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(30),
            DurationSeconds = 600, AttemptsAllowed = 3, PlacePoints = "[50,30,20]", CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private static QuestionInput Q(string type, string topic, int difficulty, string text, string[]? options, object answer, string explanation) =>
        new(type, topic, difficulty, text, options?.ToList(), JsonSerializer.SerializeToNode(answer), explanation);
}
