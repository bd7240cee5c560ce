using FormFlow.Persistence.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FormFlow.Server.Shared;

/// <summary>A person as lists name them: the account ID and the display name.</summary>
internal sealed record PersonRef(string Id, string DisplayName);

/// <summary>
/// A page of accounts to choose from (who may take a task, who may stand in), ordered by account name:
/// <c>?q=</c> narrows by display or account name, <c>?limit=&amp;cursor=</c> pages, <c>next</c> is the last account name shown.
/// </summary>
internal sealed record PersonPage(List<PersonRef> Items, string? Next)
{
    public static async Task<Results<Ok<PersonPage>, ProblemHttpResult>> ReadAsync(IQueryable<Account> accounts, string? q, int? limit, string? cursor, CancellationToken ct)
    {
        if (limit is < 1 or > IdPage.MaxLimit) return IdPage.BadParameter("limit", $"limit must be 1 to {IdPage.MaxLimit}, not {limit}");
        if (q is { Length: > 100 }) return IdPage.BadParameter("q", "q must be at most 100 characters");
        if (cursor is { Length: > 256 }) return IdPage.BadParameter("cursor", "cursor must be the 'next' of a previous page");
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim();
            var upper = text.ToUpperInvariant();
            accounts = accounts.Where(a => a.DisplayName.Contains(text) || a.NormalizedUserName!.Contains(upper));
        }
        if (cursor is not null) accounts = accounts.Where(a => string.Compare(a.NormalizedUserName, cursor) > 0);
        var size = limit ?? IdPage.DefaultLimit;
        var found = await accounts.AsNoTracking().OrderBy(a => a.NormalizedUserName).Take(size + 1)
            .Select(a => new { a.Id, a.DisplayName, a.NormalizedUserName }).ToListAsync(ct);
        var next = found.Count > size ? found[size - 1].NormalizedUserName : null;
        return TypedResults.Ok(new PersonPage(found.Take(size).Select(a => new PersonRef(a.Id, a.DisplayName)).ToList(), next));
    }
}
