using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Projections.Events;

namespace Traceability.Api.Tests.Conformance;

/// <summary>What a check finds: every call also asserts that it wrote nothing (ConformanceScenarios.CheckAsync).</summary>
public sealed class CheckingConformance(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string Sample = SampleConfigs.Arm64_6_1;

    [Fact]
    public async Task The_baselines_own_real_config_passes_when_every_approved_decision_matches_it()
    {
        var baseline = await api.BaselineWithRealConfigAsync();
        await api.CheckedDecisionAsync(baseline, "FUTEX", "y");
        await api.CheckedDecisionAsync(baseline, "EXT4_FS", "m");
        await api.CheckedDecisionAsync(baseline, "KASAN", "n");
        await api.CheckedDecisionAsync(baseline, "HZ", "250");
        await api.CheckedDecisionAsync(baseline, "BTRFS_FS", "m", Review.Proposed);
        var head = (await api.Services.GetRequiredService<EventLog>().Sealer.SealAsync()).Position;
        var bytes = SampleConfigs.Bytes(Sample);

        var report = await api.CheckReportAsync(baseline, bytes);

        var values = SampleConfigs.Values(Sample);
        var builtIn = values.Values.Count(v => v is "y" or "m");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.True(report.GetProperty("pass").GetBoolean());
        Assert.Empty(report.GetProperty("deviations").EnumerateArray());
        Assert.Empty(report.GetProperty("missing").EnumerateArray());
        Assert.Empty(report.GetProperty("warnings").EnumerateArray());
        Assert.Equal((4, head), (report.GetProperty("checkedAgainst").GetProperty("approvedDecisions").GetInt32(),
            report.GetProperty("checkedAgainst").GetProperty("asOfPosition").GetInt64()));
        Assert.Equal((sha256, "arm64", "6.1.192", values.Count), (report.GetProperty("file").GetProperty("sha256").GetString(),
            report.GetProperty("file").GetProperty("architecture").GetString(), report.GetProperty("file").GetProperty("kernelVersion").GetString(),
            report.GetProperty("file").GetProperty("symbols").GetInt32()));
        Assert.Equal($"PASS {baseline}: 0 deviations, 0 missing, {builtIn - 2:N0} undecided y/m of {values.Count:N0} symbols (sha256 {sha256[..8]})",
            report.GetProperty("summary").GetString());
        var undecided = report.GetProperty("undecided");
        Assert.Equal(builtIn - 2, undecided.GetProperty("count").GetInt32());
        Assert.Equal(builtIn - 2, undecided.GetProperty("symbols").GetArrayLength());
        Assert.Contains("CONFIG_ARM64_PAN", undecided.GetProperty("symbols").Strings());
        Assert.DoesNotContain("CONFIG_FUTEX", undecided.GetProperty("symbols").Strings());
        Assert.Equal(["CONFIG_BTRFS_FS"], undecided.GetProperty("proposed").Strings());
        var pending = Assert.Single(report.GetProperty("pending").EnumerateArray());
        Assert.Equal(("CONFIG_BTRFS_FS", "proposed", "m", "m"), (pending.GetProperty("symbol").GetString(),
            pending.GetProperty("status").GetString(), pending.GetProperty("decided").GetString(), pending.GetProperty("actual").GetString()));
    }

    [Fact]
    public async Task A_config_deviating_from_an_approved_decision_fails_naming_the_symbol_with_decided_and_actual_values()
    {
        var baseline = await api.BaselineWithRealConfigAsync();
        await api.CheckedDecisionAsync(baseline, "FUTEX", "y");
        await api.CheckedDecisionAsync(baseline, "HZ", "250");

        var report = await api.CheckReportAsync(baseline, ConformanceScenarios.RealConfigWith(Sample, "FUTEX", "n"));

        Assert.False(report.GetProperty("pass").GetBoolean());
        Assert.StartsWith($"FAIL {baseline}: 1 deviation, 0 missing, ", report.GetProperty("summary").GetString(), StringComparison.Ordinal);
        var deviation = Assert.Single(report.GetProperty("deviations").EnumerateArray());
        Assert.Equal(("CONFIG_FUTEX", "y", "n", "FUTEX=y is what the safety case assumes."), (deviation.GetProperty("symbol").GetString(),
            deviation.GetProperty("decided").GetString(), deviation.GetProperty("actual").GetString(), deviation.GetProperty("rationale").GetString()));
    }

    [Fact]
    public async Task A_decided_y_symbol_deleted_from_the_file_is_reported_missing_and_fails()
    {
        var baseline = await api.BaselineWithRealConfigAsync();
        await api.CheckedDecisionAsync(baseline, "ARM64_PAN", "y");

        var report = await api.CheckReportAsync(baseline, ConformanceScenarios.RealConfigWith(Sample, "ARM64_PAN", null));

        Assert.False(report.GetProperty("pass").GetBoolean());
        Assert.Empty(report.GetProperty("deviations").EnumerateArray());
        var missing = Assert.Single(report.GetProperty("missing").EnumerateArray());
        Assert.Equal(("CONFIG_ARM64_PAN", "y"), (missing.GetProperty("symbol").GetString(), missing.GetProperty("decided").GetString()));
    }

    [Fact]
    public async Task A_decided_n_symbol_absent_from_the_file_conforms_and_is_not_missing()
    {
        var baseline = await api.BaselineWithRealConfigAsync();
        await api.CheckedDecisionAsync(baseline, "KASAN", "n");
        await api.CheckedDecisionAsync(baseline, "NOT_IN_ANY_KERNEL", "n");

        var report = await api.CheckReportAsync(baseline, ConformanceScenarios.RealConfigWith(Sample, "KASAN", null));

        Assert.True(report.GetProperty("pass").GetBoolean());
        Assert.Empty(report.GetProperty("missing").EnumerateArray());
        Assert.Equal(2, report.GetProperty("checkedAgainst").GetProperty("approvedDecisions").GetInt32());
    }

    [Fact]
    public async Task Strict_mode_fails_on_undecided_y_m_symbols_and_passes_once_every_one_is_decided()
    {
        var baseline = await api.BaselineWithRealConfigAsync();
        await api.CheckedDecisionAsync(baseline, "FUTEX", "y");

        var real = await api.CheckReportAsync(baseline, SampleConfigs.Bytes(Sample), "?strict=true");
        var small = await api.CheckReportAsync(baseline, Encoding.UTF8.GetBytes("CONFIG_FUTEX=y\n# CONFIG_KASAN is not set\nCONFIG_HZ=250\n"), "?strict=true");

        Assert.False(real.GetProperty("pass").GetBoolean());
        Assert.True(real.GetProperty("strict").GetBoolean());
        Assert.StartsWith($"FAIL (strict) {baseline}: 0 deviations, 0 missing, ", real.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(small.GetProperty("pass").GetBoolean());
        Assert.Equal(0, small.GetProperty("undecided").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Proposed_and_rejected_decisions_are_listed_as_pending_and_never_fail_a_check()
    {
        var baseline = await api.BaselineWithRealConfigAsync();
        await api.CheckedDecisionAsync(baseline, "FUTEX", "n", Review.Rejected);
        await api.CheckedDecisionAsync(baseline, "MODULES", "n", Review.Proposed);

        var report = await api.CheckReportAsync(baseline, SampleConfigs.Bytes(Sample));

        Assert.True(report.GetProperty("pass").GetBoolean());
        Assert.Equal(0, report.GetProperty("checkedAgainst").GetProperty("approvedDecisions").GetInt32());
        Assert.Equal(["CONFIG_FUTEX:rejected", "CONFIG_MODULES:proposed"], report.GetProperty("pending").EnumerateArray()
            .Select(p => $"{p.GetProperty("symbol").GetString()}:{p.GetProperty("status").GetString()}"));
        Assert.Equal(["CONFIG_MODULES"], report.GetProperty("undecided").GetProperty("proposed").Strings());
    }

    [Fact]
    public async Task A_withdrawn_decision_is_no_longer_checked()
    {
        var baseline = await api.BaselineWithRealConfigAsync();
        var version = await api.CheckedDecisionAsync(baseline, "FUTEX", "n");
        (await api.Engineer.SendJsonAsync(HttpMethod.Post, $"/api/baselines/{baseline}/decisions/FUTEX/withdraw",
            new { reason = "Decided at the platform level instead." }, version)).EnsureSuccessStatusCode();

        var report = await api.CheckReportAsync(baseline, SampleConfigs.Bytes(Sample));

        Assert.True(report.GetProperty("pass").GetBoolean());
        Assert.Equal(0, report.GetProperty("checkedAgainst").GetProperty("approvedDecisions").GetInt32());
        Assert.Empty(report.GetProperty("pending").EnumerateArray());
        Assert.Contains("CONFIG_FUTEX", report.GetProperty("undecided").GetProperty("symbols").Strings());
    }

    [Fact]
    public async Task A_file_for_another_kernel_is_still_checked_with_a_warning()
    {
        var baseline = await api.BaselineWithRealConfigAsync();
        await api.CheckedDecisionAsync(baseline, "FUTEX", "y");

        var report = await api.CheckReportAsync(baseline, SampleConfigs.Bytes(SampleConfigs.Arm64_6_12));

        var warning = Assert.Single(report.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.Contains("6.12.117", warning, StringComparison.Ordinal);
        Assert.Contains("6.1.192", warning, StringComparison.Ordinal);
        Assert.EndsWith(", 1 warning", report.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(report.GetProperty("pass").GetBoolean());
    }

    [Fact]
    public async Task A_file_for_another_architecture_is_warned_about()
    {
        var baseline = await api.BaselineWithRealConfigAsync();

        var report = await api.CheckReportAsync(baseline, SampleConfigs.Bytes(SampleConfigs.Amd64_6_1));

        var warning = Assert.Single(report.GetProperty("warnings").EnumerateArray()).GetString();
        Assert.Contains("architecture x86", warning, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, report.GetProperty("undecided").GetProperty("symbols").ValueKind);
    }

    [Fact]
    public async Task An_x86_64_config_checked_against_an_x86_64_baseline_has_no_architecture_warning()
    {
        var baseline = await api.CreateBaselineAsync(Traceability.Domain.Platforms.Architectures.X86_64, kernelVersion: "6.1.192");
        (await api.ImportConfigAsync(baseline, SampleConfigs.Amd64_6_1)).EnsureSuccessStatusCode();

        var report = await api.CheckReportAsync(baseline, SampleConfigs.Bytes(SampleConfigs.Amd64_6_1));

        Assert.Equal("x86", report.GetProperty("file").GetProperty("architecture").GetString());
        Assert.Empty(report.GetProperty("warnings").EnumerateArray());
        Assert.DoesNotContain("warning", report.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }
}
