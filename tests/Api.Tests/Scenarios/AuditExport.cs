using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using Traceability.Projections.Audit;

namespace Traceability.Api.Tests;

/// <summary>Audit export scenarios: exports fetched over HTTP, and zips taken apart and put back together to tamper with them.</summary>
public static class AuditExportScenarios
{
    public static async Task<byte[]> AuditExportAsync(this HttpClient client, string baseline, string query = "")
    {
        var response = await client.GetAsync($"/api/baselines/{baseline}/audit-export{query}");
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode ? body : throw new InvalidOperationException($"{(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
    }

    /// <summary>The small matrix (every flag) on the real arm64 6.1 config: thousands of undocumented symbols, as in the demo.</summary>
    public static async Task<string> AuditDemoLikeBaselineAsync(this ApiFixture api)
    {
        var small = await api.SmallMatrixAsync();
        var baseline = await api.CreateBaselineAsync();
        (await api.ImportConfigAsync(baseline, SampleConfigs.Arm64_6_1)).EnsureSuccessStatusCode();
        // The small matrix left its AoU revised, so a draft: agreed again before a decision resting on it is approved.
        (await api.Assessor.PostAsJsonAsync($"/api/assumptions/{small.Assumption}/accept", new { reason = "Agreed." })).EnsureSuccessStatusCode();
        await api.DecideAsync(baseline, "SECCOMP", "y", assumptions: [small.Assumption],
            rationale: "Seccomp filters confine the <untrusted> workloads & their syscalls (AoU \"EL0 only\").");
        await api.ApproveAsync(baseline, "SECCOMP");
        await api.DecideAsync(baseline, "ARM64_PAN", "y", features: [small.Feature], rationale: "PAN stops the kernel touching user memory by accident.");
        await api.ApproveAsync(baseline, "ARM64_PAN");
        await api.DecideAsync(baseline, "DEBUG_FS", "n", rationale: "debugfs exposes kernel internals; off in production.");
        await api.ApproveAsync(baseline, "DEBUG_FS");
        await api.DecideAsync(baseline, "KPROBES", "y", rationale: "Needed for tracing in the field.");
        await api.ReviseAssumptionAsync(small.Assumption, $"The kernel runs at EL1; workloads at EL0 only ({BaselineScenarios.NewId("rev")}).");
        return baseline;
    }

    public static async Task<ExportVerification> VerifyAuditExportAsync(this HttpClient client, byte[] zip)
    {
        var body = new ByteArrayContent(zip);
        body.Headers.ContentType = new("application/zip");
        var response = await client.PostAsync("/api/audit-exports/verify", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<ExportVerification>())!;
    }

    public static List<(string Name, byte[] Content)> AuditEntries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (e.FullName, copy.ToArray());
        }).ToList();
    }

    /// <summary>The same zip with one entry's content replaced (order kept).</summary>
    public static byte[] AuditReplace(byte[] zip, string name, Func<byte[], byte[]> change) =>
        AuditZip.Write(AuditEntries(zip).Select(e => e.Name == name ? (e.Name, change(e.Content)) : e));

    /// <summary>Flips the lowest bit of the byte at the given share of the content (a letter stays a letter, mostly).</summary>
    public static byte[] AuditFlipByte(byte[] content, double at = 0.5)
    {
        var copy = content.ToArray();
        copy[(int)(copy.Length * at)] ^= 0x01;
        return copy;
    }

    public static ExportVerification AuditVerify(byte[] zip, string? publicKeyPem = null) =>
        ExportVerifier.Verify(new MemoryStream(zip), publicKeyPem is null ? null : [publicKeyPem]);
}
