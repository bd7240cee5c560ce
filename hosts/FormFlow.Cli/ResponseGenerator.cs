using System.Data.Common;
using System.Diagnostics;
using System.Text.Json.Nodes;
using FormFlow.Engine.Forms.Definitions;
using FormFlow.Engine.Forms.Loading;
using FormFlow.Engine.Forms.Runtime;
using FormFlow.Engine.Modules;
using FormFlow.Engine.Modules.Packages;
using FormFlow.Engine.Modules.Resolution;
using FormFlow.Engine.Responses;
using FormFlow.Persistence;
using FormFlow.Persistence.Database;
using FormFlow.Persistence.Modules;
using FormFlow.Persistence.Orgs;
using FormFlow.Persistence.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FormFlow.Cli;

/// <summary>What <see cref="ResponseGenerator"/> left in the database.</summary>
internal sealed record GeneratedResponses(int ServiceId, string ModuleKey, int OrgUnitId, int Orgs, long Answers, int Questions, int Tallies, bool Reused, double Seconds);

/// <summary>
/// Writes a survey service with many answers as the answer path would leave it — a participation row, a response
/// row and the tallies per answer — but in bulk: multi-row inserts in one transaction per chunk, each chunk's
/// tallies counted in memory with <see cref="AnswerBuckets"/> (what the server adds per answer) and added in the
/// same transaction. Not written: the audit row per answer. The org tree (a city with <c>orgs</c> districts) is
/// reused when it exists; a service is keyed by answers, questions and seed, and a finished one is reused as is.
/// </summary>
internal sealed class ResponseGenerator(FormFlowDbContext db, TimeProvider clock)
{
    public const string RootName = "生成数据总工会";
    private const int ChunkAnswers = 20_000;
    private const int Checked = 1_000;

    public async Task<GeneratedResponses> GenerateAsync(long answers, int questions, int orgs, int seed, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await FormFlowDatabase.MigrateAsync(db, ct);
        var (root, units) = await OrgTreeAsync(orgs, ct);
        var key = $"generated-survey-{answers}-q{questions}-s{seed}";
        var snapshot = ChainResolver.Resolve(Package(key, questions), []);
        var form = FormDefinitionLoader.Load(snapshot.Module["forms"]![0]!.AsObject());
        var period = ResponsePolicy.Of(snapshot.Module).PeriodKey(clock.GetUtcNow())
            ?? throw new InvalidOperationException("the generated survey must be answered once per member");

        var live = await db.ServiceActivations.AsNoTracking().SingleOrDefaultAsync(a => a.OrgUnitId == root.Id && a.ModuleKey == key && a.RetiredAt == null, ct);
        if (live is not null)
        {
            var stored = await db.Participations.LongCountAsync(p => p.ServiceActivationId == live.Id, ct);
            if (stored != answers)
                throw new CliException($"service {live.Id} ({key}) holds {stored} of {answers} answers (an interrupted run?): use another --seed or a fresh database");
            var tallies = await db.ResponseTallies.CountAsync(t => t.ServiceActivationId == live.Id, ct);
            return new(live.Id, key, root.Id, units.Count, answers, questions, tallies, true, watch.Elapsed.TotalSeconds);
        }

        var service = await ActivateAsync(snapshot, key, root, ct);
        var random = new Random(seed);
        var runtime = new FormRuntime(form);
        var submitted = clock.GetUtcNow().UtcDateTime;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (long start = 0; start < answers; start += ChunkAnswers)
        {
            var count = (int)Math.Min(ChunkAnswers, answers - start);
            var rows = new List<StoredAnswer>(count);
            for (var i = 0; i < count; i++)
            {
                var data = Answer(form, random);
                if (start + i < Checked && runtime.Process(data, new FormProcessOptions { Mode = FormMode.Submit }) is { Valid: false } refused)
                    throw new InvalidOperationException($"a generated answer fails its form: {string.Join("; ", refused.Errors.Select(e => $"{e.Path}: {e.Message}"))}");
                var org = units[random.Next(units.Count)].Id;
                rows.Add(new StoredAnswer($"generated-{service.Id}-{start + i:D8}", org, data, submitted, period, null));
            }
            await WriteAnswersAsync(db, service, form, rows, ct);
        }
        var total = await db.ResponseTallies.CountAsync(t => t.ServiceActivationId == service.Id, ct);
        return new(service.Id, key, root.Id, units.Count, answers, questions, total, false, watch.Elapsed.TotalSeconds);
    }

