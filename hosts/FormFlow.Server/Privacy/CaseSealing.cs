using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using FormFlow.Persistence;
using FormFlow.Persistence.Cases;
using FormFlow.Server.Snapshots;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace FormFlow.Server.Privacy;

/// <summary>
/// Personal data at rest: a case's form data and workflow instance are stored with every personal value encrypted
/// (<see cref="PiiProtector"/>, by the PII class of the snapshot's form fields) and are plain only in memory. On save
/// the case's personal values are encrypted in <c>Data</c>, and every copy of them inside the instance JSON (its
/// input, variables, outbox payloads) too; after the save the entity holds plain values again. On load every
/// encrypted value is decrypted, so the workflow, the dispatcher and readers see plain data and mask it themselves.
/// Effects (<see cref="EffectSealing"/>) and drafts (<see cref="DraftSealing"/>) are sealed here too, on the same save.
/// </summary>
/// <remarks>
/// One shared instance: EF Core builds an internal service provider per distinct interceptor instance, so the host's
/// services (protector, snapshot catalogue) are taken from the context's application services on each call.
/// </remarks>
internal sealed class CaseSealing : SaveChangesInterceptor, IMaterializationInterceptor
{
    public static readonly CaseSealing Instance = new();
    private CaseSealing() { }

    private static IServiceProvider HostServices(DbContext context) =>
        context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider
        ?? throw new InvalidOperationException("the database context was not created by the host's services");

    private readonly ConditionalWeakTable<Case, Plain> _plain = new();
    private sealed record Plain(string Data, string Instance);

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        if (entity is Case c)
        {
            var pii = HostServices(materializationData.Context).GetRequiredService<PiiProtector>();
            c.Data = Open(pii, c.Data);
            c.Instance = Open(pii, c.Instance);
        }
        return entity;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context is FormFlowDbContext db) await SealAsync(db, ct);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is FormFlowDbContext db) SealAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        Restore(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Restore(eventData.Context);
        return result;
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default)
    {
        Restore(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Restore(eventData.Context);

    private async Task SealAsync(FormFlowDbContext db, CancellationToken ct)
    {
        var pii = HostServices(db).GetRequiredService<PiiProtector>();
        var snapshots = HostServices(db).GetRequiredService<SnapshotCatalog>();
        db.ChangeTracker.DetectChanges();
        EffectSealing.Seal(db, pii);
        DraftSealing.Seal(db, pii);
        FileNameSealing.Seal(db, pii);
        foreach (var entry in db.ChangeTracker.Entries<Case>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
        {
            var c = entry.Entity;
            // A case loaded (decrypted) and saved for another reason: its stored values still hold, write nothing new.
            if (entry.State == EntityState.Modified) { Unchanged(pii, entry.Property(x => x.Data)); Unchanged(pii, entry.Property(x => x.Instance)); }
            if (entry.State == EntityState.Modified && !entry.Property(x => x.Data).IsModified && !entry.Property(x => x.Instance).IsModified) continue;
            var snapshot = await snapshots.RequireAsync(db, c.SnapshotHash, ct);
            // No form of the snapshot has a personal field or a file: there is nothing to encrypt (sealing would copy the JSON unchanged).
            if (!HasPersonalFields(snapshot)) continue;
            _plain.AddOrUpdate(c, new Plain(c.Data, c.Instance));
            (c.Data, c.Instance) = Seal(pii, snapshot, c.Data, c.Instance);
        }
    }

    private static bool HasPersonalFields(LoadedSnapshot snapshot) =>
        PersonalSnapshots.GetOrAdd(snapshot.Hash, _ => snapshot.Forms.Values.Append(snapshot.StartForm)
        .Any(f => PiiProtector.Fields(f.Definition).Count > 0 || FileNameSealing.HasFileFields(f.Definition)));

    /// <summary>Snapshot hash → whether any of its forms has a personal field or a file field (a snapshot never changes).</summary>
    private static readonly ConcurrentDictionary<string, bool> PersonalSnapshots = new(StringComparer.Ordinal);

    private static void Unchanged(PiiProtector pii, PropertyEntry<Case, string> property)
    {
        if (property.IsModified && property.OriginalValue is { } stored && Open(pii, stored) == property.CurrentValue)
        {
            property.OriginalValue = property.CurrentValue;
            property.IsModified = false;
        }
    }

    private static (string Data, string Instance) Seal(PiiProtector pii, LoadedSnapshot snapshot, string dataJson, string instanceJson)
    {
        if (JsonNode.Parse(dataJson) is not JsonObject data) return (dataJson, instanceJson);
        var sealedData = data;
        foreach (var form in snapshot.Forms.Values.Append(snapshot.StartForm).Distinct())
            sealedData = FileNameSealing.SealNames(pii, form.Definition, pii.Protect(form.Definition, sealedData));
        // Each personal value's plain text → its encrypted form, to seal the copies the instance holds.
        var copies = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        Collect(data, sealedData, copies);
        var instance = JsonNode.Parse(instanceJson);
        return (sealedData.ToJsonString(), copies.Count == 0 || instance is null ? instanceJson : Replace(instance, copies)!.ToJsonString());
    }

    private static void Collect(JsonNode? plain, JsonNode? sealedNode, Dictionary<string, JsonNode> copies)
    {
        switch (plain, sealedNode)
        {
            case (JsonObject p, JsonObject s):
                foreach (var (key, value) in p) Collect(value, s[key], copies);
                break;
            case (JsonArray p, JsonArray s):
                for (var i = 0; i < p.Count && i < s.Count; i++) Collect(p[i], s[i], copies);
                break;
            case (JsonValue p, JsonValue s) when p.TryGetValue<string>(out var text) && text.Length >= 2 && PiiProtector.IsProtected(s) && !PiiProtector.IsProtected(p):
                copies.TryAdd(text, s);
                break;
        }
    }

    private static JsonNode? Replace(JsonNode? node, Dictionary<string, JsonNode> copies) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Replace(p.Value, copies)))),
        JsonArray a => new JsonArray(a.Select(n => Replace(n, copies)).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var text) && copies.TryGetValue(text, out var sealedValue) => sealedValue.DeepClone(),
        _ => node?.DeepClone(),
    };

    private void Restore(DbContext? context)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries<Case>().ToList())
        {
            if (!_plain.TryGetValue(entry.Entity, out var plain)) continue;
            _plain.Remove(entry.Entity);
            foreach (var (property, value) in new[] { (entry.Property(x => x.Data), plain.Data), (entry.Property(x => x.Instance), plain.Instance) })
            {
                var failed = property.IsModified;
                property.CurrentValue = value;
                if (!failed || entry.State == EntityState.Unchanged) { property.OriginalValue = value; property.IsModified = false; }
            }
        }
    }

    private static string Open(PiiProtector pii, string json) =>
        json.Contains(PiiProtector.Prefix, StringComparison.Ordinal) && JsonNode.Parse(json) is { } node ? pii.OpenAll(node)!.ToJsonString() : json;
}
