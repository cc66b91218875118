namespace Traceability.Api.Http;

/// <summary>404: the named resource does not exist.</summary>
public sealed class ResourceNotFound(string what) : Exception($"{what} does not exist.");

/// <summary>412: If-Match named a version the resource is no longer at.</summary>
public sealed class PreconditionFailed(string resource, long expected, long actual)
    : Exception($"{resource} is at version {actual}, not {expected} as If-Match says; reload it and apply your change again.")
{
    public long Actual { get; } = actual;
}

/// <summary>400 for a request that is malformed in a way a validator cannot see (headers, query).</summary>
public sealed class BadRequest(string message) : Exception(message);

/// <summary>415: the body's content type is not one the operation reads.</summary>
public sealed class UnsupportedContent(string message) : Exception(message);

/// <summary>A refusal with its own status and title, for the rare case no other error says it (e.g. a log that does not verify).</summary>
public sealed class Refusal(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;
}
