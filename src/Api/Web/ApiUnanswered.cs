namespace Traceability.Api.Web;

/// <summary>One call a page makes to the API, and whether it may change something.</summary>
public sealed record ApiCall(HttpMethod Method, string Path, bool Writes);

/// <summary>
/// A call to the API that got no answer. It may have been carried out when it was a write and the connection was made:
/// the request can have reached the API before the connection broke.
/// </summary>
public sealed class ApiUnanswered(ApiCall call, HttpRequestException failure)
    : Exception($"{call.Method} {call.Path} to the API got no answer: {failure.Message}", failure)
{
    public bool MayHaveBeenCarriedOut { get; } = call.Writes && failure.HttpRequestError != HttpRequestError.ConnectionError;
}

/// <summary>
/// A call the API answered (its status arrived) whose answer could not be read: the connection broke in its body, or the
/// body was not what the status promised. The status says what happened to the request; the page cannot show the rest.
/// </summary>
public sealed class ApiAnswerBroken(ApiCall call, int status, Exception failure)
    : Exception($"{call.Method} {call.Path} to the API was answered {status}, but the answer could not be read: {failure.Message}", failure)
{
    public ApiCall Call { get; } = call;

    public int Status { get; } = status;
}
