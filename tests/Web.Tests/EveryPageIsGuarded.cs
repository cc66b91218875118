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

namespace Traceability.Web.Tests;

/// <summary>
/// Walks every page and form the service serves (endpoints marked WebPageEndpoint), so none can ship
/// unguarded: without a session it sends you to sign in, and every role its policy does not admit gets the
/// 403 page, for GETs and for form posts alike. What each page needs is written down here, the same as
/// the API operation it calls needs (README "Using the API"): a new page must be added to the table.
/// </summary>
[Collection(WebSuite.Name)]
public sealed class EveryPageIsGuarded(WebFixture web)
{
    private const string Anyone = "anonymous";

    private static readonly Dictionary<string, string> Needs = new()
    {
        ["GET /sign-in"] = Anyone, ["POST /sign-in"] = Anyone, ["POST /sign-out"] = Roles.Read,
        ["GET /"] = Roles.Read, ["POST /baselines"] = Roles.Engineering, ["GET /baselines/{id}"] = Roles.Read,
        ["POST /baselines/{id}/freeze"] = Roles.Assessment, ["POST /baselines/{id}/config"] = Roles.Engineering,
        ["GET /baselines/{id}/propose"] = Roles.Engineering, ["POST /baselines/{id}/propose"] = Roles.Engineering,
        ["GET /baselines/{id}/symbols"] = Roles.Read,
        ["GET /baselines/{baseline}/decisions/{symbol}"] = Roles.Read,
        ["POST /baselines/{baseline}/decisions/{symbol}/revise"] = Roles.Engineering,
        ["POST /baselines/{baseline}/decisions/{symbol}/evidence"] = Roles.Engineering,
        ["POST /baselines/{baseline}/decisions/{symbol}/withdraw"] = Roles.Engineering,
        ["POST /baselines/{baseline}/decisions/{symbol}/approve"] = Roles.Assessment,
        ["POST /baselines/{baseline}/decisions/{symbol}/reject"] = Roles.Assessment,
        ["POST /baselines/{baseline}/decisions/{symbol}/reconfirm"] = Roles.Assessment,
        ["GET /review"] = Roles.Read,
        ["GET /assumptions"] = Roles.Read, ["POST /assumptions"] = Roles.Engineering, ["GET /assumptions/{id}"] = Roles.Read,
        ["POST /assumptions/{id}/revise"] = Roles.Engineering, ["POST /assumptions/{id}/accept"] = Roles.Assessment,
        ["POST /assumptions/{id}/retire"] = Roles.Assessment,
        ["GET /features"] = Roles.Read, ["GET /features/{id}"] = Roles.Read, ["POST /features/{id}/revise"] = Roles.Engineering,
        ["GET /requirements"] = Roles.Read, ["POST /requirements"] = Roles.Engineering, ["GET /requirements/{id}"] = Roles.Read,
        ["POST /requirements/{id}/revise"] = Roles.Engineering,
        ["GET /diff"] = Roles.Read, ["GET /check"] = Roles.Read, ["POST /check"] = Roles.Read,
        ["GET /audit"] = Roles.Read, ["GET /audit/export"] = Roles.Read, ["POST /audit/verify"] = Roles.Read,
    };

