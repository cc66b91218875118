using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Traceability.Api.Tests.KeyRules;

/// <summary>Issue 13 item 6: a key's name is never reused (re-issuing once replaced the last admin key), and internal actors are not key names.</summary>
public sealed class IssuingKeys(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task An_existing_name_active_or_revoked_is_409_and_the_old_key_keeps_working()
    {
        var key = await api.IssuedKeyAsync("reused", "viewer", "Dana");
        var again = await api.IssueAsync("reused", "admin", "Mallory");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("reused", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await api.Client(key).GetAsync("/api/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await api.Admin.DeleteAsync("/api/keys/reused?reason=rotated")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.IssueAsync("reused", "viewer", "Dana")).StatusCode);
    }

    [Fact]
    public async Task Reissuing_the_bootstrap_admins_name_cannot_replace_it()
    {
        Assert.Equal(HttpStatusCode.Conflict, (await api.IssueAsync("bootstrap-admin", "viewer", "Mallory")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.Admin.GetAsync("/api/keys")).StatusCode);
    }

    [Theory]
    [InlineData("system")]
    [InlineData("anonymous")]
    [InlineData("unknown")]
    public async Task Names_the_service_uses_for_itself_are_400(string name)
    {
        var before = await api.EventCountAsync();
        var response = await api.IssueAsync(name, "admin", "Mallory");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal(before, await api.EventCountAsync());
    }
}
