using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Traceability.Api.Tests.Conformance;

/// <summary>
/// What fails a check besides deviations and missing symbols (issue 12, item 1): suspect decisions by default,
/// unapproved, symbol-missing and undecided ones by policy, each failure with its cause; gate=true makes a FAIL a 422.
/// </summary>
public sealed class CheckPolicies(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Sample = SampleConfigs.Arm64_6_1;

    [Fact]
    public async Task A_suspect_approved_decision_fails_the_check_by_default_naming_the_aou_revision_that_made_it_suspect()
    {
        var baseline = await api.BaselineWithRealConfigAsync();
        var aou = await api.SuspectDecisionAsync(baseline, "ARM64_MTE", "y", "The first SoC lacks FEAT_MTE2.");

        var report = await api.CheckReportAsync(baseline, SampleConfigs.Bytes(Sample));

        Assert.False(report.GetProperty("pass").GetBoolean());
        Assert.Equal(["suspect"], report.GetProperty("failOn").Strings());
        Assert.StartsWith($"FAIL {baseline}: 0 deviations, 0 missing, 1 suspect, ", report.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var failure = Assert.Single(report.GetProperty("failures").EnumerateArray());
        Assert.Equal(("suspect", "CONFIG_ARM64_MTE"), (failure.GetProperty("kind").GetString(), failure.GetProperty("symbol").GetString()));
        Assert.Contains($"aou/{aou} revised (r2) by engineer-1: The first SoC lacks FEAT_MTE2.", failure.GetProperty("cause").GetString(), StringComparison.Ordinal);
        var suspect = Assert.Single(report.GetProperty("suspect").EnumerateArray());
        Assert.Equal(($"aou/{aou} revised (r2)", "approved", "y"), (suspect.GetProperty("cause").GetString(),
            suspect.GetProperty("status").GetString(), suspect.GetProperty("decided").GetString()));
    }

    [Fact]
    public async Task FailOn_none_lets_a_suspect_decision_pass_and_the_text_still_names_it()
    {
        var baseline = await api.BaselineWithRealConfigAsync();
        var aou = await api.SuspectDecisionAsync(baseline, "ARM64_MTE", "y", "MTE is optional now.");

        var response = await api.CheckAsync(baseline, SampleConfigs.Bytes(Sample), "?failOn=none&format=text&gate=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.StartsWith($"PASS {baseline}: 0 deviations, 0 missing, ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("suspect (not gated) CONFIG_ARM64_MTE: approved y, suspect since position ", StringComparison.Ordinal)
            && l.Contains($"aou/{aou} revised (r2)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailOn_unapproved_and_symbol_missing_fail_on_proposed_decisions_and_on_decided_n_symbols_the_file_lacks()
    {
        var baseline = await api.BaselineWithRealConfigAsync();
        await api.CheckedDecisionAsync(baseline, "BTRFS_FS", "m", Review.Proposed);
        await api.CheckedDecisionAsync(baseline, "KASAN", "n");

        var lenient = await api.CheckReportAsync(baseline, ConformanceScenarios.RealConfigWith(Sample, "KASAN", null));
        var report = await api.CheckReportAsync(baseline, ConformanceScenarios.RealConfigWith(Sample, "KASAN", null), "?failOn=unapproved,symbol-missing");

        Assert.True(lenient.GetProperty("pass").GetBoolean());
        Assert.False(report.GetProperty("pass").GetBoolean());
        Assert.Equal(["unapproved:CONFIG_BTRFS_FS", "symbol-missing:CONFIG_KASAN"], report.GetProperty("failures").EnumerateArray()
            .Select(f => $"{f.GetProperty("kind").GetString()}:{f.GetProperty("symbol").GetString()}"));
        Assert.StartsWith($"FAIL {baseline}: 0 deviations, 0 missing, 1 unapproved, 1 symbol-missing, ", report.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_decisions_that_do_not_fail_the_check_are_one_line_of_the_text()
    {
        var baseline = await api.BaselineWithRealConfigAsync();
        await api.CheckedDecisionAsync(baseline, "BTRFS_FS", "m", Review.Proposed);
        await api.CheckedDecisionAsync(baseline, "KVM", "y", Review.Rejected);

        var response = await api.CheckAsync(baseline, SampleConfigs.Bytes(Sample), "?format=text");

        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal(["not gated: 2 proposed or rejected decisions (failOn=unapproved fails on them; the JSON answer lists them)"], lines[1..]);
    }

    [Fact]
    public async Task Strict_mode_fails_on_every_category_and_lists_undecided_symbols_as_one_failure()
    {
        var baseline = await api.BaselineWithRealConfigAsync();
        await api.CheckedDecisionAsync(baseline, "BTRFS_FS", "m", Review.Proposed);

        var report = await api.CheckReportAsync(baseline, SampleConfigs.Bytes(Sample), "?strict=true");

        Assert.Equal(["suspect", "unapproved", "symbol-missing", "undecided"], report.GetProperty("failOn").Strings());
        var undecided = report.GetProperty("failures").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "undecided");
        Assert.Equal(JsonValueKind.Null, undecided.GetProperty("symbol").ValueKind);
        Assert.EndsWith("symbols built in (y/m) have no approved decision", undecided.GetProperty("cause").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_failOn_category_is_a_400_naming_the_valid_ones()
    {
        var baseline = await api.BaselineWithRealConfigAsync();

        var response = await api.CheckAsync(baseline, SampleConfigs.Bytes(Sample), "?failOn=suspect,warnings");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("suspect, unapproved, symbol-missing, undecided", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_gate_a_failing_check_is_a_422_problem_holding_the_report_and_a_passing_one_stays_200()
    {
        var baseline = await api.BaselineWithRealConfigAsync();
        await api.CheckedDecisionAsync(baseline, "FUTEX", "y");

        var passing = await api.CheckAsync(baseline, SampleConfigs.Bytes(Sample), "?gate=true");
        var failing = await api.CheckAsync(baseline, ConformanceScenarios.RealConfigWith(Sample, "FUTEX", "n"), "?gate=true");

        Assert.Equal(HttpStatusCode.OK, passing.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, failing.StatusCode);
        Assert.Equal("application/problem+json", failing.Content.Headers.ContentType?.MediaType);
        var problem = await failing.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith($"FAIL {baseline}: 1 deviation", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var failure = Assert.Single(problem.GetProperty("report").GetProperty("failures").EnumerateArray());
        Assert.Equal(("deviation", "CONFIG_FUTEX", "decided y, actual n"), (failure.GetProperty("kind").GetString(),
            failure.GetProperty("symbol").GetString(), failure.GetProperty("cause").GetString()));
    }

    [Fact]
    public async Task The_text_of_a_real_config_is_the_summary_and_the_failures_without_thousands_of_undecided_lines()
    {
        var baseline = await api.BaselineWithRealConfigAsync();
        await api.CheckedDecisionAsync(baseline, "FUTEX", "y");

        var response = await api.CheckAsync(baseline, ConformanceScenarios.RealConfigWith(Sample, "FUTEX", "n"), "?format=text&gate=true");
        var listed = await api.CheckAsync(baseline, ConformanceScenarios.RealConfigWith(Sample, "FUTEX", "n"), "?format=text&listUndecided=true");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("deviation CONFIG_FUTEX: decided y, actual n — FUTEX=y is what the safety case assumes.", lines[1]);
        var builtIn = SampleConfigs.Values(Sample).Values.Count(v => v is "y" or "m");
        Assert.Equal(2 + builtIn - 1, (await listed.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n').Length);
    }
}
