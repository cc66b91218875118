using System.Text.Json;
using System.Text.Json.Nodes;
using Traceability.Projections.Audit;

namespace Traceability.Api.Tests.Audit;

/// <summary>Format 2: what an export carries in full, what it carries as chain data only, and that every file is recomputed.</summary>
public sealed class ExportContents(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Only_the_baselines_own_events_and_what_they_link_carry_payloads_and_no_key_material_travels()
    {
        var small = await api.SmallMatrixAsync();
        var other = await api.CreateBaselineAsync();
        await api.DecideAsync(other, "FUTEX", "y");
        var zip = await api.Viewer.AuditExportAsync(small.Baseline);

        var lines = ExportingBaselines.Entry(zip, "events.jsonl").TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement).ToList();
        bool Full(JsonElement l) => l.TryGetProperty("data", out _);
        string Stream(JsonElement l) => l.GetProperty("stream").GetString()!;

        Assert.All(lines.Where(l => Stream(l).StartsWith($"decision/{small.Baseline}/", StringComparison.Ordinal)), l => Assert.True(Full(l)));
        Assert.All(lines.Where(l => Stream(l).StartsWith($"decision/{other}/", StringComparison.Ordinal) || Stream(l).StartsWith("apikey/", StringComparison.Ordinal)),
            l => Assert.False(Full(l)));
        Assert.Contains(lines, l => Stream(l) == $"aou/{small.Assumption}" && Full(l));
        Assert.DoesNotContain("keyHash", ExportingBaselines.Entry(zip, "events.jsonl"), StringComparison.Ordinal);
        Assert.True(AuditExportScenarios.AuditVerify(zip).Valid);
    }

    [Theory]
    [InlineData("decisions.json")]
    [InlineData("evidence.json")]
    [InlineData("assumptions.json")]
    public async Task A_file_edited_and_rehashed_into_the_manifest_is_named_by_the_recomputation(string file)
    {
        var zip = await api.Viewer.AuditExportAsync((await api.SmallMatrixAsync()).Baseline);
        var edited = JsonNode.Parse(ExportingBaselines.Entry(zip, file))!;
        edited["asOfPosition"] = edited["asOfPosition"]!.GetValue<long>() - 1;
        var bytes = AuditJson.Write(JsonSerializer.SerializeToElement(edited));

        var result = AuditExportScenarios.AuditVerify(TamperedExports.Rehashed(AuditExportScenarios.AuditReplace(zip, file, _ => bytes), file, bytes));

        Assert.False(result.Valid);
        Assert.DoesNotContain(result.Failures, f => f.Check == ExportVerifier.Hashes);
        var failure = Assert.Single(result.Failures, f => f.Check == ExportVerifier.Files);
        Assert.Equal(file, failure.File);
    }
}
