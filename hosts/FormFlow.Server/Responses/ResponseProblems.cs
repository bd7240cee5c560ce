using FormFlow.Engine.Responses;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FormFlow.Server.Responses;

/// <summary>The refusals of the response policy; each names its rule (the setting) in <c>rule</c>.</summary>
internal static class ResponseProblems
{
    public static ProblemHttpResult AlreadyAnswered(ResponsePolicy policy, string period) => Refused(StatusCodes.Status409Conflict,
        "Already answered", ResponsePolicy.LimitSetting,
        policy.Limit == ResponseLimit.Once
            ? $"{ResponsePolicy.LimitSetting}: this service takes one answer per member, and you have already answered"
            : $"{ResponsePolicy.LimitSetting}: this service takes one answer per member each {ResponsePolicy.Name(policy.Limit)} (China time), and you have already answered in {period}",
        period);

    public static ProblemHttpResult NotYetOpen(DateTimeOffset opensAt) => Refused(StatusCodes.Status422UnprocessableEntity,
        "Answers are not open yet", ResponsePolicy.OpensAtSetting, $"{ResponsePolicy.OpensAtSetting}: answers open at {opensAt:O}");

    public static ProblemHttpResult Closed(DateTimeOffset closesAt) => Refused(StatusCodes.Status422UnprocessableEntity,
        "Answers are closed", ResponsePolicy.ClosesAtSetting, $"{ResponsePolicy.ClosesAtSetting}: answers closed at {closesAt:O}");

    public static ProblemHttpResult NotEligible(string expression, string? error) => Refused(StatusCodes.Status422UnprocessableEntity,
        "Not eligible", ResponsePolicy.EligibilitySetting,
        $"{ResponsePolicy.EligibilitySetting}: you do not meet the rule '{expression}'{(error is null ? "" : $" ({error})")}");

    public static ProblemHttpResult ResultsHidden(ResponsePolicy policy) => Refused(StatusCodes.Status403Forbidden,
        "Results are not visible to you", ResponsePolicy.ResultsSetting,
        policy.Results switch
        {
            ResultsVisibility.AfterAnswer => $"{ResponsePolicy.ResultsSetting} = afterAnswer: results are shown to those who answered",
            ResultsVisibility.AfterClose => $"{ResponsePolicy.ResultsSetting} = afterClose: results are shown once answers close" + (policy.ClosesAt is { } c ? $" at {c:O}" : ""),
            _ => $"{ResponsePolicy.ResultsSetting} = never: only the service's organisers see results",
        });

    public static ProblemHttpResult TakesCases(int id) => Refused(StatusCodes.Status409Conflict,
        "The service takes cases", "submissions", $"service {id} starts a case for each submission: POST /api/services/{id}/cases");

    public static ProblemHttpResult TakesResponses(int id) => Refused(StatusCodes.Status409Conflict,
        "The service takes responses", "submissions", $"service {id} is a survey or vote and starts no case: POST /api/services/{id}/responses");

    public static ProblemHttpResult NotAPile(int id) => Refused(StatusCodes.Status422UnprocessableEntity,
        "The ballot is not valid", ResponsePolicy.AnonymitySetting, $"service {id}: the answer is none of the ballot's possible answers");

    private static ProblemHttpResult Refused(int status, string title, string rule, string detail, string? period = null) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail,
            extensions: period is null ? new Dictionary<string, object?> { ["rule"] = rule } : new Dictionary<string, object?> { ["rule"] = rule, ["period"] = period });
}