    /// <summary>The city named <see cref="RootName"/> with at least <paramref name="orgs"/> districts (the first ones by ID are used).</summary>
    private async Task<(OrgUnit Root, List<OrgUnit> Units)> OrgTreeAsync(int orgs, CancellationToken ct)
    {
        var root = await db.OrgUnits.SingleOrDefaultAsync(o => o.Name == RootName && o.ParentId == null, ct)
            ?? await OrgUnits.CreateAsync(db, RootName, OrgLevel.City, null, ct);
        var units = await db.OrgUnits.Where(o => o.ParentId == root.Id).OrderBy(o => o.Id).Take(orgs).ToListAsync(ct);
        if (units.Count < orgs)
        {
            await using var transaction = await db.BeginWriteTransactionAsync(ct);
            var added = Enumerable.Range(units.Count + 1, orgs - units.Count)
                .Select(n => (Unit: new OrgUnit { Name = $"生成数据第{n}工会", Level = OrgLevel.District }, Parent: root)).ToList();
            await OrgUnits.AddManyAsync(db, added, ct);
            await transaction.CommitAsync(ct);
            units.AddRange(added.Select(a => a.Unit));
        }
        return (root, units);
    }

    private async Task<ServiceActivation> ActivateAsync(Snapshot snapshot, string key, OrgUnit root, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        if (await db.ModuleSnapshots.FindAsync([snapshot.Hash], ct) is null)
            db.ModuleSnapshots.Add(new ModuleSnapshot
            {
                Hash = snapshot.Hash, ModuleKey = key, Version = (string)snapshot.Module["version"]!, OwnerOrgUnitId = root.Id,
                Content = snapshot.Module.ToJsonString(), Provenance = snapshot.Provenance.ToJsonString(), CreatedAt = now,
            });
        var service = new ServiceActivation { ModuleKey = key, OrgUnitId = root.Id, SnapshotHash = snapshot.Hash, ActivatedAt = now, ActivatedBy = "formflow responses generate" };
        db.ServiceActivations.Add(service);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return service;
    }

    /// <summary>An answer to store: who, at which union, the data as the forms engine returned it, when, its period key, and its pile when the ballot is secret.</summary>
    public sealed record StoredAnswer(string AccountId, int OrgUnitId, JsonObject Data, DateTime At, string PeriodKey, string? Pile);

