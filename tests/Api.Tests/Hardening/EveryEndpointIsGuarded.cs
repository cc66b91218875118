using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Api.Http;
using Traceability.Api.Web;

namespace Traceability.Api.Tests.Hardening;

/// <summary>
/// Walks every API endpoint the running application serves, so a new endpoint cannot ship unguarded:
/// without a key it must answer 401, and with the key of every role its policy does not admit, 403.
/// The web pages (marked <see cref="WebPageEndpoint"/>) take a session cookie, not a key: tests/Web.Tests
/// walks them the same way (EveryPageIsGuarded).
/// </summary>
public sealed class EveryEndpointIsGuarded(ApiFixture api) : IClassFixture<ApiFixture>
{
    /// <summary>The only endpoints that answer without a key. Adding one here is a conscious decision.</summary>
    private static readonly HashSet<string> Anonymous = ["GET /health/live", "GET /health/ready"];

    [Fact]
    public async Task Every_endpoint_refuses_calls_without_a_key_with_a_401_problem()
    {
        var failures = new List<string>();
        foreach (var endpoint in ServedEndpoints().Where(e => !Anonymous.Contains(e.Name)))
        {
            var response = await api.Anonymous.SendAsync(endpoint.Request());
            if (!await IsProblem(response, HttpStatusCode.Unauthorized)) failures.Add($"{endpoint.Name}: {(int)response.StatusCode}");
        }
        Assert.True(failures.Count == 0, "answered without a key:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_endpoint_refuses_each_role_its_policy_does_not_admit_with_a_403_problem()
    {
        var provider = api.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var failures = new List<string>();
        var checkedCalls = 0;
        foreach (var endpoint in ServedEndpoints().Where(e => !Anonymous.Contains(e.Name)))
        {
            var admitted = await AdmittedRoles(provider, endpoint.Endpoint);
            foreach (var role in Roles.All.Except(admitted))
            {
                checkedCalls++;
                var response = await ClientOf(role).SendAsync(endpoint.Request());
                if (!await IsProblem(response, HttpStatusCode.Forbidden)) failures.Add($"{endpoint.Name} as {role}: {(int)response.StatusCode}");
            }
        }
        Assert.True(failures.Count == 0, "not refused:\n" + string.Join("\n", failures));
        Assert.True(checkedCalls > 20, $"only {checkedCalls} refusals checked: is the endpoint data source empty?");
    }

    [Fact]
    public async Task Only_the_allow_listed_endpoints_answer_without_a_key()
    {
        var open = ServedEndpoints().Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.Name).ToList();
        Assert.Equal(Anonymous.Order(), open.Order());
        foreach (var name in open.Where(n => n.StartsWith("GET /health", StringComparison.Ordinal)))
            Assert.Equal(HttpStatusCode.OK, (await api.Anonymous.GetAsync(name[4..])).StatusCode);
    }

    private List<ServedEndpoint> ServedEndpoints()
    {
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<WebPageEndpoint>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new ServedEndpoint(m, e)))
            .ToList();
        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} endpoints found");
        return endpoints;
    }

    /// <summary>The roles the endpoint's combined policy admits (the fallback policy when it names none: any key).</summary>
    private static async Task<IReadOnlyList<string>> AdmittedRoles(IAuthorizationPolicyProvider provider, Endpoint endpoint)
    {
        var policy = await AuthorizationPolicy.CombineAsync(provider, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
            endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>()) ?? await provider.GetFallbackPolicyAsync();
        var admitted = Roles.All.ToList();
        foreach (var requirement in policy?.Requirements.OfType<RolesAuthorizationRequirement>() ?? [])
            admitted = admitted.Intersect(requirement.AllowedRoles).ToList();
        return admitted;
    }

    private HttpClient ClientOf(string role) => role switch
    {
        Roles.Viewer => api.Viewer,
        Roles.Engineer => api.Engineer,
        Roles.Assessor => api.Assessor,
        Roles.Admin => api.Admin,
        _ => throw new InvalidOperationException($"No test client for role '{role}': add one to ApiFixture."),
    };

    private static async Task<bool> IsProblem(HttpResponseMessage response, HttpStatusCode expected) =>
        response.StatusCode == expected
        && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
        && (await response.Content.ReadAsStringAsync()).Contains($"\"status\":{(int)expected}", StringComparison.Ordinal);

    private sealed record ServedEndpoint(string Method, RouteEndpoint Endpoint)
    {
        public string Name => $"{Method} {Endpoint.RoutePattern.RawText}";

        /// <summary>Plausible route values; authorization runs before any of them is looked up.</summary>
        public HttpRequestMessage Request()
        {
            var url = Endpoint.RoutePattern.RawText!;
            foreach (var parameter in Endpoint.RoutePattern.Parameters)
                url = url.Replace($"{{{parameter.Name}}}", parameter.Name == "symbol" ? "FUTEX" : "sample-1", StringComparison.Ordinal);
            var request = new HttpRequestMessage(new HttpMethod(Method), url);
            if (Method is not ("POST" or "PUT" or "PATCH")) return request;
            // Routing answers a content type the endpoint does not accept with 415 before authorization: send one it accepts.
            var type = Endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>().SelectMany(a => a.ContentTypes).FirstOrDefault() ?? "application/json";
            request.Content = new StringContent(type == "application/json" ? "{}" : "", Encoding.UTF8, type);
            return request;
        }
    }
}
