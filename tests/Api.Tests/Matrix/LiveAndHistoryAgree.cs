using Microsoft.Extensions.DependencyInjection;
using Traceability.Domain.Decisions;
using Traceability.Projections.Events;

namespace Traceability.Api.Tests.Matrix;

/// <summary>
/// The live matrix is answered by SQL, ?asOf= by the same query in memory: for every filter and
/// sort, both must give the same JSON at the head, byte for byte.
/// </summary>
public sealed class LiveAndHistoryAgree(ApiFixture api) : IClassFixture<ApiFixture>
{
    public static TheoryData<string> Queries() =>
    [
        "", "?sort=-symbol", "?sort=status", "?sort=-status", "?sort=configValue", "?sort=-configValue", "?sort=lastChange",
        "?sort=-lastChange", "?flag=undocumented", "?flag=deviation", "?flag=unapproved", "?flag=suspect", "?flag=symbol-missing",
        "?flag=undocumented&flag=suspect&sort=-status", "?status=proposed", "?status=approved", "?status=rejected",
        "?status=withdrawn", "?status=none", "?status=none,approved&sort=configValue", "?symbolPrefix=CONFIG_s", "?symbolPrefix=k",
        "?search=_s", "?search=config_buf", "?pageSize=3&page=2&sort=-configValue", "?pageSize=4&page=3&sort=lastChange",
        "?pageSize=1&page=99",
    ];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task The_live_answer_equals_the_history_folded_to_its_head(string query)
    {
        var small = await api.SmallMatrixAsync();
        var live = await api.Viewer.MatrixTextAsync(small.Baseline, query);
        var head = System.Text.Json.JsonDocument.Parse(live).RootElement.GetProperty("asOfPosition").GetInt64();

        var separator = query.Length == 0 ? "?" : "&";
        Assert.Equal(live, await api.Viewer.MatrixTextAsync(small.Baseline, $"{query}{separator}asOf={head}"));
    }

    [Fact]
    public async Task Links_filter_the_same_way_live_and_from_history()
    {
        var small = await api.SmallMatrixAsync();
        foreach (var query in new[] { $"?assumption={small.Assumption.ToLowerInvariant()}", $"?feature={small.Feature}&sort=-symbol" })
        {
            var live = await api.Viewer.MatrixTextAsync(small.Baseline, query);
            var head = System.Text.Json.JsonDocument.Parse(live).RootElement.GetProperty("asOfPosition").GetInt64();
            Assert.Equal(live, await api.Viewer.MatrixTextAsync(small.Baseline, $"{query}&asOf={head}"));
        }
    }

    [Fact]
    public async Task A_withdrawn_decision_marked_suspect_afterwards_is_suspect_in_neither_answer()
    {
        var small = await api.SmallMatrixAsync();
        var store = api.Services.GetRequiredService<EventLog>();
        var stream = Decision.StreamId(small.Baseline, "STAGING");
        await store.AppendAsync(new StreamAppend(stream, await store.StreamVersionAsync(stream),
            [new DecisionMarkedSuspect(small.Baseline, "STAGING", "aou/AOU-0001 revised (r2)")]), new EventMetadata("system"));

        var live = await api.Viewer.MatrixAsync(small.Baseline, "?flag=suspect");
        var head = live.GetProperty("asOfPosition").GetInt64();
        Assert.Equal(["CONFIG_SECCOMP"], live.Symbols());
        Assert.Equal(["CONFIG_SECCOMP"], (await api.Viewer.MatrixAsync(small.Baseline, $"?flag=suspect&asOf={head}")).Symbols());
    }
}
