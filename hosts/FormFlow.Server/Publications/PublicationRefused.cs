namespace FormFlow.Server.Publications;

/// <summary>A refused request about an item: the endpoint answers it as ProblemDetails naming <see cref="Field"/>.</summary>
internal sealed class PublicationRefused(int status, string title, string detail, string? field = null) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public string? Field { get; } = field;

    public static PublicationRefused Invalid(string field, string detail) => new(StatusCodes.Status400BadRequest, $"Invalid field '{field}'", detail, field);

    public static PublicationRefused NotFound(long id) => new(StatusCodes.Status404NotFound, "Item not found", $"item {id} does not exist or is not visible to you");

    public IResult ToResult() => TypedResults.Problem(statusCode: Status, title: Title, detail: Message,
        extensions: Field is null ? null : new Dictionary<string, object?> { ["field"] = Field });
}
