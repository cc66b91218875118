using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Testing;

namespace Traceability.Api.Tests.Activity;

public sealed class ReadingActivity(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Activity_counts_every_event_of_the_log_once_per_actor_and_day()
    {
        var baseline = await api.CreateBaselineAsync();
        Assert.Equal(HttpStatusCode.Created, (await api.ImportConfigAsync(baseline, SampleConfigs.Arm64_6_1)).StatusCode);
        var events = await api.EventCountAsync();
        JsonElement report = default;
        await Eventually.True(async () =>
        {
            report = await api.Viewer.GetFromJsonAsync<JsonElement>("/api/activity");
            return report.GetProperty("days").EnumerateArray().Sum(d => d.GetProperty("events").GetInt64()) == events;
        }, "the activity projection to count every event");
        Assert.Contains(report.GetProperty("days").EnumerateArray(), d => d.GetProperty("actor").GetString() == "engineer-1");
        Assert.True(report.GetProperty("asOfPosition").GetInt64() > 0);
    }

    [Fact]
    public async Task Activity_needs_a_key()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync("/api/activity")).StatusCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("367")]
    public async Task Activity_refuses_a_window_outside_one_to_366_days(string days)
    {
        var response = await api.Viewer.GetAsync($"/api/activity?days={days}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("days", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class RebuildingActivity(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_rebuild_counts_every_event_once_and_leaves_the_projection_running()
    {
        var baseline = await api.CreateBaselineAsync();
        await api.ProposedDecisionAsync(baseline, "FUTEX");
        await CountsEveryEventAsync("the activity projection to catch up before the rebuild");

        var response = await api.Admin.PostAsync("/api/admin/projections/activity/rebuild", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("running").GetBoolean());
        await CountsEveryEventAsync("the rebuilt projection to count every event once");
        await api.ProposedDecisionAsync(baseline, "SECCOMP");
        await CountsEveryEventAsync("the projection, still running after the rebuild, to count a later event");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Engineer.PostAsync("/api/admin/projections/activity/rebuild", null)).StatusCode);
    }

    private async Task CountsEveryEventAsync(string what)
    {
        var events = 0L;
        await Eventually.True(async () =>
        {
            events = await api.EventCountAsync();
            var report = await api.Viewer.GetFromJsonAsync<JsonElement>("/api/activity?days=366");
            return report.GetProperty("days").EnumerateArray().Sum(d => d.GetProperty("events").GetInt64()) == events;
        }, what);
    }
}
