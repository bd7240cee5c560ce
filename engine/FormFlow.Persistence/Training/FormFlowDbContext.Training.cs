using FormFlow.Persistence.Training;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Persistence;

public abstract partial class FormFlowDbContext
{
    public DbSet<QuestionBank> QuestionBanks => Set<QuestionBank>();
    public DbSet<BankQuestion> BankQuestions => Set<BankQuestion>();
    public DbSet<TrainingCourse> TrainingCourses => Set<TrainingCourse>();
    public DbSet<Contest> Contests => Set<Contest>();
    public DbSet<QuizAttempt> QuizAttempts => Set<QuizAttempt>();
    public DbSet<ContestBest> ContestBests => Set<ContestBest>();
    public DbSet<ContestUnionScore> ContestUnionScores => Set<ContestUnionScore>();
    public DbSet<ContestScoreCount> ContestScoreCounts => Set<ContestScoreCount>();
    public DbSet<ContestUnionScoreCount> ContestUnionScoreCounts => Set<ContestUnionScoreCount>();
}
