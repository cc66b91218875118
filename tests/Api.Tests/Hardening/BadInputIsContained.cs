using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Api.Tests.Scenarios;

namespace Traceability.Api.Tests.Hardening;

/// <summary>
/// Every write endpoint × every kind of bad input: always a 4xx problem document, never a 500, and
/// nothing written. The endpoints come from the application itself, so a new one is covered at once.
/// </summary>
public sealed class BadInputIsContained(ApiFixture api) : IClassFixture<ApiFixture>
{
    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var endpoint in WriteEndpoint.AtDiscovery)
            foreach (var @case in BadInputs.All.Where(c => BadInputs.AppliesTo(endpoint, c)))
                data.Add(endpoint.Method, endpoint.Route, @case);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_refused_with_a_4xx_problem_and_writes_nothing(string method, string route, string @case)
    {
        var targets = await api.HardeningTargetsAsync();
        var endpoint = Served().Single(e => e.Method == method && e.Route == route);
        var url = endpoint.RouteParameters.Aggregate(route, (u, p) =>
            u.Replace($"{{{p}}}", BadInputs.RouteValue(@case, p, targets.For(route, p)), StringComparison.Ordinal));
        var before = await api.EventCountAsync();

        var response = await api.Admin.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = BadInputs.Body(endpoint, @case) });

        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{method} {route} with {@case}: {status} {body[..Math.Min(body.Length, 600)]}");
        if (@case == BadInputs.HugeBody) Assert.Equal(413, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public void The_suite_covers_every_write_endpoint_the_running_service_serves()
    {
        Assert.Equal(Served().Select(e => e.Name), WriteEndpoint.AtDiscovery.Select(e => e.Name));
        Assert.True(WriteEndpoint.AtDiscovery.Count >= 20, $"only {WriteEndpoint.AtDiscovery.Count} write endpoints found");
    }

    private List<WriteEndpoint> Served() => WriteEndpoint.Of([api.Services.GetRequiredService<EndpointDataSource>()]).ToList();
}
