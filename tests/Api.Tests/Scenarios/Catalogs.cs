using System.Formats.Tar;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;

namespace Traceability.Api.Tests.Scenarios;

public static class CatalogScenarios
{
    /// <summary>The Debian 6.1/6.12 Kconfig trees prepared by scripts/ensure-kernel-sources.sh; missing ones fail the test.</summary>
    public static string CatalogKernelTree(string series)
    {
        var cache = Environment.GetEnvironmentVariable("TRACEABILITY_KERNEL_SOURCES");
        Assert.True(!string.IsNullOrEmpty(cache), "TRACEABILITY_KERNEL_SOURCES is not set: run ./test.sh.");
        var root = Path.Combine(cache, $"linux-{series}");
        Assert.True(File.Exists(Path.Combine(root, "Kconfig")), $"{root}/Kconfig is missing.");
        return root;
    }

    /// <summary>Posts the build and, when it became a job (202), waits for it: see <see cref="BuiltAsync"/>.</summary>
    public static async Task<HttpResponseMessage> CatalogBuildFromPathAsync(this ApiFixture api, string path, string version, string arch) =>
        await api.Admin.BuiltAsync(await api.Admin.PostAsJsonAsync("/api/catalogs", new { path, kernelVersion = version, architecture = arch }));

    /// <summary>
    /// POST /api/catalogs answers 202 with a job (issue 11 item 3). This waits for the job and answers what the
    /// synchronous build answered: 201 with the catalog's Location and view when the job succeeded, 422 with the job
    /// when it failed. A refusal before any job (400, 409, 413, 415, 422) is returned as it came.
    /// </summary>
    public static async Task<HttpResponseMessage> BuiltAsync(this HttpClient client, HttpResponseMessage posted)
    {
        if (posted.StatusCode != System.Net.HttpStatusCode.Accepted) return posted;
        var job = await client.CatalogJobEndedAsync(posted.Headers.Location!.ToString());
        if (job.GetProperty("state").GetString() != "succeeded")
            return new HttpResponseMessage(System.Net.HttpStatusCode.UnprocessableEntity)
            {
                Content = JsonContent.Create(new { title = "The catalog job failed", status = 422, detail = job.GetProperty("failure").GetString(), job }),
            };
        var result = job.GetProperty("result");
        var built = new HttpResponseMessage(System.Net.HttpStatusCode.Created) { Content = JsonContent.Create(result.GetProperty("catalog")) };
        built.Headers.Location = new Uri(result.GetProperty("location").GetString()!, UriKind.Relative);
        return built;
    }

    /// <summary>Follows the job until it succeeded or failed (generously: a real tree on a busy machine).</summary>
    public static Task<System.Text.Json.JsonElement> CatalogJobEndedAsync(this HttpClient client, string job, TimeSpan? timeout = null) =>
        client.CatalogJobUntilAsync(job, _ => false, timeout);

    /// <summary>Follows the job until <paramref name="until"/> holds or it succeeded or failed, whichever comes first.</summary>
    public static async Task<System.Text.Json.JsonElement> CatalogJobUntilAsync(
        this HttpClient client, string job, Func<System.Text.Json.JsonElement, bool> until, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromMinutes(3));
        while (true)
        {
            // ?wait= answers when the job next changes: no sleeping between polls.
            var state = await client.GetFromJsonAsync<System.Text.Json.JsonElement>($"{job}?wait=30");
            if (until(state) || state.GetProperty("state").GetString() is "succeeded" or "failed") return state;
            Assert.True(DateTime.UtcNow < deadline, $"{job} has not ended (nor reached what the test waits for): {state}");
        }
    }

    /// <summary>A .tar.gz of small Kconfig files under a top directory, as `tar -czf` of a tree would give.</summary>
    public static byte[] CatalogTarball(params (string Path, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
        {
            foreach (var (path, text) in files)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, "linux-9.9/" + path) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) };
                tar.WriteEntry(entry);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The same tree as a .tar.xz (`tar -cJf`), compressed by the system's xz as Debian's sources are.</summary>
    public static byte[] CatalogTarballXz(params (string Path, string Text)[] files)
    {
        using var tar = new MemoryStream();
        using (var gzip = new GZipStream(new MemoryStream(CatalogTarball(files)), CompressionMode.Decompress)) gzip.CopyTo(tar);
        var info = new System.Diagnostics.ProcessStartInfo("xz", "-c") { RedirectStandardInput = true, RedirectStandardOutput = true };
        using var xz = System.Diagnostics.Process.Start(info)!;
        var output = new MemoryStream();
        var read = xz.StandardOutput.BaseStream.CopyToAsync(output);
        xz.StandardInput.BaseStream.Write(tar.ToArray());
        xz.StandardInput.Close();
        read.Wait();
        xz.WaitForExit();
        return output.ToArray();
    }

    /// <summary>Uploads and waits for the job: see <see cref="BuiltAsync"/>.</summary>
    public static async Task<HttpResponseMessage> CatalogUploadAsync(this HttpClient client, byte[] tarball, string query, string type = "application/gzip")
    {
        var content = new ByteArrayContent(tarball);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        return await client.BuiltAsync(await client.PostAsync("/api/catalogs?" + query, content));
    }
}
