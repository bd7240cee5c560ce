using System.Globalization;
using FormFlow.Persistence;
using FormFlow.Persistence.Cases;
using FormFlow.Server.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Cases;

/// <summary>
/// The filters of the case list, as the query string gives them: a case number (or part of one), an applicant (part
/// of the display name or account name), a status, a service and an inclusive range of submission days (China
/// time). A bad value is a 400 naming its parameter.
/// </summary>
internal sealed record CaseSearch(bool Mine, string? Number, string? Applicant, string? Status, int? ServiceId, DateTime? FromUtc, DateTime? ToUtc)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);
    private static readonly string[] Statuses =
        [CaseStatuses.Running, CaseStatuses.WaitingForApplicant, CaseStatuses.Finished, CaseStatuses.Rejected, CaseStatuses.Faulted];

    public const string Describe = "filters: number, applicant, status, serviceId, submittedFrom and submittedTo (yyyy-MM-dd, China days, inclusive); mine=true for my own cases";

    public static bool TryRead(bool? mine, string? number, string? applicant, string? status, int? serviceId, string? submittedFrom, string? submittedTo,
        out CaseSearch search, out ProblemHttpResult? problem)
    {
        search = new CaseSearch(mine == true, Trimmed(number), Trimmed(applicant), Trimmed(status), serviceId, null, null);
        problem = null;
        if (search.Number is { Length: > 40 }) problem = IdPage.BadParameter("number", "number must be at most 40 characters");
        else if (search.Applicant is { Length: > 100 }) problem = IdPage.BadParameter("applicant", "applicant must be at most 100 characters");
        else if (search.Status is { } s && !Statuses.Contains(s)) problem = IdPage.BadParameter("status", $"status must be one of {string.Join(", ", Statuses)}, not '{s}'");
        else if (serviceId is < 1) problem = IdPage.BadParameter("serviceId", "serviceId must be a service's id");
        else if (!QueryDay.TryRead(submittedFrom, "submittedFrom", out var from, ref problem) || !QueryDay.TryRead(submittedTo, "submittedTo", out var to, ref problem)) { }
        else if (from is not null && to is not null && to < from) problem = IdPage.BadParameter("submittedTo", "submittedTo must not be before submittedFrom");
        else search = search with { FromUtc = from?.ToDateTime(TimeOnly.MinValue) - ChinaOffset, ToUtc = to?.AddDays(1).ToDateTime(TimeOnly.MinValue) - ChinaOffset };
        return problem is null;
    }

    /// <summary>The cases the access reaches (for staff: the subtrees of their staff roles, and their own), narrowed by the filters.</summary>
    public IQueryable<Case> Apply(FormFlowDbContext db, CaseAccess access)
    {
        var query = db.Cases.AsNoTracking();
        var me = access.Account.Id;
        if (Mine || access.StaffOrgs.Count == 0) query = query.Where(c => c.ApplicantAccountId == me);
        else
        {
            var orgs = access.StaffOrgs.ToList();
            query = query.Where(c => orgs.Contains(c.OrgUnitId) || c.ApplicantAccountId == me);
        }
        if (Number is { } number)
        {
            var upper = number.ToUpperInvariant();
            query = query.Where(c => c.Number.Contains(upper));
        }
        if (Applicant is { } applicant)
        {
            var upper = applicant.ToUpperInvariant();
            var applicants = db.Users.Where(u => u.DisplayName.Contains(applicant) || u.NormalizedUserName!.Contains(upper)).Select(u => u.Id);
            query = query.Where(c => applicants.Contains(c.ApplicantAccountId));
        }
        if (Status is { } status) query = query.Where(c => c.Status == status);
        if (ServiceId is { } service) query = query.Where(c => c.ServiceActivationId == service);
        if (FromUtc is { } fromUtc) query = query.Where(c => c.CreatedAt >= fromUtc);
        if (ToUtc is { } toUtc) query = query.Where(c => c.CreatedAt < toUtc);
        return query;
    }

    /// <summary>One page, newest first by id (a case's id grows with its submission).</summary>
    public async Task<(List<Case> Items, string? Next)> PageAsync(FormFlowDbContext db, CaseAccess access, IdPage page, CancellationToken ct)
    {
        var query = Apply(db, access);
        if (page.Before is { } before) query = query.Where(c => c.Id < before);
        return page.Cut(await query.OrderByDescending(c => c.Id).Take(page.Limit + 1).ToListAsync(ct), c => c.Id);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
