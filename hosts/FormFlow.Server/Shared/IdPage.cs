using Microsoft.AspNetCore.Http.HttpResults;

namespace FormFlow.Server.Shared;

/// <summary>
/// A page of a list read newest first by a growing numeric id: <c>?limit=&amp;cursor=</c>, where the cursor is the
/// previous page's <c>next</c> (the last id it showed). Bad values are a 400 naming the parameter.
/// </summary>
internal sealed record IdPage(int Limit, long? Before)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static string Describe => $"?limit= (1–{MaxLimit}, default {DefaultLimit}) and ?cursor= (the previous page's next)";

    public static bool TryRead(int? limit, string? cursor, out IdPage page, out ProblemHttpResult? problem)
    {
        page = new IdPage(limit ?? DefaultLimit, null);
        problem = null;
        if (limit is < 1 or > MaxLimit) problem = BadParameter("limit", $"limit must be 1 to {MaxLimit}, not {limit}");
        else if (cursor is not null && (!long.TryParse(cursor, out var before) || before < 1)) problem = BadParameter("cursor", "cursor must be the 'next' of a previous page");
        else if (cursor is not null) page = page with { Before = long.Parse(cursor) };
        return problem is null;
    }

    /// <summary>The page's items from <paramref name="fetched"/> (read with <see cref="Limit"/> + 1, newest first) and the next cursor.</summary>
    public (List<T> Items, string? Next) Cut<T>(List<T> fetched, Func<T, long> id) =>
        fetched.Count > Limit ? (fetched.Take(Limit).ToList(), id(fetched[Limit - 1]).ToString()) : (fetched, null);

    /// <summary>The 400 for a bad query parameter, naming it in <c>parameter</c>.</summary>
    public static ProblemHttpResult BadParameter(string parameter, string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: $"invalid {parameter}", detail: detail,
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter });
}
