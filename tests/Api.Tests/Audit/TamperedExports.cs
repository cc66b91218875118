using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Traceability.Projections.Audit;

namespace Traceability.Api.Tests.Audit;

/// <summary>Each kind of tampering is caught and named: the file, the check, and for events the position and field.</summary>
public sealed class TamperedExports(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Theory]
    [InlineData("matrix.csv")]
    [InlineData("matrix.json")]
    [InlineData("decisions.json")]
    [InlineData("assumptions.json")]
    [InlineData("hardware-features.json")]
    [InlineData("requirements.json")]
    [InlineData("evidence.json")]
    [InlineData("events.jsonl")]
    [InlineData("report.html")]
    public async Task Flipping_one_byte_of_a_file_fails_its_hash_named_with_the_file(string file)
    {
        var zip = await ExportAsync();
        var result = AuditExportScenarios.AuditVerify(AuditExportScenarios.AuditReplace(zip, file, c => AuditExportScenarios.AuditFlipByte(c)));
        Assert.False(result.Valid);
        var failure = Assert.Single(result.Failures, f => f.Check == ExportVerifier.Hashes);
        Assert.Equal(file, failure.File);
        Assert.StartsWith($"{file}: SHA-256 is ", failure.Message, StringComparison.Ordinal);
        Assert.NotEqual(failure.Expected, failure.Found);
    }

    [Fact]
    public async Task A_changed_matrix_value_is_named_by_row_and_field_when_the_events_give_another()
    {
        var zip = await ExportAsync();
        var changed = AuditExportScenarios.AuditReplace(zip, "matrix.json", c =>
        {
            var text = Encoding.UTF8.GetString(c);
            var at = text.IndexOf("\"decidedValue\": \"n\"", StringComparison.Ordinal);
            return Encoding.UTF8.GetBytes(text[..at] + "\"decidedValue\": \"y\"" + text[(at + "\"decidedValue\": \"n\"".Length)..]);
        });
        var failure = Assert.Single(AuditExportScenarios.AuditVerify(changed).Failures, f => f.Check == ExportVerifier.Files);
        Assert.Equal("CONFIG_ARM64_PAN.decidedValue", failure.Field);
        Assert.Equal(("\"n\"", "\"y\""), (failure.Expected, failure.Found));
    }

    [Fact]
    public async Task Flipping_a_byte_of_the_chain_head_in_the_manifest_is_named()
    {
        var zip = await ExportAsync();
        var head = ExportingBaselines.Manifest(zip).GetProperty("chain").GetProperty("head").GetString()!;
        var forged = head[..^1] + (head[^1] == '0' ? '1' : '0');
        var result = AuditExportScenarios.AuditVerify(AuditExportScenarios.AuditReplace(zip, "manifest.json",
            c => Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(c).Replace(head, forged, StringComparison.Ordinal))));
        var failure = Assert.Single(result.Failures, f => f.Check == ExportVerifier.Chain);
        Assert.Equal((ExportVerifier.Chain, "manifest.json", "chain.head"), (failure.Check, failure.File, failure.Field));
        Assert.Contains(result.Failures, f => f.Check == ExportVerifier.Signature);
        Assert.Equal((forged, head), (failure.Expected, failure.Found));
    }

    [Fact]
    public async Task Changing_one_field_of_one_event_breaks_the_chain_at_that_position_even_when_the_manifest_is_rehashed()
    {
        var zip = await ExportAsync();
        var lines = ExportingBaselines.Entry(zip, "events.jsonl").TrimEnd('\n').Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains("\"type\":\"decision_approved\"", StringComparison.Ordinal));
        var line = JsonNode.Parse(lines[index])!;
        line["user"] = "someone-else";
        lines[index] = line.ToJsonString();
        var events = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        var tampered = Rehashed(AuditExportScenarios.AuditReplace(zip, "events.jsonl", _ => events), "events.jsonl", events);
        var result = AuditExportScenarios.AuditVerify(tampered);
        var failure = Assert.Single(result.Failures, f => f.Check == ExportVerifier.Chain);
        Assert.Equal((ExportVerifier.Chain, "events.jsonl", index + 1L, "digest"), (failure.Check, failure.File, failure.Position, failure.Field));
        Assert.Contains($"position {index + 1}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verify_endpoint_reports_the_same_and_refuses_what_is_not_a_zip()
    {
        var zip = await ExportAsync();
        Assert.True((await api.Viewer.VerifyAuditExportAsync(zip)).Valid);
        var broken = await api.Viewer.VerifyAuditExportAsync(AuditExportScenarios.AuditReplace(zip, "report.html", c => AuditExportScenarios.AuditFlipByte(c)));
        Assert.All(broken.Failures, f => Assert.Equal("report.html", f.File));
        var form = new MultipartFormDataContent { { new ByteArrayContent(zip), "export", "export.zip" } };
        var viaForm = await (await api.Viewer.PostAsync("/api/audit-exports/verify", form)).Content.ReadAsStringAsync();
        Assert.True(viaForm.Contains("\"valid\":true", StringComparison.Ordinal), viaForm);
        var notZip = new ByteArrayContent("not a zip"u8.ToArray());
        notZip.Headers.ContentType = new("application/zip");
        Assert.Equal(422, (int)(await api.Viewer.PostAsync("/api/audit-exports/verify", notZip)).StatusCode);
        Assert.Equal(415, (int)(await api.Viewer.PostAsync("/api/audit-exports/verify", new StringContent("x"))).StatusCode);
        Assert.Equal(401, (int)(await api.Anonymous.PostAsync("/api/audit-exports/verify", notZip)).StatusCode);
    }

    private async Task<byte[]> ExportAsync() => await api.Viewer.AuditExportAsync((await api.SmallMatrixAsync()).Baseline);

    /// <summary>Puts the file's new SHA-256 into the manifest, as a forger would, so only the chain can tell.</summary>
    internal static byte[] Rehashed(byte[] zip, string file, byte[] content)
    {
        var manifest = JsonNode.Parse(ExportingBaselines.Entry(zip, "manifest.json"))!;
        foreach (var entry in manifest["files"]!.AsArray())
        {
            if ((string?)entry!["name"] != file) continue;
            entry["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content));
            entry["bytes"] = content.Length;
        }
        var bytes = AuditJson.Write(JsonSerializer.SerializeToElement(manifest));
        return AuditExportScenarios.AuditReplace(zip, "manifest.json", _ => bytes);
    }
}
