using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Traceability.Api.Tests;

public sealed class Keys(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Without_a_key_the_answer_is_401_problem_details()
    {
        var response = await api.Anonymous.GetAsync("/api/keys");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_key_is_401()
    {
        var response = await api.Client("trc_not_a_real_key").GetAsync("/api/keys");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_role_without_the_right_gets_403()
    {
        var response = await api.Engineer.PostAsJsonAsync("/api/keys", new { name = "sneaky", role = "admin" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_issued_key_works_once_listed_without_its_secret_and_stops_working_when_revoked()
    {
        var issued = await (await api.Admin.PostAsJsonAsync("/api/keys", new { name = "ci-arm64", role = "viewer", owner = "CI arm64" })).Content.ReadFromJsonAsync<JsonElement>();
        var key = issued.GetProperty("key").GetString()!;
        var client = api.Client(key);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/keys")).StatusCode);

        var listed = await api.Admin.GetStringAsync("/api/keys");
        Assert.Contains("ci-arm64", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await api.Admin.DeleteAsync("/api/keys/ci-arm64?reason=rotated")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/keys")).StatusCode);
    }

    [Fact]
    public async Task Any_role_can_ask_whose_key_it_presents()
    {
        var me = await api.Viewer.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("viewer-1", me.GetProperty("name").GetString());
        Assert.Equal("viewer", me.GetProperty("role").GetString());
        var assessor = await api.Assessor.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal("assessor-1", assessor.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task A_bad_key_request_is_400_with_the_field_at_fault_and_writes_nothing()
    {
        var before = await api.EventCountAsync();
        var response = await api.Admin.PostAsJsonAsync("/api/keys", new { name = "Bad Name!", role = "wizard" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("role", out _));
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task Malformed_json_is_400_naming_the_position()
    {
        using var body = new StringContent("{\"name\": \"x\", \"role\": ", System.Text.Encoding.UTF8, "application/json");
        var response = await api.Admin.PostAsync("/api/keys", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("line", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
