using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Traceability.Api.Hosting;

namespace Traceability.Api.Tests.Hardening;

/// <summary>A POST, PUT, PATCH or DELETE route and what its body is: a JSON request type, a .config, or nothing.</summary>
public sealed record WriteEndpoint(string Method, string Route, Type? JsonBody, bool TakesConfig, IReadOnlyList<string> RouteParameters)
{
    public string Name => $"{Method} {Route}";
    public bool HasBody => JsonBody is not null || TakesConfig;

    /// <summary>The API's write endpoints; the web pages' forms (WebPageEndpoint) take a session and a form, and tests/Web.Tests covers them.</summary>
    public static IEnumerable<WriteEndpoint> Of(IEnumerable<EndpointDataSource> sources) =>
        sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Web.WebPageEndpoint>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => From(m, e)))
            .Where(e => e.Method is "POST" or "PUT" or "PATCH" or "DELETE")
            .OrderBy(e => e.Name, StringComparer.Ordinal);

    private static WriteEndpoint From(string method, RouteEndpoint endpoint)
    {
        var accepts = endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>();
        var json = accepts.FirstOrDefault(a => a.RequestType is { } t && t != typeof(string) && a.ContentTypes.Contains("application/json"))?.RequestType;
        var config = accepts.Any(a => a.ContentTypes.Any(t => t is "text/plain" or "multipart/form-data"));
        return new WriteEndpoint(method, endpoint.RoutePattern.RawText!, json, config, endpoint.RoutePattern.Parameters.Select(p => p.Name).ToList());
    }

    /// <summary>
    /// The write endpoints as test data, read from the application built (not started) at discovery, so
    /// a new endpoint joins the suite without anyone listing it.
    /// </summary>
    public static IReadOnlyList<WriteEndpoint> AtDiscovery => Discovered.Value;

    private static readonly Lazy<IReadOnlyList<WriteEndpoint>> Discovered = new(() =>
    {
        var data = new Traceability.Testing.TestDataDirectory("discovery");
        var app = TraceabilityApp.Build([data.Argument, $"--{Traceability.Testing.TestKeys.Setting}={Traceability.Testing.TestKeys.ServiceKeyPem}"]);
        try
        {
            return Of(((IEndpointRouteBuilder)app).DataSources).ToList();
        }
        finally
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
            data.Delete();
        }
    });

    /// <summary>Constructor parameters a client must send (non-nullable), by their JSON names.</summary>
    public IReadOnlyList<string> RequiredFields()
    {
        if (JsonBody is null) return [];
        var nullability = new NullabilityInfoContext();
        return JsonBody.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters()
            .Where(p => p.ParameterType.IsValueType ? Nullable.GetUnderlyingType(p.ParameterType) is null : nullability.Create(p).WriteState == NullabilityState.NotNull)
            .Select(p => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name!)).ToList();
    }
}
