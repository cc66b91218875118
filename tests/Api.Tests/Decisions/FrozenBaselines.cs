using System.Net;
using System.Net.Http.Json;

namespace Traceability.Api.Tests.Decisions;

public sealed class FrozenBaselines(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Url = "/api/baselines/frozen/decisions";

    [Fact]
    public async Task A_frozen_baseline_refuses_every_decision_change_and_nothing_is_written()
    {
        var proposed = await api.ProposedDecisionAsync("frozen", "FUTEX");
        await api.ArrangeFreezeAsync("frozen");
        var before = await api.EventCountAsync();

        var responses = new[]
        {
            await api.Engineer.PostAsJsonAsync(Url, new { symbol = "SECCOMP", value = "y", rationale = "r" }),
            await api.Engineer.SendJsonAsync(HttpMethod.Put, $"{Url}/FUTEX", new { value = "n", rationale = "r", reason = "x" }, proposed),
            await api.Assessor.SendJsonAsync(HttpMethod.Post, $"{Url}/FUTEX/approve", new { }),
            await api.Assessor.SendJsonAsync(HttpMethod.Post, $"{Url}/FUTEX/reject", new { reason = "x" }),
            await api.Engineer.SendJsonAsync(HttpMethod.Post, $"{Url}/FUTEX/withdraw", new { reason = "x" }),
            await api.Engineer.SendJsonAsync(HttpMethod.Post, $"{Url}/FUTEX/evidence", new { kind = "test", reference = "r", outcome = "pass" }),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(before, await api.EventCountAsync());
        Assert.Equal(HttpStatusCode.OK, (await api.Viewer.GetAsync($"{Url}/FUTEX")).StatusCode);
    }
}
