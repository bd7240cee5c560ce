using System.Security.Cryptography;
using FormFlow.Persistence;
using FormFlow.Persistence.Registration;
using FormFlow.Server.Deliveries;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Registration;

/// <summary>
/// One-time sign-up codes: six digits sent by SMS (the log channel in the demo), stored hashed, good for
/// <see cref="Lifetime"/> and <see cref="MaxTries"/> tries; only a number's newest code counts. A number gets a new code
/// at most every <see cref="ResendAfter"/> and <see cref="MaxPerHour"/> an hour (the client address is limited by
/// <c>RateLimits.RegistrationCodes</c>).
/// </summary>
internal sealed class RegistrationCodes(FormFlowDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(60);
    public const int MaxTries = 5, MaxPerHour = 5;
    private static readonly PasswordHasher<RegistrationCode> Hasher = new();

    /// <summary>Why a code was not sent now and when to ask again, or null when it was queued.</summary>
    public sealed record Refusal(string Reason, TimeSpan RetryAfter);

    public async Task<Refusal?> SendAsync(string mobile, int? orgUnitId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var recent = await db.RegistrationCodes.Where(c => c.Mobile == mobile && c.CreatedAt > now.AddHours(-1)).Select(c => c.CreatedAt).ToListAsync(ct);
        if (recent.Count > 0 && recent.Max() > now - ResendAfter)
            return new Refusal($"a code was sent to this number less than {ResendAfter.TotalSeconds:0} seconds ago", recent.Max() + ResendAfter - now);
        if (recent.Count >= MaxPerHour)
            return new Refusal($"at most {MaxPerHour} codes an hour go to one number", recent.Min().AddHours(1) - now);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
        var row = new RegistrationCode { Mobile = mobile, CodeHash = "", CreatedAt = now, ExpiresAt = now + Lifetime };
        row.CodeHash = Hasher.HashPassword(row, code);
        db.RegistrationCodes.Add(row);
        await Outgoing.QueueAsync(db, ChannelSettings.Sms, mobile, null, orgUnitId, "registrationCode", "注册验证码",
            $"您的注册验证码是 {code}，{Lifetime.TotalMinutes:0} 分钟内有效。如非本人操作，请忽略本短信。", now, ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// Checks a code against the number's newest one, counting the try first (so the sixth try is refused even with
    /// the right code). The caller marks it used (<see cref="Spend"/>) in the transaction that registers the account.
    /// </summary>
    public async Task<(RegistrationCode? Code, string? Refused)> CheckAsync(string mobile, string code, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var newest = await db.RegistrationCodes.Where(c => c.Mobile == mobile).OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (newest is null || newest.UsedAt is not null) return (null, "no code was sent to this number; ask for one");
        if (newest.ExpiresAt <= now) return (null, $"the code expired ({Lifetime.TotalMinutes:0} minutes); ask for a new one");
        // Counted atomically, so concurrent guesses cannot share a try.
        var counted = await db.RegistrationCodes.Where(c => c.Id == newest.Id && c.Tries < MaxTries)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Tries, c => c.Tries + 1), ct);
        if (counted == 0) return (null, $"the code was tried {MaxTries} times; ask for a new one");
        var verdict = Hasher.VerifyHashedPassword(newest, newest.CodeHash, code);
        return verdict == PasswordVerificationResult.Failed ? (null, "the code is wrong") : (newest, null);
    }

    public void Spend(RegistrationCode code) => code.UsedAt = clock.GetUtcNow().UtcDateTime;
}
