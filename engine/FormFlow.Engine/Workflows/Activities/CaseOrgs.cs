using FormFlow.Engine.Workflows.Runtime;

namespace FormFlow.Engine.Workflows.Activities;

/// <summary>Orgs relative to the case: the applicant's, the one handling it now, their parents and ancestors.</summary>
internal static class CaseOrgs
{
    /// <summary>case.applicantOrg; an activity that needs it fails clearly when the case lacks it.</summary>
    public static string Applicant(ActivityContext context) =>
        (string?)context.Instance.Case["applicantOrg"]
        ?? throw new WorkflowActivityException("the case has no applicantOrg to assign or hand off relative to");

    /// <summary>case.org: the org handling the case now (the applicant's until a hand-off).</summary>
    public static string Handling(ActivityContext context) =>
        (string?)context.Instance.Case["org"] ?? Applicant(context);

    /// <summary>The org a step names by its inputs <c>org</c> ("handling", the default, or "applicant") and <c>level</c> (that org's ancestor at the level).</summary>
    public static string Targeted(ActivityContext context)
    {
        var org = context.String("org") == "applicant" ? Applicant(context) : Handling(context);
        return context.String("level") is { } level ? Ancestor(context, org, level) : org;
    }

    /// <summary>Checks a literal <c>org</c> input of a step that uses <see cref="Targeted"/>.</summary>
    public static void CheckTargeted(ActivityCheck check)
    {
        if (check.LiteralString("org") is { } org && org is not ("handling" or "applicant"))
            check.Problem("org", $"org must be \"handling\" or \"applicant\", not \"{org}\"");
    }

    public static string Parent(ActivityContext context, string org) =>
        Resolver(context, $"the parent of org '{org}'").ParentOf(org)
        ?? throw new WorkflowActivityException($"org '{org}' has no parent org (or is unknown to the org resolver)");

    public static string Ancestor(ActivityContext context, string org, string level) =>
        Resolver(context, $"the {level}-level org above '{org}'").AncestorAt(org, level)
        ?? throw new WorkflowActivityException($"org '{org}' has no ancestor at level '{level}' (or is unknown to the org resolver)");

    /// <summary>True when <paramref name="org"/> lies strictly below <paramref name="above"/> (walking up its parents).</summary>
    public static bool IsBelow(ActivityContext context, string org, string above)
    {
        var resolver = Resolver(context, $"whether org '{org}' lies below '{above}'");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var at = resolver.ParentOf(org); at is not null && seen.Add(at); at = resolver.ParentOf(at))
            if (at == above) return true;
        return false;
    }

    private static IOrgResolver Resolver(ActivityContext context, string wanted) =>
        context.Options.Orgs ?? throw new WorkflowActivityException($"no org resolver is configured to find {wanted}");
}
