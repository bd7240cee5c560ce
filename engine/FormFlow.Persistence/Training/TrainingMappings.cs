using FormFlow.Persistence.Database;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace FormFlow.Persistence.Training;

public sealed class QuestionBankConfiguration : IEntityTypeConfiguration<QuestionBank>
{
    public void Configure(EntityTypeBuilder<QuestionBank> b)
    {
        b.ToTable("QuestionBanks");
        b.Property(q => q.Name).HasMaxLength(200);
        b.Property(q => q.CreatedAt).HasConversion(UtcDateTimes.Converter);
        b.HasIndex(q => q.OrgUnitId);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(q => q.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class BankQuestionConfiguration : IEntityTypeConfiguration<BankQuestion>
{
    public void Configure(EntityTypeBuilder<BankQuestion> b)
    {
        b.ToTable("BankQuestions");
        b.Property(q => q.Type).HasMaxLength(16);
        b.Property(q => q.Topic).HasMaxLength(100);
        b.Property(q => q.Text).HasMaxLength(2000);
        b.Property(q => q.Explanation).HasMaxLength(4000);
        b.Property(q => q.ImageFileId).HasMaxLength(100);
        b.Property(q => q.CreatedAt).HasConversion(UtcDateTimes.Converter);
        b.Property(q => q.IdempotencyKey).HasMaxLength(200);
        b.HasIndex(q => q.IdempotencyKey).IsUnique();
        b.Property(q => q.ProposedByAccountId).HasMaxLength(450);
        // A level draws by bank, topic and difficulty.
        b.HasIndex(q => new { q.BankId, q.Topic, q.Difficulty });
        b.HasOne(q => q.Bank).WithMany().HasForeignKey(q => q.BankId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TrainingCourseConfiguration : IEntityTypeConfiguration<TrainingCourse>
{
    public void Configure(EntityTypeBuilder<TrainingCourse> b)
    {
        b.ToTable("TrainingCourses");
        b.Property(t => t.Title).HasMaxLength(200);
        b.Property(t => t.BankName).HasMaxLength(200);
        b.Property(t => t.ModuleKey).HasMaxLength(100);
        // One training per module service at an org (NULLs — trainings made by hand — are distinct on both databases).
        b.HasIndex(t => new { t.OrgUnitId, t.ModuleKey }).IsUnique();
        b.Property(t => t.CreatedAt).HasConversion(UtcDateTimes.Converter);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ContestConfiguration : IEntityTypeConfiguration<Contest>
{
    public void Configure(EntityTypeBuilder<Contest> b)
    {
        b.ToTable("Contests");
        b.Property(c => c.Title).HasMaxLength(200);
        b.Property(c => c.Topic).HasMaxLength(100);
        b.Property(c => c.BankName).HasMaxLength(200);
        b.Property(c => c.ModuleKey).HasMaxLength(100);
        b.HasIndex(c => new { c.OrgUnitId, c.ModuleKey }).IsUnique();
        b.Property(c => c.OpensAt).HasConversion(UtcDateTimes.Converter);
        b.Property(c => c.ClosesAt).HasConversion(UtcDateTimes.Converter);
        b.Property(c => c.CreatedAt).HasConversion(UtcDateTimes.Converter);
        b.Property(c => c.SettledAt).HasConversion(UtcDateTimes.NullableConverter);
        // The settling job looks for closed contests not yet settled.
        b.HasIndex(c => new { c.SettledAt, c.ClosesAt });
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuizAttempt> b)
    {
        b.ToTable("QuizAttempts");
        b.Property(a => a.StartedAt).HasConversion(UtcDateTimes.Converter);
        b.Property(a => a.Deadline).HasConversion(UtcDateTimes.NullableConverter);
        b.Property(a => a.FinishedAt).HasConversion(UtcDateTimes.NullableConverter);
        b.Property(a => a.Version).IsConcurrencyToken();
        // One open contest attempt per person: the second start's insert fails on this index.
        b.HasIndex(a => a.OpenFor).IsUnique();
        b.HasIndex(a => new { a.AccountId, a.TrainingId, a.Level });
        b.HasIndex(a => new { a.ContestId, a.AccountId });
        b.HasOne<Account>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ContestBestConfiguration : IEntityTypeConfiguration<ContestBest>
{
    public void Configure(EntityTypeBuilder<ContestBest> b)
    {
        b.ToTable("ContestBests");
        b.HasKey(x => new { x.ContestId, x.AccountId });
        b.Property(x => x.AchievedAt).HasConversion(UtcDateTimes.Converter);
        // The leaderboard reads this order.
        b.HasIndex(x => new { x.ContestId, x.Score, x.TimeUsedMs }).IsDescending(false, true, false);
        b.HasIndex(x => new { x.ContestId, x.OrgUnitId });
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ContestUnionScoreConfiguration : IEntityTypeConfiguration<ContestUnionScore>
{
    public void Configure(EntityTypeBuilder<ContestUnionScore> b)
    {
        b.ToTable("ContestUnionScores");
        b.HasKey(x => new { x.ContestId, x.OrgUnitId });
        b.HasOne<Contest>().WithMany().HasForeignKey(x => x.ContestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ContestScoreCountConfiguration : IEntityTypeConfiguration<ContestScoreCount>
{
    public void Configure(EntityTypeBuilder<ContestScoreCount> b)
    {
        b.ToTable("ContestScoreCounts");
        b.HasKey(x => new { x.ContestId, x.Score });
        b.HasOne<Contest>().WithMany().HasForeignKey(x => x.ContestId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ContestUnionScoreCountConfiguration : IEntityTypeConfiguration<ContestUnionScoreCount>
{
    public void Configure(EntityTypeBuilder<ContestUnionScoreCount> b)
    {
        b.ToTable("ContestUnionScoreCounts");
        b.HasKey(x => new { x.ContestId, x.OrgUnitId, x.Score });
        b.HasOne<Contest>().WithMany().HasForeignKey(x => x.ContestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
