using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Traceability.Api.Demo;

namespace Traceability.Api.Tests;

/// <summary>Issue 12, item 11: the small things a new user tripped over.</summary>
public sealed partial class SmallFindings(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_matrix_gives_a_rows_last_change_time_to_the_microsecond_alike_in_json_and_csv()
    {
        var small = await api.SmallMatrixAsync();

        var json = await api.Viewer.MatrixAsync(small.Baseline, "?symbolPrefix=FUTEX");
        var csv = Rfc4180.Parse(await api.Viewer.MatrixTextAsync(small.Baseline, "?format=csv&symbolPrefix=FUTEX"));

        var inJson = json.GetProperty("rows")[0].GetProperty("lastChange").GetProperty("time").GetString()!;
        var inCsv = csv[1][csv[0].IndexOf("lastTime")];
        Assert.Matches(Microseconds(), inJson);
        Assert.Equal(inJson, inCsv);
    }

    [Fact]
    public async Task Times_in_other_answers_have_the_same_form()
    {
        var small = await api.SmallMatrixAsync();

        var decision = await api.Viewer.GetFromJsonAsync<JsonElement>($"/api/baselines/{small.Baseline}/decisions/FUTEX");

        Assert.All(decision.GetProperty("history").EnumerateArray(), h => Assert.Matches(Microseconds(), h.GetProperty("time").GetString()!));
    }

    [Fact]
    public void The_demo_summary_names_its_requirements()
    {
        var demo = DemoData.Load(Path.Combine(SampleConfigs.RepoRoot(), "samples"));

        Assert.Contains($"{demo.Requirements.Count} requirements", demo.Summary(), StringComparison.Ordinal);
        Assert.Contains("12 assumptions of use, 5 requirements, 3 baselines", demo.Summary(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")]
    private static partial Regex Microseconds();
}
