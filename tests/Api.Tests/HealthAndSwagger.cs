using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Traceability.Api.Tests;

public sealed class HealthAndSwagger(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Health_answers_without_a_key()
    {
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous.GetAsync("/health/live")).StatusCode);
        var ready = await api.Anonymous.GetFromJsonAsync<JsonElement>("/health/ready");
        Assert.Equal("ready", ready.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Swagger_ui_and_document_are_served_with_the_api_key_scheme()
    {
        Assert.Equal(HttpStatusCode.OK, (await api.Anonymous.GetAsync("/swagger/index.html")).StatusCode);
        var document = await api.Anonymous.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Every_documented_operation_has_a_summary()
    {
        var document = await api.Anonymous.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var missing = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Path: path.Name, Method: op.Name, Op: op.Value)))
            .Where(x => !x.Op.TryGetProperty("summary", out var s) || string.IsNullOrWhiteSpace(s.GetString()))
            .Select(x => $"{x.Method.ToUpperInvariant()} {x.Path}")
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public async Task Every_json_request_body_has_an_example()
    {
        var document = await api.Anonymous.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var bodies = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject())
            .Where(op => op.Value.TryGetProperty("requestBody", out _))
            .Select(op => op.Value.GetProperty("requestBody").GetProperty("content"))
            .Where(content => content.TryGetProperty("application/json", out _))
            .Select(content => content.GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!.Split('/')[^1])
            .Distinct().ToList();

        Assert.NotEmpty(bodies);
        var withoutExample = bodies.Where(name => !schemas.GetProperty(name).TryGetProperty("example", out _)
            && !schemas.GetProperty(name).TryGetProperty("examples", out _)).ToList();
        Assert.True(withoutExample.Count == 0, $"request bodies without an example: {string.Join(", ", withoutExample)}");
    }

    [Fact]
    public async Task An_unknown_route_is_a_problem_document_not_an_empty_body()
    {
        var response = await api.Admin.GetAsync("/api/does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
