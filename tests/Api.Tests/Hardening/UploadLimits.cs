using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Traceability.Api.Tests.Scenarios;
using Traceability.Projections.Audit;

namespace Traceability.Api.Tests.Hardening;

public sealed class SmallUploadLimits : TunedApiFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Limits:MaxRequestBytes"] = "4096",
        ["Limits:MaxExportUploadBytes"] = "65536",
        ["Limits:MaxCatalogUploadBytes"] = "65536",
    };
}

/// <summary>Issue 13, item 7: each endpoint's one limit holds for the bytes actually read, chunked bodies included.</summary>
public sealed class ChunkedUploadsAreCounted(SmallUploadLimits api) : IClassFixture<SmallUploadLimits>
{
    [Fact]
    public async Task A_chunked_json_body_over_the_limit_is_a_413_and_writes_nothing()
    {
        var body = Chunked(System.Text.Encoding.UTF8.GetBytes($"{{\"category\":\"platform\",\"text\":\"{new string('x', 8000)}\"}}"), "application/json");

        var response = await api.Admin.PostAsync("/api/assumptions", body);

        await Problem.Expect(response, HttpStatusCode.RequestEntityTooLarge, "Limits:MaxRequestBytes");
    }

    [Fact]
    public async Task A_chunked_export_upload_over_its_limit_is_a_413_naming_its_setting()
    {
        var response = await api.Admin.PostAsync("/api/audit-exports/verify", Chunked(new byte[200_000], "application/zip"));

        await Problem.Expect(response, HttpStatusCode.RequestEntityTooLarge, "Limits:MaxExportUploadBytes");
    }

    [Fact]
    public async Task A_chunked_catalog_tarball_over_its_limit_is_a_413_naming_its_setting()
    {
        var response = await api.Admin.PostAsync("/api/catalogs?kernelVersion=9.9.9&architecture=arm64", Chunked(new byte[200_000], "application/gzip"));

        await Problem.Expect(response, HttpStatusCode.RequestEntityTooLarge, "Limits:MaxCatalogUploadBytes");
    }

    /// <summary>No Content-Length: the client sends the body chunked, as curl does with -T - or a streaming upload.</summary>
    private static StreamContent Chunked(byte[] bytes, string type) =>
        new StreamContent(new UnknownLength(bytes)) { Headers = { ContentType = new MediaTypeHeaderValue(type) } };

    private sealed class UnknownLength(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

/// <summary>Issue 13, item 7: the default limits admit real data: a 20 MB export and a tarball of several MB.</summary>
public sealed class RealUploadsFit(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_20_mb_export_upload_is_read_and_verified_not_refused()
    {
        var zip = AuditZip.Write([(ExportFiles.Manifest, "{}"u8.ToArray()), (ExportFiles.Events, Random(20 * 1024 * 1024))]);
        Assert.True(zip.Length > 20_000_000);

        var response = await api.Viewer.PostAsync("/api/audit-exports/verify", new ByteArrayContent(zip) { Headers = { ContentType = new("application/zip") } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await response.Content.ReadFromJsonAsync<ExportVerification>())!.Valid);
    }

    [Fact]
    public async Task A_catalog_tarball_of_several_megabytes_is_built()
    {
        var tarball = CatalogScenarios.CatalogTarball(
            ("Kconfig", "config FUTEX\n\tbool \"Fast user-space mutexes\"\n"), ("Documentation/notes.txt", Convert.ToBase64String(Random(3 * 1024 * 1024))));
        Assert.True(tarball.Length > 2 * 1024 * 1024);

        var response = await api.Admin.CatalogUploadAsync(tarball, "kernelVersion=9.8.1&architecture=arm64");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static byte[] Random(int length)
    {
        var bytes = new byte[length];
        new Random(13).NextBytes(bytes);
        return bytes;
    }
}
