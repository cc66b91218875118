using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Traceability.Api.Hosting;

namespace Traceability.Api.Tests.Catalogs;

/// <summary>
/// A refused POST /api/catalogs removes the upload it may have spooled. On a service that had never spooled one, the
/// data directory has no jobs folder, and removing the (absent) upload threw: every bad request answered 500 until the
/// first tarball arrived. This class's service has a data directory of its own, whose jobs folder the test may remove.
/// </summary>
public sealed class RefusedBeforeAnyUpload(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Bad_requests_to_a_service_that_never_spooled_an_upload_are_4xx_problems_and_write_nothing()
    {
        var jobs = Path.Combine(api.Services.GetRequiredService<ServiceDataDirectory>().Path, "jobs");
        if (Directory.Exists(jobs)) Directory.Delete(jobs, recursive: true); // as on a service that never spooled an upload (the other test may have)
        var before = await api.EventCountAsync();
        var requests = new (string Name, HttpContent Body, HttpStatusCode Expected)[]
        {
            ("malformed JSON", new StringContent("{\"path\": ", Encoding.UTF8, "application/json"), HttpStatusCode.BadRequest),
            ("a path that is no kernel tree", JsonContent.Create(new { path = "/nonexistent", kernelVersion = "6.12.117", architecture = "arm64" }), HttpStatusCode.BadRequest),
            ("an unknown architecture", JsonContent.Create(new { path = "/", kernelVersion = "6.12.117", architecture = "vax" }), HttpStatusCode.BadRequest),
        };

        foreach (var (name, body, expected) in requests)
        {
            var response = await api.Admin.PostAsync("/api/catalogs", body);

            var text = await response.Content.ReadAsStringAsync();
            Assert.True(expected == response.StatusCode, $"{name}: {(int)response.StatusCode} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task A_refused_tarball_leaves_no_upload_behind()
    {
        var jobs = Path.Combine(api.Services.GetRequiredService<ServiceDataDirectory>().Path, "jobs");

        var response = await api.Admin.PostAsync("/api/catalogs?kernelVersion=8.1.7&architecture=arm64",
            new ByteArrayContent("not a tarball"u8.ToArray()) { Headers = { ContentType = new("application/gzip") } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("does not start as one", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(jobs) ? Directory.GetFiles(jobs) : []);
    }
}
