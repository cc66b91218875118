using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Traceability.Api.Tests.Hardening;

/// <summary>
/// Issue 13, item 8: a NUL or a terminal escape in a reason or a correlation id is refused with a 400 problem and
/// never reaches the permanent log, and Swagger UI and the API answer with browser hardening headers.
/// </summary>
public sealed class ControlCharactersAndHeaders(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("%00")]
    [InlineData("rotated%1B%5B31m")]
    [InlineData("%01")]
    public async Task Revoking_a_key_with_a_control_character_in_the_reason_is_a_400_and_the_key_stays_active(string reason)
    {
        var (name, client) = await IssueViewerAsync();
        var before = await api.EventCountAsync();

        var response = await api.Admin.DeleteAsync($"/api/keys/{name}?reason={reason}");

        await Problem.Expect(response, HttpStatusCode.BadRequest, "character");
        Assert.Equal(before, await api.EventCountAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/platforms")).StatusCode);
    }

    [Fact]
    public async Task A_correlation_id_with_an_escape_sequence_is_a_400_and_nothing_is_written()
    {
        var before = await api.EventCountAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/keys") { Content = JsonContent.Create(new { name = "ci-escaped", role = "viewer", owner = "CI" }) };
        request.Headers.TryAddWithoutValidation("X-Correlation-Id", "build-42\u001b[31m\u0001");

        var response = await api.Admin.SendAsync(request);

        await Problem.Expect(response, HttpStatusCode.BadRequest, "X-Correlation-Id must not contain control characters");
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task A_printable_correlation_id_is_kept_in_the_events_metadata()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/keys") { Content = JsonContent.Create(new { name = "ci-correlated", role = "viewer", owner = "CI" }) };
        request.Headers.Add("X-Correlation-Id", "build-42");

        var response = await api.Admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var events = await api.Services.GetRequiredService<Traceability.Projections.Events.EventLog>().ReadStreamAsync("apikey/ci-correlated");
        Assert.Equal("build-42", Assert.Single(events).Metadata.CorrelationId);
    }

    [Theory]
    [InlineData("/swagger/index.html")]
    [InlineData("/swagger/v1/swagger.json")]
    [InlineData("/api/platforms")]
    public async Task Swagger_ui_and_the_api_answer_with_browser_hardening_headers(string path)
    {
        var response = await api.Viewer.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", string.Join(",", response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", string.Join(",", response.Headers.GetValues("Referrer-Policy")));
        var policy = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains(path.StartsWith("/swagger", StringComparison.Ordinal) ? "script-src 'self'" : "default-src 'none'", policy, StringComparison.Ordinal);
    }

    private async Task<(string Name, HttpClient Client)> IssueViewerAsync()
    {
        var name = $"revoke-{Guid.NewGuid():N}"[..20];
        var issued = await (await api.Admin.PostAsJsonAsync("/api/keys", new { name, role = "viewer", owner = name })).Content.ReadFromJsonAsync<JsonElement>();
        return (name, api.Client(issued.GetProperty("key").GetString()!));
    }
}
