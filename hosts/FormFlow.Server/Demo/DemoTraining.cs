using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Training;
using FormFlow.Server.Cases;
using FormFlow.Server.Services;
using FormFlow.Server.Shared;
using FormFlow.Server.Training;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Demo;

/// <summary>
/// The demo's question bank: 61 questions on workplace safety and the labour contract law at the city, which the
/// city's services of the shipped <c>training</c> (a two-level training, 安全生产 then 劳动合同法) and <c>contest</c>
/// templates draw from (<see cref="DemoServices"/> activates them; <see cref="TrainingModules"/> makes the training and
/// contest from their settings), so a worker passes level 1, unlocks level 2, takes the contest and sees their rank.
/// Once per database (the bank's name); a demo database of an earlier release gets the questions it lacks.
/// </summary>
internal static class DemoTraining
{
    public const string BankName = "职工安全生产与劳动合同法题库", ContestTitle = "全市职工安全生产与劳动法知识竞赛";

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
        Q("single", "安全生产", 2, "《安全生产法》规定，生产经营单位的主要负责人是本单位安全生产的？", ["第一责任人", "直接责任人", "间接责任人", "监督人"], "A", "《安全生产法》第五条：生产经营单位的主要负责人是本单位安全生产第一责任人，对本单位的安全生产工作全面负责。"),
        Q("trueFalse", "安全生产", 1, "安全生产工作应当坚持安全第一、预防为主、综合治理的方针。", null, "true", "《安全生产法》第三条。"),
        Q("single", "安全生产", 2, "生产经营单位应当在有较大危险因素的生产经营场所和有关设施、设备上，设置明显的？", ["安全警示标志", "广告牌", "宣传画", "指示灯"], "A", "《安全生产法》第三十五条。"),
        Q("trueFalse", "安全生产", 2, "用人单位可以发放现金代替应当配备的劳动防护用品。", null, "false", "劳动防护用品必须按标准配备实物，不得以货币或者其他物品替代（《用人单位劳动防护用品管理规范》）。"),
        Q("single", "安全生产", 1, "我国的医疗急救电话是？", ["110", "119", "120", "122"], "C", "120 是医疗急救电话。"),
        Q("multiple", "安全生产", 2, "下列哪些属于灭火的基本方法？", ["冷却灭火", "隔离灭火", "窒息灭火", "开窗通风"], new[] { "A", "B", "C" }, "灭火的基本方法有冷却、隔离、窒息和化学抑制；开窗通风会给火势补充氧气。"),
        Q("single", "安全生产", 1, "电器设备着火时，首先应当？", ["用水浇灭", "切断电源", "用湿毛巾扑打", "打开窗户通风"], "B", "带电时用水扑救可能触电，应先切断电源，再用干粉等灭火器扑救。"),
        Q("trueFalse", "安全生产", 1, "安全出口和疏散通道可以临时堆放物品，只要留出一人通过的宽度即可。", null, "false", "《消防法》第二十八条：任何单位、个人不得占用、堵塞、封闭疏散通道、安全出口。"),
        Q("single", "安全生产", 2, "火灾中被烟雾围困时，正确的逃生方法是？", ["直立快跑", "用湿毛巾捂住口鼻，弯腰低姿前进", "乘坐电梯", "躲进衣柜"], "B", "烟气向上聚集，低姿前进并捂住口鼻可减少吸入有毒烟气。"),
        Q("fillIn", "安全生产", 2, "从业人员有权对本单位安全生产工作中存在的问题提出批评、检举、____；有权拒绝违章指挥和强令冒险作业。", null, new[] { "控告" }, "《安全生产法》第五十四条。"),
        Q("trueFalse", "安全生产", 2, "生产经营单位不得因从业人员拒绝违章指挥、强令冒险作业而降低其工资、福利等待遇或者解除与其订立的劳动合同。", null, "true", "《安全生产法》第五十四条。"),
        Q("single", "安全生产", 3, "因生产安全事故受到损害的从业人员，除依法享有工伤保险外，依照有关民事法律尚有获得赔偿的权利的，有权向谁提出赔偿要求？", ["本单位", "保险公司", "工会", "安全生产监督管理部门"], "A", "《安全生产法》第五十六条。"),
        Q("multiple", "安全生产", 2, "从业人员在作业过程中应当履行哪些安全生产义务？", ["严格遵守安全生产规章制度和操作规程", "正确佩戴和使用劳动防护用品", "接受安全生产教育和培训", "发现事故隐患时隐瞒不报"], new[] { "A", "B", "C" }, "《安全生产法》第五十七条至第五十九条；发现事故隐患应当立即报告。"),
        Q("single", "安全生产", 2, "从业人员不服从管理，违反安全生产规章制度或者操作规程的，由生产经营单位怎样处理？", ["给予批评教育，依照有关规章制度给予处分", "一律罚款五百元", "一律开除", "不予处理"], "A", "《安全生产法》第一百零七条；构成犯罪的，依法追究刑事责任。"),
        Q("trueFalse", "安全生产", 1, "未经安全生产教育和培训合格的从业人员，不得上岗作业。", null, "true", "《安全生产法》第二十八条。"),
        Q("fillIn", "安全生产", 3, "对从事接触职业病危害作业的劳动者，用人单位应当组织上岗前、在岗期间和____的职业健康检查。", null, new[] { "离岗时" }, "《职业病防治法》第三十五条。"),
        Q("trueFalse", "安全生产", 2, "用人单位不得安排未成年工从事接触职业病危害的作业。", null, "true", "《职业病防治法》第三十八条。"),
        Q("single", "安全生产", 2, "职业健康检查的费用由谁承担？", ["劳动者", "用人单位", "社会保险基金", "劳动者与用人单位各半"], "B", "《职业病防治法》第三十五条：职业健康检查费用由用人单位承担。"),
        Q("single", "安全生产", 1, "使用梯子登高作业时，下列做法正确的是？", ["梯子底部采取防滑措施并有人扶梯", "站在梯子最顶层作业", "两人同时登上一架梯子", "把梯子架在不稳固的箱子上"], "A", "梯子应放稳防滑、有人监护，不得站在顶层作业，不得多人同梯。"),
        Q("multiple", "安全生产", 2, "发现有人触电时，下列做法正确的有？", ["立即切断电源", "用干燥的木棍等绝缘物挑开电线", "直接用手去拉触电者", "触电者脱离电源后立即拨打120并施救"], new[] { "A", "B", "D" }, "直接用手拉触电者会使施救者触电。"),
        Q("single", "劳动合同法", 1, "建立劳动关系，应当订立？", ["口头协议", "书面劳动合同", "君子协定", "无需任何形式"], "B", "《劳动合同法》第十条。"),
        Q("single", "劳动合同法", 2, "劳动合同期限三个月以上不满一年的，试用期不得超过？", ["七日", "十五日", "一个月", "二个月"], "C", "《劳动合同法》第十九条。"),
        Q("single", "劳动合同法", 2, "劳动合同期限一年以上不满三年的，试用期不得超过？", ["一个月", "二个月", "三个月", "六个月"], "B", "《劳动合同法》第十九条。"),
        Q("trueFalse", "劳动合同法", 2, "同一用人单位与同一劳动者只能约定一次试用期。", null, "true", "《劳动合同法》第十九条。"),
        Q("trueFalse", "劳动合同法", 2, "劳动合同期限不满三个月的，不得约定试用期。", null, "true", "《劳动合同法》第十九条；以完成一定工作任务为期限的劳动合同也不得约定试用期。"),
        Q("single", "劳动合同法", 3, "劳动者在试用期的工资不得低于本单位相同岗位最低档工资或者劳动合同约定工资的百分之几，并不得低于用人单位所在地的最低工资标准？", ["百分之六十", "百分之七十", "百分之八十", "百分之九十"], "C", "《劳动合同法》第二十条。"),
        Q("fillIn", "劳动合同法", 2, "劳动者在试用期内提前____日通知用人单位，可以解除劳动合同。", null, new[] { "三", "3" }, "《劳动合同法》第三十七条。"),
        Q("trueFalse", "劳动合同法", 1, "用人单位招用劳动者时，可以要求劳动者交纳押金作为担保。", null, "false", "《劳动合同法》第九条：不得要求劳动者提供担保或者以其他名义向劳动者收取财物。"),
        Q("single", "劳动合同法", 2, "用人单位自用工之日起满多长时间不与劳动者订立书面劳动合同的，视为已与劳动者订立无固定期限劳动合同？", ["六个月", "一年", "二年", "三年"], "B", "《劳动合同法》第十四条。"),
        Q("multiple", "劳动合同法", 3, "劳动者提出或者同意续订、订立劳动合同的，下列哪些情形除劳动者提出订立固定期限劳动合同外，应当订立无固定期限劳动合同？", ["劳动者在该用人单位连续工作满十年", "连续订立二次固定期限劳动合同，且劳动者没有法定可解除情形，续订劳动合同的", "劳动者入职刚满一年", "国有企业改制重新订立劳动合同时，劳动者在该单位连续工作满十年且距法定退休年龄不足十年"], new[] { "A", "B", "D" }, "《劳动合同法》第十四条。"),
        Q("trueFalse", "劳动合同法", 2, "用人单位应当严格执行劳动定额标准，不得强迫或者变相强迫劳动者加班。", null, "true", "《劳动合同法》第三十一条。"),
        Q("trueFalse", "劳动合同法", 2, "劳动者拒绝用人单位管理人员违章指挥、强令冒险作业的，视为违反劳动合同。", null, "false", "《劳动合同法》第三十二条：不视为违反劳动合同。"),
        Q("single", "劳动合同法", 2, "用人单位变更名称、法定代表人、主要负责人或者投资人等事项，对劳动合同有什么影响？", ["劳动合同自动终止", "不影响劳动合同的履行", "必须重新签订", "由用人单位决定是否继续"], "B", "《劳动合同法》第三十三条。"),
        Q("single", "劳动合同法", 2, "用人单位以暴力、威胁或者非法限制人身自由的手段强迫劳动者劳动的，劳动者可以？", ["立即解除劳动合同，不需事先告知用人单位", "提前三十日书面通知后解除", "只能申请调解", "必须继续工作"], "A", "《劳动合同法》第三十八条。"),
        Q("multiple", "劳动合同法", 3, "劳动者有下列哪些情形，用人单位不得依照第四十条、第四十一条的规定解除劳动合同？", ["患病或者非因工负伤，在规定的医疗期内的", "女职工在孕期、产期、哺乳期的", "在本单位连续工作满十五年，且距法定退休年龄不足五年的", "在试用期间被证明不符合录用条件的"], new[] { "A", "B", "C" }, "《劳动合同法》第四十二条；试用期不符合录用条件属于第三十九条的情形。"),
        Q("single", "劳动合同法", 3, "用人单位违法解除或者终止劳动合同，劳动者不要求继续履行的，用人单位应当按经济补偿标准的几倍支付赔偿金？", ["一倍", "二倍", "三倍", "五倍"], "B", "《劳动合同法》第八十七条。"),
        Q("fillIn", "劳动合同法", 3, "用人单位应当在解除或者终止劳动合同时出具证明，并在____日内为劳动者办理档案和社会保险关系转移手续。", null, new[] { "十五", "15" }, "《劳动合同法》第五十条。"),
        Q("trueFalse", "劳动合同法", 2, "用人单位与劳动者约定服务期的，违约金的数额不得超过用人单位提供的培训费用。", null, "true", "《劳动合同法》第二十二条。"),
        Q("single", "劳动合同法", 3, "竞业限制的期限不得超过？", ["六个月", "一年", "二年", "三年"], "C", "《劳动合同法》第二十四条。"),
        Q("single", "劳动合同法", 2, "被派遣劳动者享有与用工单位的劳动者怎样的报酬权利？", ["同工同酬", "低于正式职工", "由派遣单位自行决定", "没有报酬权"], "A", "《劳动合同法》第六十三条。"),
        Q("single", "劳动合同法", 3, "非全日制用工，劳动者在同一用人单位一般平均每日工作时间不超过几小时？", ["二小时", "四小时", "六小时", "八小时"], "B", "《劳动合同法》第六十八条：每日不超过四小时，每周累计不超过二十四小时。"),
    ];

    public static async Task<bool> SeedAsync(FormFlowDbContext db, DateTime now, CancellationToken ct = default)
    {
        var city = await db.OrgUnits.SingleOrDefaultAsync(o => o.ParentId == null && o.Name == DemoData.Hierarchy.Name, ct);
        if (city is null) return false;
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        if (await db.QuestionBanks.FirstOrDefaultAsync(b => b.OrgUnitId == city.Id && b.Name == BankName, ct) is { } seeded)
        {
            // A demo database of an earlier release: add the questions it lacks (by their text), nothing else.
            var added = await AddQuestionsAsync(db, seeded.Id, now, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return added > 0;
        }
        var bank = new QuestionBank { OrgUnitId = city.Id, Name = BankName, CreatedAt = now };
        db.QuestionBanks.Add(bank);
        await db.SaveChangesAsync(ct);
        await AddQuestionsAsync(db, bank.Id, now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private static async Task<int> AddQuestionsAsync(FormFlowDbContext db, int bankId, DateTime now, CancellationToken ct)
    {
        var present = (await db.BankQuestions.Where(q => q.BankId == bankId).Select(q => q.Text).ToListAsync(ct)).ToHashSet();
        var added = 0;
        foreach (var input in Questions.Where(q => !present.Contains(q.Text!)))
        {
            var question = QuestionCheck.Check(input).Question ?? throw new InvalidOperationException($"demo question '{input.Text}' does not pass its check");
            question.BankId = bankId;
            question.CreatedAt = now;
            db.BankQuestions.Add(question);
            added++;
        }
        return added;
    }

    /// <summary>The demo worker's proposal for 职工出题, waiting for the demo expert's review; once per database (any proposal there).</summary>
    public static readonly JsonObject Proposal = new()
    {
        ["topic"] = "安全生产", ["difficulty"] = "2", ["questionType"] = "single",
        ["stem"] = "从业人员发现事故隐患或者其他不安全因素，应当立即向谁报告？",
        ["optionA"] = "只告诉身边同事", ["optionB"] = "等下班后再说", ["optionC"] = "现场安全生产管理人员或者本单位负责人", ["optionD"] = "不用报告",
        ["answerChoice"] = "C",
        ["explanation"] = "《安全生产法》第五十九条：从业人员发现事故隐患或者其他不安全因素，应当立即向现场安全生产管理人员或者本单位负责人报告；接到报告的人员应当及时予以处理。",
    };

    /// <summary>Submits <see cref="Proposal"/> as the demo worker when the demo has the 职工出题 service and no proposal yet.</summary>
    public static async Task<bool> ProposeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<FormFlowDbContext>();
        if (await db.Cases.AnyAsync(c => c.ModuleKey == QuestionCollection, ct)) return false;
        var worker = await CurrentAccount.WithRoles(db).AsNoTracking().SingleOrDefaultAsync(a => a.UserName == "worker", ct);
        if (worker is null) return false;
        var service = (await services.GetRequiredService<ServiceDirectory>().VisibleToAsync(db, worker, ct))
            .FirstOrDefault(s => s.Activation.ModuleKey == QuestionCollection);
        if (service is null) return false;
        await services.GetRequiredService<CaseSubmission>().SubmitAsync(worker, service, (JsonObject)Proposal.DeepClone(), null, ct);
        return await db.Cases.AnyAsync(c => c.ModuleKey == QuestionCollection, ct);
    }

    private const string QuestionCollection = "question-collection";

    private static QuestionInput Q(string type, string topic, int difficulty, string text, string[]? options, object answer, string explanation) =>
        new(type, topic, difficulty, text, options?.ToList(), JsonSerializer.SerializeToNode(answer), explanation);
}
