using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Traceability.Api.Tests;

/// <summary>Issue 12, item 9: what an engineer who has never read the code sees in Swagger UI and in refusals.</summary>
public sealed class SwaggerForEngineers(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_matrix_is_documented_as_json_first_then_csv()
    {
        var document = await api.Anonymous.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var content = document.GetProperty("paths").GetProperty("/api/baselines/{id}/matrix").GetProperty("get")
            .GetProperty("responses").GetProperty("200").GetProperty("content");

        Assert.Equal(["application/json", "text/csv"], content.EnumerateObject().Select(p => p.Name));
        Assert.EndsWith("/MatrixPage", content.GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Request_schemas_mark_the_fields_the_service_refuses_to_go_without_as_required()
    {
        var schemas = (await api.Anonymous.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json")).GetProperty("components").GetProperty("schemas");

        Assert.Equal(["name", "owner", "role"], Required(schemas, "IssueKeyRequest"));
        Assert.Equal(["rationale", "symbol", "value"], Required(schemas, "ProposeDecisionRequest"));
        Assert.Equal(["category", "text"], Required(schemas, "DraftAssumptionRequest"));
        Assert.Equal(["architecture", "id", "machine"], Required(schemas, "RegisterPlatformRequest"));
    }

    [Fact]
    public async Task A_415_names_the_content_types_the_operation_reads()
    {
        var json = await api.Admin.PostAsync("/api/keys", new StringContent("{\"name\":\"x\",\"role\":\"viewer\"}", Encoding.UTF8, "text/plain"));
        var config = await api.Engineer.PutAsJsonAsync("/api/baselines/any/config", new { config = "CONFIG_FUTEX=y" });

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Contains("reads application/json; the request's Content-Type is 'text/plain", await Detail(json), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, config.StatusCode);
        Assert.Contains("reads text/plain or multipart/form-data", await Detail(config), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_names_the_role_the_operation_needs()
    {
        var platform = await api.Viewer.PostAsJsonAsync("/api/platforms", new { id = "p", architecture = "arm64", machine = "virt" });
        var approve = await api.Engineer.PostAsJsonAsync("/api/baselines/any/decisions/FUTEX/approve", new { });

        Assert.Equal(HttpStatusCode.Forbidden, platform.StatusCode);
        Assert.Contains("has the role 'viewer', which may not do this; this operation needs the role admin.", await Detail(platform), StringComparison.Ordinal);
        Assert.Contains("this operation needs the role assessor or admin.", await Detail(approve), StringComparison.Ordinal);
    }

    private static string[] Required(JsonElement schemas, string name) =>
        schemas.GetProperty(name).TryGetProperty("required", out var required) ? required.Strings().Order(StringComparer.Ordinal).ToArray() : [];

    private static async Task<string> Detail(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
    }
}
