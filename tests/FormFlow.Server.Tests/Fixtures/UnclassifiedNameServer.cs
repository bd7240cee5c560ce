using FormFlow.Persistence.Database;
using FormFlow.Server.Tests.Cases;

namespace FormFlow.Server.Tests.Fixtures;

/// <summary>
/// A case server whose join form has lost the PII class of the applicant's name (a copy of the shipped templates with
/// <c>"pii": "name"</c> stripped), as a designer's mistake would leave it: the name is then stored like any other field.
/// </summary>
public class UnclassifiedNameServer(DatabaseProvider provider) : CaseServer(provider)
{
    private readonly string _templates = CopyWithoutNamePii();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["FormFlow:ModuleTemplates"] = _templates,
    };

    private static string CopyWithoutNamePii()
    {
        var copy = TemplateCopies.Make();
        var form = Path.Combine(copy, "join", "forms", "union-join.form.json");
        var text = File.ReadAllText(form);
        const string nameField = "\"key\": \"name\", \"type\": \"text\", \"required\": true, \"maxLength\": 50, \"pii\": \"name\",";
        if (!text.Contains(nameField)) throw new InvalidOperationException($"the name field of {form} changed; update this fixture");
        File.WriteAllText(form, text.Replace(nameField, nameField.Replace(" \"pii\": \"name\",", "")));
        return copy;
    }
}

public sealed class SqliteUnclassifiedNameServer() : UnclassifiedNameServer(DatabaseProvider.Sqlite);

public sealed class PostgresUnclassifiedNameServer() : UnclassifiedNameServer(DatabaseProvider.Postgres);
