using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Projections.Audit;

namespace Traceability.Api.Tests.Audit;

/// <summary>
/// Issue 13, item 1: a viewer's 1 MB upload whose one entry inflates to 1,000 MiB must not cost the service that
/// memory. Asserted on what the verifier inflated (ExportLimits bound it), not on process memory or time.
/// </summary>
public sealed class ZipBombs(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const long Bomb = 1000L * 1024 * 1024;
    private static readonly Dictionary<string, Lazy<byte[]>> Bombs = new()
    {
        [ExportFiles.MatrixJson] = new(() => ZipOf(ExportFiles.MatrixJson, Bomb)),
        [ExportFiles.Report] = new(() => ZipOf(ExportFiles.Report, Bomb)),
        [ExportFiles.Events] = new(() => ZipOf(ExportFiles.Events, Bomb)),
        ["payload.bin"] = new(() => ZipOf("payload.bin", Bomb)),
    };

    [Theory]
    [InlineData(ExportFiles.MatrixJson)]
    [InlineData(ExportFiles.Report)]
    public async Task An_entry_that_declares_more_than_an_export_holds_is_refused_with_413_before_a_byte_is_inflated(string entry)
    {
        var zip = Bombs[entry].Value;
        Assert.InRange(zip.Length, 1, 2 * 1024 * 1024);

        var response = await api.Viewer.PostAsync("/api/audit-exports/verify", Zip(zip));

        var problem = await Problem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains($"{entry} declares {Bomb} bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, problem.GetProperty("inflatedBytes").GetInt64());
    }

    [Fact]
    public async Task A_log_that_is_one_endless_line_stops_at_the_longest_line_an_event_can_be()
    {
        var response = await api.Viewer.PostAsync("/api/audit-exports/verify", Zip(Bombs[ExportFiles.Events].Value));

        var problem = await Problem(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("events.jsonl line 1 is longer than 16 MiB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.InRange(problem.GetProperty("inflatedBytes").GetInt64(), 1, ExportLimits.Default.MaxEventLineBytes + 128 * 1024);
    }

    [Fact]
    public async Task An_entry_no_export_holds_is_named_and_never_inflated()
    {
        var response = await api.Viewer.PostAsync("/api/audit-exports/verify", Zip(Bombs["payload.bin"].Value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<ExportVerification>())!;
        Assert.False(result.Valid);
        Assert.Contains(result.Failures, f => f.Message == "payload.bin: not a file an audit export holds.");
        Assert.Equal(0, result.InflatedBytes);
    }

    [Fact]
    public async Task A_real_export_verifies_inflating_each_of_its_files_exactly_once()
    {
        var export = await api.Viewer.AuditExportAsync((await api.SmallMatrixAsync()).Baseline);

        var result = AuditExportScenarios.AuditVerify(export);

        Assert.True(result.Valid);
        Assert.Equal(AuditExportScenarios.AuditEntries(export).Sum(e => (long)e.Content.Length), result.InflatedBytes);
    }

    [Fact]
    public void More_entries_than_an_export_has_are_refused_before_any_is_read()
    {
        var many = AuditZip.Write(Enumerable.Range(0, 40).Select(i => ($"file-{i}.json", new byte[] { 1 })));

        var refused = Assert.Throws<ExportLimitExceeded>(() => AuditExportScenarios.AuditVerify(many));

        Assert.Contains("40 entries", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, refused.InflatedBytes);
    }

    private static ByteArrayContent Zip(byte[] zip) => new(zip) { Headers = { ContentType = new("application/zip") } };

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>One entry of <paramref name="bytes"/> zero bytes: about 1 MB of zip per 1,000 MiB.</summary>
    private static byte[] ZipOf(string entry, long bytes)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var stream = zip.CreateEntry(entry, CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (long written = 0; written < bytes; written += zeros.Length) stream.Write(zeros);
        }
        return output.ToArray();
    }
}
