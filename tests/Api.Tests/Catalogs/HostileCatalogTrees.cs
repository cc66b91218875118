using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Traceability.Api.Catalogs;
using Traceability.Api.Tests.Scenarios;
using Traceability.Domain.Kconfig.Catalog;

namespace Traceability.Api.Tests.Catalogs;

/// <summary>
/// Catalog builds from trees made to read what they should not (issue 13, items 3 and 4): links out of
/// the tree, a FIFO, /dev/zero, paths climbing out, and a tarball whose files source the next twice.
/// </summary>
public sealed class HostileCatalogTrees(ApiFixture api) : IClassFixture<ApiFixture>, IDisposable
{
    private readonly string _tree = Directory.CreateTempSubdirectory("hostile-tree-").FullName;

    public void Dispose() => Directory.Delete(_tree, recursive: true);

    [Fact]
    public async Task A_server_tree_linking_to_etc_builds_without_reading_it_and_no_viewer_sees_a_line_of_it()
    {
        Directory.CreateSymbolicLink(Path.Combine(_tree, "etcdir"), "/etc");
        File.CreateSymbolicLink(Path.Combine(_tree, "Kconfig.passwd"), "/etc/passwd");
        Write("Kconfig", "config FOO\n\tbool \"Foo\"\nsource \"etcdir/passwd\"\nsource \"Kconfig.passwd\"\nsource \"../../etc/passwd\"\n");

        var problems = await BuildAsync("6.90.1");

        Assert.Equal(
        [
            "Kconfig:3: sourced file etcdir/passwd was not read: it resolves outside the kernel tree (a symbolic link)",
            "Kconfig:4: sourced file Kconfig.passwd was not read: it resolves outside the kernel tree (a symbolic link)",
            "Kconfig:5: sourced file ../../etc/passwd was not read: its path leads out of the kernel tree",
        ], problems);
        var listed = await api.Viewer.GetStringAsync("/api/catalogs");
        Assert.DoesNotContain("root:", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fifo_in_the_tree_is_refused_without_being_opened()
    {
        MakeFifo(Path.Combine(_tree, "Kconfig.fifo"));
        Write("Kconfig", "config FOO\n\tbool\nsource \"Kconfig.fifo\"\n");

        var problems = await BuildAsync("6.90.2");

        Assert.Equal(["Kconfig:3: sourced file Kconfig.fifo was not read: it is a FIFO, not a regular file"], problems);
    }

    [Fact]
    public void A_link_to_dev_zero_is_refused_before_a_byte_is_read()
    {
        File.CreateSymbolicLink(Path.Combine(_tree, "Kconfig.zero"), "/dev/zero");

        var file = CatalogTrees.Directory(_tree).Read("Kconfig.zero");

        Assert.Equal(KconfigFile.Refused("it resolves outside the kernel tree (a symbolic link)"), file);
    }

    [Fact]
    public void A_device_inside_the_tree_is_refused_as_a_device() =>
        Assert.Equal(KconfigFile.Refused("it is a device, not a regular file"), new DirectorySource("/dev").Read("zero"));

    [Fact]
    public async Task A_tarball_with_a_link_to_etc_builds_and_says_the_link_is_not_followed()
    {
        var tarball = Tarball(("linux/Kconfig", "config FOO\n\tbool\nsource \"etcdir/Kconfig\"\n"), ("linux/etcdir", "/etc"));

        var response = await api.Admin.CatalogUploadAsync(tarball, "kernelVersion=6.90.3&architecture=arm64");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Kconfig:3: sourced file etcdir/Kconfig was not read: it lies behind a symbolic link in the tarball, which is not followed",
            Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task A_small_tarball_whose_files_source_the_next_twice_is_422_and_writes_nothing()
    {
        var files = new List<(string, string)> { ("linux/Kconfig", "source \"Kconfig.1\"\nsource \"Kconfig.1\"\n") };
        for (var i = 1; i < 30; i++) files.Add(($"linux/Kconfig.{i}", $"source \"Kconfig.{i + 1}\"\nsource \"Kconfig.{i + 1}\"\n"));
        files.Add(("linux/Kconfig.30", "config X\n\tbool\n"));
        var before = await api.EventCountAsync();

        var response = await api.Admin.CatalogUploadAsync(Tarball([.. files]), "kernelVersion=6.90.4&architecture=arm64");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("more than 20,000 files", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.EventCountAsync());
    }

    private void Write(string path, string text) => File.WriteAllText(Path.Combine(_tree, path), text);

    private async Task<List<string>> BuildAsync(string version)
    {
        var response = await api.CatalogBuildFromPathAsync(_tree, version, "arm64");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        return view.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>Entries whose text starts with '/' are symbolic links to that path; "Kconfig" names are files.</summary>
    private static byte[] Tarball(params (string Path, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
        {
            foreach (var (path, text) in entries)
            {
                tar.WriteEntry(text.StartsWith('/')
                    ? new PaxTarEntry(TarEntryType.SymbolicLink, path) { LinkName = text }
                    : new PaxTarEntry(TarEntryType.RegularFile, path) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
            }
        }
        return buffer.ToArray();
    }
}
