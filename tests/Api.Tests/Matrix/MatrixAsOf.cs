using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Projections.Events;

namespace Traceability.Api.Tests.Matrix;

public sealed class MatrixAsOf(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_matrix_as_of_a_position_or_a_time_equals_what_the_live_matrix_returned_then()
    {
        var small = await api.SmallMatrixAsync();
        var captured = await api.Viewer.MatrixTextAsync(small.Baseline, "?pageSize=1000");
        var capturedCsv = await api.Viewer.MatrixTextAsync(small.Baseline, "?format=csv");
        var seq = JsonDocument.Parse(captured).RootElement.GetProperty("asOfPosition").GetInt64();
        // The moment the captured position was sealed: as-of-time is inclusive, and every later position is sealed later.
        var moment = await api.ChainedAtAsync(seq);

        await api.ReviseDecisionAsync(small.Baseline, "DEBUG_FS", "n", "Debugfs exposes kernel internals; off.");
        await api.ApproveAsync(small.Baseline, "DEBUG_FS");
        await api.DecideAsync(small.Baseline, "USB_STORAGE", "m", assumptions: [small.Assumption]);
        (await api.ImportConfigAsync(small.Baseline, MatrixScenarios.Config(("FUTEX", "y"), ("ARM64_PAN", "n"), ("DEBUG_FS", "n"), ("NEW_ONE", "y")))).EnsureSuccessStatusCode();
        await api.ReviseAssumptionAsync(small.Assumption, "The kernel runs at EL1, never at EL2.");
        var now = await api.Viewer.MatrixTextAsync(small.Baseline, "?pageSize=1000");
        Assert.NotEqual(captured, now);

        var time = Uri.EscapeDataString(moment.ToString("O", CultureInfo.InvariantCulture));
        Assert.Equal(captured, await api.Viewer.MatrixTextAsync(small.Baseline, $"?pageSize=1000&asOf={seq}"));
        Assert.Equal(captured, await api.Viewer.MatrixTextAsync(small.Baseline, $"?pageSize=1000&asOf={time}"));
        Assert.Equal(capturedCsv, await api.Viewer.MatrixTextAsync(small.Baseline, $"?format=csv&asOf={seq}"));
    }

    [Fact]
    public async Task A_time_with_an_offset_maps_to_the_same_moment()
    {
        var small = await api.SmallMatrixAsync();
        var live = await api.Viewer.MatrixAsync(small.Baseline);
        var moment = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(2));

        var asOf = await api.Viewer.MatrixAsync(small.Baseline, "?asOf=" + Uri.EscapeDataString(moment.ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture)));

        Assert.Equal(live.GetProperty("asOfPosition").GetInt64(), asOf.GetProperty("asOfPosition").GetInt64());
        Assert.Equal(live.Symbols(), asOf.Symbols());
    }

    [Fact]
    public async Task Before_the_baseline_existed_its_matrix_was_empty()
    {
        var small = await api.SmallMatrixAsync();

        var page = await api.Viewer.MatrixAsync(small.Baseline, "?asOf=2001-01-01T00:00:00Z");

        Assert.Equal(0, page.GetProperty("asOfPosition").GetInt64());
        Assert.Equal(0, page.GetProperty("total").GetInt32());
    }
}
