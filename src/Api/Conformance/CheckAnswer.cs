namespace Traceability.Api.Conformance;

/// <summary>
/// How a verdict is answered. A CI job cannot read a 200's body to decide whether to fail, so with
/// ?gate=true a failed check answers 422: as a problem document whose "report" is the whole verdict, or,
/// for ?format=text, as the same text the job's log shows (curl --fail-with-body prints it and exits 22).
/// </summary>
public static class CheckAnswer
{
    public const string TextContentType = "text/plain; charset=utf-8";

    public static IResult For(ConformanceReport report, bool asText, bool listUndecided, bool gate)
    {
        var status = gate && !report.Pass ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK;
        if (asText) return TypedResults.Text(ConformanceText.Render(report, listUndecided), TextContentType, statusCode: status);
        if (status == StatusCodes.Status200OK) return TypedResults.Ok(report);
        return TypedResults.Problem(
            statusCode: status, title: "Conformance check failed", detail: report.Summary,
            extensions: new Dictionary<string, object?> { ["report"] = report });
    }
}