    [Fact]
    public void Every_page_needs_what_the_API_operation_behind_it_needs()
    {
        var provider = web.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var served = Pages().ToDictionary(p => p.Name, p => AdmittedRoles(provider, p.Endpoint).GetAwaiter().GetResult());
        Assert.Equal(Needs.Keys.Order(), served.Keys.Order());
        var wrong = served.Where(p => Needs[p.Key] != Anyone && !p.Value.Order().SequenceEqual(Roles.Admitted[Needs[p.Key]].Order()))
            .Select(p => $"{p.Key}: admits {string.Join(",", p.Value)}, needs {Needs[p.Key]}").ToList();
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private static readonly Dictionary<string, string> KeyOfRole = new()
    {
        [Roles.Viewer] = "viewer-1", [Roles.Engineer] = "engineer-1", [Roles.Assessor] = "assessor-1", [Roles.Admin] = "bootstrap-admin",
    };

    [Fact]
    public async Task Every_page_and_form_sends_a_visitor_without_a_session_to_sign_in()
    {
        using var anonymous = PageClient.Anonymous(web);
        var failures = new List<string>();
        foreach (var page in Pages().Where(p => Needs.GetValueOrDefault(p.Name) != Anyone))
        {
            var response = await anonymous.SendAsync(page.Request());
            var location = response.Headers.Location?.ToString() ?? "";
            if (response.StatusCode != HttpStatusCode.Redirect || !location.Contains("/sign-in?returnUrl=", StringComparison.Ordinal))
                failures.Add($"{page.Name}: {(int)response.StatusCode} {location}");
        }
        Assert.True(failures.Count == 0, "not sent to sign in:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Every_page_and_form_refuses_each_role_its_policy_does_not_admit_with_the_403_page()
    {
        var clients = new Dictionary<string, PageClient>();
        foreach (var (role, key) in KeyOfRole) clients[role] = await PageClient.SignedInAsync(web, key);
        var failures = new List<string>();
        var refused = 0;
        foreach (var page in Pages().Where(p => Needs[p.Name] != Anyone))
        {
            var admitted = Roles.Admitted[Needs[page.Name]];
            foreach (var role in Roles.All)
            {
                var response = await clients[role].SendAsync(page.Request());
                var body = await response.Content.ReadAsStringAsync();
                var forbidden = response.StatusCode == HttpStatusCode.Forbidden && body.Contains("<h1>Not allowed</h1>", StringComparison.Ordinal);
                if (!admitted.Contains(role) && !forbidden) failures.Add($"{page.Name} as {role}: {(int)response.StatusCode}, not refused");
                if (admitted.Contains(role) && response.StatusCode == HttpStatusCode.Forbidden) failures.Add($"{page.Name} as {role}: refused, but admitted");
                if (!admitted.Contains(role)) refused++;
            }
        }
        foreach (var client in clients.Values) client.Dispose();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(refused > 30, $"only {refused} refusals checked: are the pages mapped?");
    }

    private List<ServedPage> Pages()
    {
        var pages = web.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<WebPageEndpoint>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => new ServedPage(m, e)))
            .ToList();
        Assert.True(pages.Count > 25, $"only {pages.Count} pages found");
        return pages;
    }

    /// <summary>The roles a page's policy admits; a page without a policy would admit none here, and fail.</summary>
    private static async Task<IReadOnlyList<string>> AdmittedRoles(IAuthorizationPolicyProvider provider, Endpoint endpoint)
    {
        var policy = await AuthorizationPolicy.CombineAsync(provider, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
            endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
        var admitted = new List<string>();
        if (policy is null || !policy.AuthenticationSchemes.Contains(WebSession.Scheme)) return admitted;
        admitted.AddRange(Roles.All);
        foreach (var requirement in policy.Requirements.OfType<RolesAuthorizationRequirement>())
            admitted = admitted.Intersect(requirement.AllowedRoles).ToList();
        return admitted;
    }

    private sealed record ServedPage(string Method, RouteEndpoint Endpoint)
    {
        public string Name => $"{Method} {Endpoint.RoutePattern.RawText}";

        /// <summary>Plausible route values and an empty form: authorization runs before the form or the API is looked at.</summary>
        public HttpRequestMessage Request()
        {
            var url = Endpoint.RoutePattern.RawText!;
            foreach (var parameter in Endpoint.RoutePattern.Parameters)
                url = url.Replace($"{{{parameter.Name}}}", parameter.Name == "symbol" ? "FUTEX" : "sample-1", StringComparison.Ordinal);
            var request = new HttpRequestMessage(new HttpMethod(Method), url);
            if (Method != "POST") return request;
            var multipart = Endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>().SelectMany(a => a.ContentTypes).Contains("multipart/form-data");
            request.Content = multipart
                ? new MultipartFormDataContent { { new StringContent("x"), "field" } }
                : new StringContent("field=x", Encoding.UTF8, "application/x-www-form-urlencoded");
            return request;
        }
    }
}
