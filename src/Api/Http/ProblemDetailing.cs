using Microsoft.AspNetCore.Http;

namespace Traceability.Api.Http;

/// <summary>
/// Fills in what the framework's own problem documents leave out: a 415 written by routing or by a JSON
/// endpoint's body binding carries no detail, so it is told which content types the operation reads.
/// </summary>
public static class ProblemDetailing
{
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Status == StatusCodes.Status415UnsupportedMediaType && string.IsNullOrEmpty(problem.Detail))
        {
            problem.Detail = AcceptedContentTypes.Detail(context.HttpContext);
            problem.Extensions["acceptedContentTypes"] = AcceptedContentTypes.Of(context.HttpContext);
        }
    }
}
