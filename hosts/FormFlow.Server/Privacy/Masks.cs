using System.Globalization;

namespace FormFlow.Server.Privacy;

/// <summary>
/// How personal values are shown to people who may not see them in full: enough to recognise, not enough to use.
/// The PII classes are those of form fields (<c>pii</c> in a form definition).
/// </summary>
internal static class Masks
{
    /// <summary>王芳 → 王*, 王小芳 → 王*芳, 欧阳小芳 → 欧**芳 (by text elements, so surrogate pairs stay whole).</summary>
    public static string Name(string name)
    {
        var letters = TextElements(name.Trim());
        return letters.Count switch
        {
            0 => "",
            1 => "*",
            2 => letters[0] + "*",
            _ => letters[0] + new string('*', letters.Count - 2) + letters[^1],
        };
    }

    /// <summary>13812345678 → 138****5678.</summary>
    public static string Phone(string phone) => Keep(phone, 3, 4);

    /// <summary>110101199003071234 → 1101**********1234.</summary>
    public static string ResidentId(string id) => Keep(id, 4, 4);

    /// <summary>wang.fang@example.cn → w***@example.cn.</summary>
    public static string Email(string email)
    {
        var at = email.IndexOf('@');
        return at <= 0 ? Keep(email, 1, 0) : email[0] + "***" + email[at..];
    }

    /// <summary>Bank account numbers: the last four digits only.</summary>
    public static string BankAccount(string account) => Keep(account, 0, 4);

    /// <summary>1990-03-07 → 1990-**-**.</summary>
    public static string BirthDate(string date) => date.Length >= 4 ? date[..4] + "-**-**" : "****";

    /// <summary>An address or region: the first two characters (the province), the rest hidden.</summary>
    public static string Address(string address) => Keep(address, 2, 0);

    /// <summary>The mask for a value of a PII class (<c>name</c>, <c>residentId</c>, <c>phone</c>, ...); unknown classes hide everything.</summary>
    public static string ForClass(string piiClass, string value) => piiClass switch
    {
        "name" => Name(value),
        "residentId" => ResidentId(value),
        "phone" => Phone(value),
        "email" => Email(value),
        "bankAccount" => BankAccount(value),
        "birthDate" => BirthDate(value),
        "address" => Address(value),
        _ => "***",
    };

    /// <summary>Keeps <paramref name="head"/> leading and <paramref name="tail"/> trailing characters, stars in between (at least three).</summary>
    private static string Keep(string value, int head, int tail)
    {
        if (value.Length <= head + tail) return new string('*', Math.Max(value.Length, 3));
        return value[..head] + new string('*', Math.Max(value.Length - head - tail, 3)) + value[^tail..];
    }

    private static List<string> TextElements(string text)
    {
        var list = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        while (e.MoveNext()) list.Add((string)e.Current);
        return list;
    }
}
