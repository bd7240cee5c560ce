using System.Text.Json;
using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Accounts;
using FormFlow.Persistence.Training;
using FormFlow.Server.Shared;
using FormFlow.Server.Training;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Demo;

/// <summary>
/// The demo contest's living leaderboard: a score of workers across the demo's grassroots unions, each with one scored
/// attempt, so a new worker sees a ranking and their union's rank after their first attempt. Each attempt is started
/// by <see cref="Contests.StartAsync"/> (the real draw), answered with the answers stored as the answer endpoint stores
/// them, and finished by <see cref="Attempts.FinishAsync"/> (the real scoring, best score and union figures). Once per
/// database (the first contestant's account); a demo database of an earlier release gets them at its next start.
/// </summary>
internal static class DemoContestants
{
    /// <summary>User name, display name, grassroots union, questions answered rightly (of ten), seconds used.</summary>
    public sealed record Contestant(string UserName, string DisplayName, string Union, int Right, int Seconds);

    public static readonly IReadOnlyList<Contestant> People =
    [
        new("contestant-01", "王建国", "华兴电子有限公司工会", 10, 312),
        new("contestant-02", "李秀英", "华兴电子有限公司工会", 9, 254),
        new("contestant-03", "张志强", "华兴电子有限公司工会", 7, 401),
        new("contestant-04", "刘芳", "华兴电子有限公司工会", 6, 455),
        new("contestant-05", "陈明", "华兴电子有限公司工会", 8, 288),
        new("contestant-06", "杨丽娟", "某市第一人民医院工会", 10, 276),
        new("contestant-07", "赵海涛", "某市第一人民医院工会", 8, 342),
        new("contestant-08", "黄晓燕", "某市第一人民医院工会", 9, 367),
        new("contestant-09", "周杰", "某市第一人民医院工会", 5, 520),
        new("contestant-10", "吴磊", "顺达物流有限公司工会", 9, 301),
        new("contestant-11", "徐婷", "顺达物流有限公司工会", 7, 389),
        new("contestant-12", "孙国庆", "顺达物流有限公司工会", 6, 433),
        new("contestant-13", "胡晓东", "顺达物流有限公司工会", 8, 298),
        new("contestant-14", "朱红梅", "顺达物流有限公司工会", 4, 560),
        new("contestant-15", "高峰", "西湖区实验小学工会", 9, 281),
        new("contestant-16", "林小雨", "西湖区实验小学工会", 10, 345),
        new("contestant-17", "何静", "西湖区实验小学工会", 7, 412),
        new("contestant-18", "郭伟", "西湖区实验小学工会", 8, 376),
    ];

    public static async Task<bool> SeedAsync(IServiceProvider services, string password, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<FormFlowDbContext>();
        if (await db.Users.AnyAsync(a => a.UserName == People[0].UserName, ct)) return false;
        var contest = await db.Contests.AsNoTracking().FirstOrDefaultAsync(c => c.Title == DemoTraining.ContestTitle, ct);
        if (contest is null) return false;
        var org = await db.OrgUnits.AsNoTracking().SingleAsync(o => o.Id == contest.OrgUnitId, ct);
        var unions = await db.OrgUnits.Where(o => People.Select(p => p.Union).Contains(o.Name)).ToDictionaryAsync(o => o.Name, o => o.Id, ct);
        if (unions.Count < People.Select(p => p.Union).Distinct().Count()) return false;

        var users = services.GetRequiredService<UserManager<Account>>();
        var hash = DemoData.PasswordHash(users.PasswordHasher, password);
        await using (var transaction = await db.BeginWriteTransactionAsync(ct))
        {
            foreach (var person in People)
            {
                var account = new Account { UserName = person.UserName, DisplayName = person.DisplayName };
                account.PasswordHash = hash;
                var created = await users.CreateAsync(account);
                if (!created.Succeeded) throw new InvalidOperationException($"demo contestant {person.UserName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
                db.RoleAssignments.Add(new RoleAssignment { AccountId = account.Id, Role = Roles.Worker, OrgUnitId = unions[person.Union] });
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        var contests = services.GetRequiredService<Contests>();
        var attempts = services.GetRequiredService<Attempts>();
        var names = People.Select(p => p.UserName).ToList();
        var accounts = await CurrentAccount.WithRoles(db).AsNoTracking().Where(a => names.Contains(a.UserName!)).ToDictionaryAsync(a => a.UserName!, ct);
        foreach (var person in People)
        {
            var started = await contests.StartAsync(accounts[person.UserName], contest, org, ct);
            if (started.Value is not { } attempt) return false;     // the window has closed: no attempts to seed
            await AnswerAsync(db, attempt, person.Right, ct);
            attempt.StartedAt = attempt.StartedAt.AddSeconds(-person.Seconds);
            attempt.Deadline = attempt.Deadline?.AddSeconds(-person.Seconds);
            await attempts.FinishAsync(attempt, ct);
        }
        return true;
    }

    /// <summary>Stores an answer to every drawn question as <see cref="Attempts.AnswerAsync"/> would: the key for the first <paramref name="right"/>, a well-formed wrong answer after.</summary>
    private static async Task AnswerAsync(FormFlowDbContext db, QuizAttempt attempt, int right, CancellationToken ct)
    {
        var ids = JsonSerializer.Deserialize<List<long>>(attempt.QuestionIds)!;
        var questions = await db.BankQuestions.AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        var answers = new JsonObject();
        for (var i = 0; i < ids.Count; i++)
        {
            var q = questions[ids[i]];
            answers[q.Id.ToString()] = i < right ? Right(q) : Wrong(q);
            attempt.Version++;
        }
        attempt.Answers = answers.ToJsonString();
    }

    private static JsonNode Right(BankQuestion q) =>
        q.Type == QuestionTypes.FillIn ? QuestionKeys.Key(q)[0]!.DeepClone() : QuestionKeys.Key(q);

    private static JsonNode Wrong(BankQuestion q)
    {
        var key = QuestionKeys.Key(q);
        return q.Type switch
        {
            QuestionTypes.FillIn => "不知道",
            QuestionTypes.TrueFalse => (string?)key == "true" ? "false" : "true",
            QuestionTypes.Multiple => new JsonArray(QuestionKeys.Options(q).Select(o => o.Value).First(v => !key.AsArray().Any(k => (string?)k == v))),
            _ => QuestionKeys.Options(q).Select(o => o.Value).First(v => v != (string?)key),
        };
    }
}
