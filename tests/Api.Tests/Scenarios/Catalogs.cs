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

    public static Task<HttpResponseMessage> CatalogBuildFromPathAsync(this ApiFixture api, string path, string version, string arch) =>
        api.Admin.PostAsJsonAsync("/api/catalogs", new { path, kernelVersion = version, architecture = arch });

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

    public static Task<HttpResponseMessage> CatalogUploadAsync(this HttpClient client, byte[] tarball, string query, string type = "application/gzip")
    {
        var content = new ByteArrayContent(tarball);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        return client.PostAsync("/api/catalogs?" + query, content);
    }
}
