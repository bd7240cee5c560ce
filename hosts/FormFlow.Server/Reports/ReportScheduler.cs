using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Files;
using FormFlow.Persistence.Notifications;
using FormFlow.Persistence.Reports;
using FormFlow.Persistence.Statistics;
using FormFlow.Server.Dispatch;
using FormFlow.Server.Shared;
using FormFlow.Server.Statistics;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Reports;

/// <summary>
/// Sends scheduled reports when they are due. No channel carries a file (SMS and WeChat carry text), so each due
/// report is built as Excel by its owner's scope at that moment, stored as a file only its owner (and staff above
/// them) may download (<c>/api/files/{id}</c>, signed-in and authorised like every upload), and announced by a Portal
/// notification with the link. The state is the report's <see cref="SavedReport.NextDueAt"/>, so a restart picks up
/// what is due; a report due several times while the server was down is sent once, for its latest due time. The file,
/// the notification and the next due time are one transaction, and the notification's key (report and due time) is
/// unique: when two servers send the same due report, the second fails whole, so it is sent exactly once.
/// </summary>
internal sealed class ReportScheduler(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<ReportScheduler> log)
    : PollingService(config, log)
{
    private const int Batch = 10;
    public const string Template = "scheduledReport";

    public override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = await scope.ServiceProvider.GetRequiredService<FormFlowDbContext>().SavedReports.AsNoTracking()
                .Where(r => r.NextDueAt != null && r.NextDueAt <= now).OrderBy(r => r.NextDueAt).ThenBy(r => r.Id).Select(r => r.Id).Take(Batch).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            try
            {
                if (await SendAsync(id, now, ct)) sent++;
            }
            catch (DbUpdateException ex)
            {
                log.LogInformation(ex, "Scheduled report {Report} was sent by another server meanwhile", id);
            }
        }
        return sent;
    }

    private async Task<bool> SendAsync(long id, DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormFlowDbContext>();
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var report = await db.SavedReports.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report?.NextDueAt is not { } dueAt || dueAt > now) return false;
        var owner = await CurrentAccount.WithRoles(db).SingleAsync(a => a.Id == report.OwnerAccountId, ct);
        var (roots, refusal) = await ReportScope.ResolveAsync(db, owner, report.OrgUnitId, narrow: true, ct);
        var table = refusal is null ? (await new ReportTables(db).RunAsync(report, roots, now, ct)).Table : null;
        var key = $"report:{report.Id}:{dueAt:yyyyMMddHHmm}";
        JsonObject data;
        if (table is null)
        {
            // The owner no longer reaches the report's org (or it grew too large): they are told, and nothing is counted.
            data = new JsonObject { ["name"] = report.Name, ["reason"] = refusal?.Detail ?? "the report is too large" };
            Notify(db, report, key, data, Failed, now);
        }
        else
        {
            await using var sheet = await FigureSheets.WriteAsync("报表", ReportTables.Sheet(table), ct);
            var content = new byte[sheet.Length];
            await sheet.ReadExactlyAsync(content, ct);
            var file = new StoredFile
            {
                Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), OwnerAccountId = owner.Id,
                Name = $"{report.Name}-{FigurePeriods.LocalDay(now):yyyyMMdd}.xlsx", ContentType = FigureSheets.ContentType, Size = content.Length,
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)), CreatedAt = now, Content = content,
            };
            db.Files.Add(file);
            data = new JsonObject
            {
                ["name"] = report.Name, ["from"] = table.From, ["to"] = table.To, ["reportId"] = report.Id, ["fileId"] = file.Id, ["url"] = $"/api/files/{file.Id}",
            };
            Notify(db, report, key, data, Ready, now);
        }
        report.NextDueAt = ReportTimes.NextDue(report, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    private static void Notify(FormFlowDbContext db, SavedReport report, string key, JsonObject data, string texts, DateTime now) =>
        db.Notifications.Add(new Notification
        {
            AccountId = report.OwnerAccountId, Channel = "inbox", Recipient = report.OwnerAccountId, Template = Template,
            Data = data.ToJsonString(), Texts = texts, EffectKey = key, CreatedAt = now,
        });

    private const string Ready = """
        {"title":{"zh-CN":"报表已生成：{name}","zh-TW":"報表已生成：{name}","en":"Your report is ready: {name}"},
         "body":{"zh-CN":"“{name}”（{from}至{to}）的 Excel 已生成，请登录后下载：{url}","zh-TW":"「{name}」（{from}至{to}）的 Excel 已生成，請登入後下載：{url}","en":"The Excel of “{name}” ({from} to {to}) is ready; sign in to download it: {url}"}}
        """;

    private const string Failed = """
        {"title":{"zh-CN":"报表未能生成：{name}","zh-TW":"報表未能生成：{name}","en":"Your report could not be built: {name}"},
         "body":{"zh-CN":"定时报表“{name}”未能生成：{reason}","zh-TW":"定時報表「{name}」未能生成：{reason}","en":"The scheduled report “{name}” could not be built: {reason}"}}
        """;
}
