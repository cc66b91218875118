using Microsoft.AspNetCore.Http.Metadata;
using System.Reflection;
using Traceability.Api.Http;

namespace Traceability.Api.Commands;

/// <summary>
/// The answer of a write: the resource's view, read when the response is written, which Wolverine does after
/// it committed the append, so the view shows the events just written with their stored actor and time.
/// </summary>
public sealed class Written<T>(int status, Func<CancellationToken, Task<T>> view, long version, string? location = null)
    : IResult, IEndpointMetadataProvider where T : class
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var body = await view(httpContext.RequestAborted);
        ETags.Set(httpContext.Response, version);
        if (location is not null) httpContext.Response.Headers.Location = location;
        httpContext.Response.StatusCode = status;
        await httpContext.Response.WriteAsJsonAsync(body, httpContext.RequestAborted);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "IEndpointMetadataProvider is a static interface member.")]
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}

/// <summary>The answer of a write that created the resource: 201 with its Location; OpenAPI documents 201.</summary>
public sealed class WrittenCreated<T>(string location, Func<CancellationToken, Task<T>> view, long version)
    : IResult, IEndpointMetadataProvider where T : class
{
    private readonly Written<T> written = new(StatusCodes.Status201Created, view, version, location);

    public Task ExecuteAsync(HttpContext httpContext) => written.ExecuteAsync(httpContext);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "IEndpointMetadataProvider is a static interface member.")]
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status201Created, typeof(T), ["application/json"]));
}

public static class Written
{
    public static Written<T> Ok<T>(Func<CancellationToken, Task<T>> view, long version) where T : class => new(StatusCodes.Status200OK, view, version);

    public static WrittenCreated<T> Created<T>(string location, Func<CancellationToken, Task<T>> view, long version) where T : class =>
        new(location, view, version);
}
