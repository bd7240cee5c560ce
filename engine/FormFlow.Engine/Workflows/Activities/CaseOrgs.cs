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
