using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Traceability.Api.Catalogs;
using Traceability.Api.Tests.Scenarios;
using Traceability.Domain.Kconfig.Catalog;

namespace Traceability.Api.Tests.Catalogs;

/// <summary>samples/catalogs: compact catalogs generated from Debian's 6.1/6.12 trees, uploaded as one document each (issue 12, item 2).</summary>
public sealed class CompactCatalogs(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static string Committed(string version, string arch) =>
        Path.Combine(SampleConfigs.Directory, "..", "catalogs", $"linux-{version}-{arch}.catalog.json.gz");

    [Theory]
    [InlineData("6.1", "6.1.192", "arm64")]
    [InlineData("6.1", "6.1.192", "x86")]
    [InlineData("6.12", "6.12.117", "arm64")]
    [InlineData("6.12", "6.12.117", "x86")]
    public void The_committed_catalogs_are_what_the_generator_makes_of_the_real_trees(string series, string version, string arch)
    {
        var root = CatalogScenarios.CatalogKernelTree(series);
        var parsed = KconfigParser.Parse(CatalogTrees.Directory(root), KconfigParser.VariablesFor(arch));
        using var generated = new MemoryStream();
        CompactCatalog.From(parsed, version, arch, File.ReadAllText(Path.Combine(root, ".complete")).Trim()).WriteTo(generated);

        Assert.Equal(Inflate(generated.ToArray()), Inflate(File.ReadAllBytes(Committed(version, arch))));
    }

    [Fact]
    public async Task Uploading_a_committed_catalog_builds_the_catalog_a_build_from_its_tree_would()
    {
        var response = await UploadAsync(File.ReadAllBytes(Committed("6.12.117", "arm64")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(KconfigParser.Parse(CatalogTrees.Directory(CatalogScenarios.CatalogKernelTree("6.12")), KconfigParser.VariablesFor("arm64")).Symbols.Count,
            view.GetProperty("symbolCount").GetInt32());
        Assert.StartsWith("compact:linux-source-6.12_6.12.117", view.GetProperty("source").GetString(), StringComparison.Ordinal);
        var pan = await api.Viewer.GetFromJsonAsync<JsonElement>("/api/catalogs/6.12.117/arm64/symbols/ARM64_PAN");
        Assert.Equal("Enable support for Privileged Access Never (PAN)", pan.GetProperty("prompt").GetString());
        Assert.Equal("Kernel Features > ARMv8.1 architectural features", pan.GetProperty("definitions")[0].GetProperty("menu").GetString());
    }

    [Fact]
    public async Task A_query_that_disagrees_with_the_document_is_400_and_writes_nothing()
    {
        var before = await api.EventCountAsync();

        var response = await UploadAsync(Document("8.1.1", "arm64", Symbol("FOO")), "?kernelVersion=8.1.2");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("kernelVersion", out _));
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("wrong format")]
    [InlineData("a symbol twice")]
    [InlineData("a bad name")]
    [InlineData("a missing field")]
    [InlineData("inflates past the limit")]
    public async Task A_document_that_is_not_a_sound_catalog_is_400_and_writes_nothing(string flaw)
    {
        var before = await api.EventCountAsync();
        var body = flaw switch
        {
            "garbage" => Gzip("not json at all"u8.ToArray()),
            "wrong format" => Gzipped(Document("8.2.1", "arm64", Symbol("FOO")).Replace(CompactCatalog.FormatName, "something-else/1", StringComparison.Ordinal)),
            "a symbol twice" => Gzipped(Document("8.2.2", "arm64", Symbol("FOO"), Symbol("FOO"))),
            "a bad name" => Gzipped(Document("8.2.3", "arm64", Symbol("NOT A NAME"))),
            "a missing field" => Gzipped(Document("8.2.4", "arm64", Symbol("FOO")).Replace("\"sites\":[\"Kconfig:1\"],", "", StringComparison.Ordinal)),
            _ => Gzip(Encoding.UTF8.GetBytes(Document("8.2.5", "arm64", Symbol("FOO")) + new string(' ', (int)CompactCatalog.MaxInflatedBytes))),
        };

        var response = await UploadAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await api.EventCountAsync());
    }

    private Task<HttpResponseMessage> UploadAsync(string json, string query = "") => UploadAsync(Gzipped(json), query);

    private static byte[] Gzipped(string json) => Gzip(Encoding.UTF8.GetBytes(json));

    private async Task<HttpResponseMessage> UploadAsync(byte[] body, string query = "")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(CompactCatalog.MediaType);
        return await api.Admin.BuiltAsync(await api.Admin.PostAsync("/api/catalogs" + query, content));
    }

    private static string Symbol(string name) =>
        $$"""{"name":"{{name}}","type":"bool","prompt":null,"help":null,"sites":["Kconfig:1"],"dependsOn":[],"selects":[],"implies":[],"defaults":[],"ranges":[],"definitions":null}""";

    private static string Document(string version, string arch, params string[] symbols) =>
        $$"""{"format":"{{CompactCatalog.FormatName}}","kernelVersion":"{{version}}","architecture":"{{arch}}","source":"test","problems":[],"symbols":[{{string.Join(',', symbols)}}]}""";

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(bytes);
        return buffer.ToArray();
    }

    private static string Inflate(byte[] gzipped)
    {
        using var gzip = new GZipStream(new MemoryStream(gzipped), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return reader.ReadToEnd();
    }
}