    /// <summary>
    /// One chunk's participations, responses (or, for secret ballots, the piles' counts) and tally additions in one
    /// transaction, as each answer's own transaction would leave them (the tallies counted in memory with
    /// <see cref="AnswerBuckets"/>, what the server adds per answer). The piles must exist already. Returns the tally rows added to.
    /// </summary>
    public static async Task<int> WriteAnswersAsync(FormFlowDbContext db, ServiceActivation service, FormDefinition form, IReadOnlyList<StoredAnswer> rows, CancellationToken ct)
    {
        var counts = new Dictionary<(int Org, string Field, string Bucket), (long Count, double Sum)>();
        foreach (var row in rows)
            foreach (var bucket in row.Pile is null ? AnswerBuckets.Of(form, row.Data) : [new AnswerBucket(AnswerBuckets.Answers, AnswerBuckets.Answers, 0)])
            {
                counts.TryGetValue((row.OrgUnitId, bucket.Field, bucket.Bucket), out var c);
                counts[(row.OrgUnitId, bucket.Field, bucket.Bucket)] = (c.Count + 1, c.Sum + bucket.Sum);
            }
        var connection = db.Database.GetDbConnection();
        await using var transaction = await db.BeginWriteTransactionAsync(ct);
        var dbTransaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var rowsPerInsert = MultiRowStatements.Rows(db.Database, onPostgres: 500);
        foreach (var chunk in rows.Chunk(rowsPerInsert))
        {
            await InsertAsync(connection, dbTransaction, """INSERT INTO "Participations" ("ServiceActivationId", "AccountId", "PeriodKey", "OrgUnitId") VALUES """,
                chunk.Select(r => new object[] { service.Id, r.AccountId, r.PeriodKey, r.OrgUnitId }), ct);
            var named = chunk.Where(r => r.Pile is null).ToList();
            if (named.Count > 0)
                await InsertAsync(connection, dbTransaction,
                    """INSERT INTO "Responses" ("ServiceActivationId", "AccountId", "OrgUnitId", "SnapshotHash", "Data", "SubmittedAt") VALUES """,
                    named.Select(r => new object[] { service.Id, r.AccountId, r.OrgUnitId, service.SnapshotHash, r.Data.ToJsonString(), r.At }), ct);
        }
        foreach (var pile in rows.Where(r => r.Pile is not null).GroupBy(r => r.Pile!).OrderBy(g => g.Key, StringComparer.Ordinal))
            await db.Database.ExecuteSqlRawAsync("""UPDATE "BallotPiles" SET "Count" = "Count" + {2} WHERE "ServiceActivationId" = {0} AND "Answer" = {1}""",
                [service.Id, pile.Key, pile.Count()], ct);
        // Sorted as the server sorts an answer's buckets, so a concurrent real answer locks rows in the same order.
        var ordered = counts.OrderBy(c => c.Key.Org).ThenBy(c => c.Key.Field, StringComparer.Ordinal).ThenBy(c => c.Key.Bucket, StringComparer.Ordinal);
        foreach (var chunk in ordered.Chunk(rowsPerInsert))
            await InsertAsync(connection, dbTransaction, """INSERT INTO "ResponseTallies" ("ServiceActivationId", "OrgUnitId", "Field", "Bucket", "Count", "Sum") VALUES """,
                chunk.Select(c => new object[] { service.Id, c.Key.Org, c.Key.Field, c.Key.Bucket, c.Value.Count, c.Value.Sum }), ct,
                """ ON CONFLICT ("ServiceActivationId", "OrgUnitId", "Field", "Bucket") DO UPDATE SET "Count" = "ResponseTallies"."Count" + excluded."Count", "Sum" = "ResponseTallies"."Sum" + excluded."Sum" """);
        await transaction.CommitAsync(ct);
        return counts.Count;
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string insert, IEnumerable<object[]> rows, CancellationToken ct, string tail = "")
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new System.Text.StringBuilder(insert);
        var n = 0;
        foreach (var row in rows)
        {
            text.Append(n == 0 ? "(" : ", (");
            for (var i = 0; i < row.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + n;
                parameter.Value = row[i];
                command.Parameters.Add(parameter);
                text.Append(i == 0 ? "" : ", ").Append("@p").Append(n++);
            }
            text.Append(')');
        }
        command.CommandText = text.Append(tail).ToString();
        await command.ExecuteNonQueryAsync(ct);
    }

    private static readonly string[] Kinds = [FieldTypes.Choice, FieldTypes.MultiChoice, FieldTypes.Rating, FieldTypes.Number, FieldTypes.Boolean, FieldTypes.Text];
    private static readonly string[] Phrases = ["希望增加夜班职工的健康体检", "食堂饭菜可以更丰富", "建议开设技能培训夜校", "希望多组织文体活动", "子女暑期托管很需要", "加班费计算希望更透明"];

    /// <summary>A valid answer: every question answered except some optional numbers, yes/no and texts left empty.</summary>
    public static JsonObject Answer(FormDefinition form, Random random)
    {
        var data = new JsonObject();
        foreach (var field in form.DataFields())
        {
            var key = field.Key!;
            switch (field.Type)
            {
                case FieldTypes.Choice:
                    data[key] = field.Options![random.Next(field.Options.Count)].Value;
                    break;
                case FieldTypes.MultiChoice:
                    var most = Math.Min(field.MaxItems ?? 3, field.Options!.Count);
                    var least = Math.Min(Math.Max(1, field.MinItems ?? 1), most);
                    data[key] = new JsonArray(field.Options!.Select(o => o.Value).OrderBy(_ => random.Next()).Take(least + random.Next(most - least + 1)).Select(v => (JsonNode)v).ToArray());
                    break;
                case FieldTypes.Rating:
                    data[key] = 1 + random.Next(field.Scale ?? 5);
                    break;
                case FieldTypes.Number when random.Next(10) > 0:
                    data[key] = random.Next(61);
                    break;
                case FieldTypes.Boolean when random.Next(10) > 0:
                    data[key] = random.Next(2) == 1;
                    break;
                case FieldTypes.Text when random.Next(4) == 0:
                    data[key] = Phrases[random.Next(Phrases.Length)];
                    break;
            }
        }
        return data;
    }

    /// <summary>A survey package with <paramref name="questions"/> questions cycling through the tallied kinds and text, answered once per member.</summary>
    public static JsonObject Package(string key, int questions)
    {
        var fields = new JsonArray();
        for (var q = 1; q <= questions; q++)
        {
            var kind = Kinds[(q - 1) % Kinds.Length];
            var id = $"q{q:D2}";
            var field = new JsonObject { ["id"] = id, ["key"] = id, ["type"] = kind, ["label"] = new JsonObject { ["zh-CN"] = $"第{q}题", ["en"] = $"Question {q}" } };
            switch (kind)
            {
                case FieldTypes.Choice:
                    field["required"] = true;
                    field["options"] = Options(5);
                    break;
                case FieldTypes.MultiChoice:
                    field["required"] = true;
                    field["minItems"] = 1;
                    field["maxItems"] = 3;
                    field["options"] = Options(6);
                    break;
                case FieldTypes.Rating:
                    field["required"] = true;
                    field["scale"] = 5;
                    break;
                case FieldTypes.Number:
                    field["min"] = 0;
                    field["max"] = 60;
                    break;
                case FieldTypes.Text:
                    field["maxLength"] = 200;
                    break;
            }
            fields.Add(field);
        }
        var form = new JsonObject
        {
            ["id"] = "questions", ["version"] = "1.0.0", ["title"] = new JsonObject { ["zh-CN"] = "生成的问卷", ["en"] = "Generated survey" },
            ["pages"] = new JsonArray(new JsonObject { ["id"] = "page", ["sections"] = new JsonArray(new JsonObject { ["id"] = "questionsSection", ["fields"] = fields }) }),
        };
        var workflow = JsonNode.Parse("""
            {"id": "generated-answers", "version": 1, "name": "answers take no workflow",
             "activities": [{"id": "start", "type": "start", "inputs": {"trigger": "formSubmission", "formId": "questions"}}, {"id": "end", "type": "end"}],
             "connections": [{"source": "start", "target": "end"}]}
            """)!;
        var module = new JsonObject
        {
            ["id"] = key, ["name"] = new JsonObject { ["zh-CN"] = "生成的问卷", ["en"] = "Generated survey" }, ["category"] = "participation",
            ["ownerLevel"] = "city", ["owner"] = new JsonObject { ["id"] = "generated", ["name"] = RootName }, ["version"] = "1.0.0",
            ["submissions"] = "responses",
            ["settings"] = new JsonObject { ["responseLimit"] = new JsonObject { ["value"] = "once" }, ["responseAnonymity"] = new JsonObject { ["value"] = "named" } },
            ["forms"] = new JsonArray(form), ["workflow"] = workflow, ["locks"] = new JsonArray(),
        };
        return ModulePackageLoader.FromDocument(module, new OrgRef("generated", RootName, "city"));
    }

    private static JsonArray Options(int n) => new(Enumerable.Range(1, n)
        .Select(i => (JsonNode)new JsonObject { ["value"] = $"o{i}", ["label"] = new JsonObject { ["zh-CN"] = $"选项{i}", ["en"] = $"Option {i}" } }).ToArray());
}
