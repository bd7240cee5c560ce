using FormFlow.Persistence.Cases;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>Cases in 西湖区, where no demo worker lives, for tests of district scoping.</summary>
public static class XihuCases
{
    /// <summary>A copy of a stored case moved to 西湖区实验小学工会, saved through the context (so its figures follow).</summary>
    public static async Task AddAsync(ServerFixture server, long likeId, string numberTag)
    {
        await using var db = server.OpenDb();
        var school = await db.OrgUnits.Where(o => o.Name == "西湖区实验小学工会").Select(o => o.Id).SingleAsync();
        await AddAtAsync(server, likeId, school, $"FF-2026-{numberTag}{likeId}");
    }

    /// <summary>A copy of a stored case registered at <paramref name="orgUnitId"/> under <paramref name="number"/>, saved through the context.</summary>
    public static async Task AddAtAsync(ServerFixture server, long likeId, int orgUnitId, string number)
    {
        await using var db = server.OpenDb();
        var like = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == likeId);
        db.Cases.Add(new Case
        {
            Number = number, ServiceActivationId = like.ServiceActivationId, SnapshotHash = like.SnapshotHash, ModuleKey = like.ModuleKey,
            ApplicantAccountId = like.ApplicantAccountId, OrgUnitId = orgUnitId, Status = CaseStatuses.Running, Data = like.Data, Instance = like.Instance,
            CreatedAt = like.CreatedAt, UpdatedAt = like.UpdatedAt,
        });
        await db.SaveChangesAsync();
    }
}
