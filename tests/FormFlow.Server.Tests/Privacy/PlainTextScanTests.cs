using FormFlow.Server.Tests.Fixtures;

namespace FormFlow.Server.Tests.Privacy;

/// <summary>
/// The scan of <see cref="PersonalDataAtRestTests"/> can fail: with the name's PII class removed from the join form,
/// the same flow leaves the name in plain text and the scan names where.
/// </summary>
public abstract class PlainTextScanTests(UnclassifiedNameServer server)
{
    [Fact]
    public async Task A_name_that_lost_its_pii_class_is_found_in_plain_text_in_the_case_row()
    {
        await PersonalDataFlow.RunAsync(server);

        var found = await PlainTextScan.DatabaseAsync(server.Database, PersonalDataFlow.PersonalValues);
        Assert.Contains($"Cases.Data: {PersonalDataFlow.Name}", found);
        Assert.Contains($"Cases.Instance: {PersonalDataFlow.Name}", found);
        // Only the name: the fields that kept their class are still sealed.
        Assert.All(found, place => Assert.EndsWith(PersonalDataFlow.Name, place));
    }

    [Fact]
    public void Json_escapes_are_undone_however_deeply_the_text_was_escaped() =>
        Assert.Equal("{\"name\":\"李晓红\",\"inner\":\"{\\\"n\\\":\\\"李\\\"}\"}",
            PlainTextScan.Unescaped("{\"name\":\"\\u674E\\u6653\\u7EA2\",\"inner\":\"{\\\"n\\\":\\\"\\\\u674E\\\"}\"}"));
}

public sealed class SqlitePlainTextScanTests(SqliteUnclassifiedNameServer server) : PlainTextScanTests(server), IClassFixture<SqliteUnclassifiedNameServer>;

public sealed class PostgresPlainTextScanTests(PostgresUnclassifiedNameServer server) : PlainTextScanTests(server), IClassFixture<PostgresUnclassifiedNameServer>;
