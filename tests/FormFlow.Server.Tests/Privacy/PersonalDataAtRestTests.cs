using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Privacy;

/// <summary>
/// After a whole join flow, no personal value of the applicant is readable in plain text anywhere in the database
/// (every column of every table, JSON escapes undone) or in the logs (down to Debug, SQL included).
/// </summary>
public abstract class PersonalDataAtRestTests(LoggedCaseServer server)
{
    [Fact]
    public async Task After_draft_submission_review_card_notification_and_export_no_table_or_log_holds_a_personal_value_in_plain_text()
    {
        await PersonalDataFlow.RunAsync(server);

        var inDatabase = await PlainTextScan.DatabaseAsync(server.Database, PersonalDataFlow.PersonalValues);
        Assert.True(inDatabase.Count == 0, "personal values in plain text: " + string.Join(", ", inDatabase));
        var inLogs = PlainTextScan.Logs(server.Logs.Entries, PersonalDataFlow.PersonalValues);
        Assert.True(inLogs.Count == 0, "personal values in the logs: " + string.Join("\n", inLogs.Take(5)));
    }
}

public sealed class SqlitePersonalDataAtRestTests(SqliteLoggedCaseServer server) : PersonalDataAtRestTests(server), IClassFixture<SqliteLoggedCaseServer>;

public sealed class PostgresPersonalDataAtRestTests(PostgresLoggedCaseServer server) : PersonalDataAtRestTests(server), IClassFixture<PostgresLoggedCaseServer>;
