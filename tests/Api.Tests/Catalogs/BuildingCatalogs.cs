using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Api.Tests.Scenarios;
using Traceability.Domain.Kconfig.Catalog;

namespace Traceability.Api.Tests.Catalogs;

public sealed class BuildingCatalogs(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly (string, string)[] SmallTree =
    [
        ("Kconfig", "mainmenu \"Linux\"\nsource \"arch/$(SRCARCH)/Kconfig\"\nconfig FUTEX\n\tbool \"Fast user-space mutexes\"\n\thelp\n\t  Futexes.\n"),
        ("arch/arm64/Kconfig", "config ARM64_PAN\n\tbool \"PAN\"\n\tdepends on FUTEX\n"),
        ("arch/x86/Kconfig", "config X86_UMIP\n\tdef_bool y\n"),
    ];

    [Fact]
    public async Task The_real_6_12_arm64_tree_builds_a_catalog_whose_symbols_can_be_looked_up_with_or_without_config_prefix()
    {
        var root = CatalogScenarios.CatalogKernelTree("6.12");
        var expected = KconfigParser.Parse(CatalogTrees(root), KconfigParser.VariablesFor("arm64")).Symbols.Count;

        var response = await api.CatalogBuildFromPathAsync(root, "6.12.117", "arm64");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/catalogs/6.12.117/arm64", response.Headers.Location?.ToString());
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expected, view.GetProperty("symbolCount").GetInt32());
        foreach (var name in new[] { "ARM64_PAN", "CONFIG_ARM64_PAN" })
        {
            var symbol = await api.Viewer.GetFromJsonAsync<JsonElement>($"/api/catalogs/6.12.117/arm64/symbols/{name}");
            Assert.Equal(("ARM64_PAN", "bool"), (symbol.GetProperty("name").GetString(), symbol.GetProperty("type").GetString()));
            Assert.StartsWith("arch/arm64/Kconfig:", symbol.GetProperty("sites")[0].GetString(), StringComparison.Ordinal);
        }
        var listed = await api.Viewer.GetFromJsonAsync<JsonElement>("/api/catalogs");
        Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("kernelVersion").GetString() == "6.12.117" && c.GetProperty("architecture").GetString() == "arm64");
    }

    [Fact]
    public async Task An_uploaded_tarball_builds_the_catalog_of_the_architecture_asked_for()
    {
        var response = await api.Admin.CatalogUploadAsync(CatalogScenarios.CatalogTarball(SmallTree), "kernelVersion=9.9.1&architecture=x86_64");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("x86", 2), (view.GetProperty("architecture").GetString(), view.GetProperty("symbolCount").GetInt32()));
        Assert.StartsWith("upload:sha256:", view.GetProperty("source").GetString(), StringComparison.Ordinal);
        var futex = await api.Viewer.GetFromJsonAsync<JsonElement>("/api/catalogs/9.9.1/x86/symbols/FUTEX");
        Assert.Equal("Futexes.", futex.GetProperty("help").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.Viewer.GetAsync("/api/catalogs/9.9.1/x86/symbols/ARM64_PAN")).StatusCode);
    }

    [Fact]
    public async Task Symbols_are_found_by_part_of_their_name_with_those_starting_with_it_first()
    {
        var tree = SmallTree.Append(("arch/arm64/Kconfig.pan", "config PAN_EXTRA\n\tbool \"More PAN\"\n")).ToArray();
        var root = SmallTree[0] with { Item2 = SmallTree[0].Item2 + "source \"arch/arm64/Kconfig.pan\"\n" };
        Assert.Equal(HttpStatusCode.Created, (await api.Admin.CatalogUploadAsync(
            CatalogScenarios.CatalogTarball([root, .. tree[1..]]), "kernelVersion=9.8.1&architecture=arm64")).StatusCode);

        var found = await api.Viewer.GetFromJsonAsync<JsonElement>("/api/catalogs/9.8.1/arm64/symbols?q=config_pan");

        Assert.Equal(["PAN_EXTRA", "ARM64_PAN"], found.EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal("More PAN", found[0].GetProperty("prompt").GetString());
        var one = await api.Viewer.GetFromJsonAsync<JsonElement>("/api/catalogs/9.8.1/arm64/symbols?q=&limit=1");
        Assert.Equal("ARM64_PAN", Assert.Single(one.EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Viewer.GetAsync("/api/catalogs/9.8.1/arm64/symbols?q=%3Cscript%3E")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Viewer.GetAsync("/api/catalogs/9.8.1/arm64/symbols?limit=1000")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Viewer.GetAsync("/api/catalogs/9.8.2/arm64/symbols?q=PAN")).StatusCode);
    }

    [Fact]
    public async Task A_catalog_is_built_once_a_second_build_is_409()
    {
        var tarball = CatalogScenarios.CatalogTarball(SmallTree);
        Assert.Equal(HttpStatusCode.Created, (await api.Admin.CatalogUploadAsync(tarball, "kernelVersion=9.9.2&architecture=arm64")).StatusCode);
        var before = await api.EventCountAsync();

        var again = await api.Admin.CatalogUploadAsync(tarball, "kernelVersion=9.9.2&architecture=arm64");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task Without_a_key_401_and_without_the_admin_role_403()
    {
        var tarball = CatalogScenarios.CatalogTarball(SmallTree);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.CatalogUploadAsync(tarball, "kernelVersion=9.9.3&architecture=arm64")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Engineer.CatalogUploadAsync(tarball, "kernelVersion=9.9.3&architecture=arm64")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync("/api/catalogs")).StatusCode);
    }

    [Theory]
    [InlineData("{\"path\":\"/nonexistent\",\"kernelVersion\":\"6.12.117\",\"architecture\":\"arm64\"}", "path")]
    [InlineData("{\"path\":\"relative/dir\",\"kernelVersion\":\"6.12.117\",\"architecture\":\"arm64\"}", "path")]
    [InlineData("{\"path\":\"/tmp\",\"kernelVersion\":\"not a version\",\"architecture\":\"arm64\"}", "kernelVersion")]
    [InlineData("{\"path\":\"/tmp\",\"kernelVersion\":\"6.12\",\"architecture\":\"sparc\"}", "architecture")]
    public async Task Bad_input_is_400_naming_the_field_and_writes_nothing(string json, string field)
    {
        var before = await api.EventCountAsync();

        var response = await api.Admin.PostAsync("/api/catalogs", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_a_tarball_is_400_and_other_types_415()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Admin.CatalogUploadAsync("not gzip"u8.ToArray(), "kernelVersion=9.9.4&architecture=arm64")).StatusCode);
        // A readable tarball without Kconfig is valid work: its job fails (the helper's 422), see CatalogBuildJobs.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.Admin.CatalogUploadAsync(CatalogScenarios.CatalogTarball(("README", "x")), "kernelVersion=9.9.4&architecture=arm64")).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await api.Admin.CatalogUploadAsync([1, 2], "kernelVersion=9.9.4&architecture=arm64", "text/plain")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Admin.CatalogUploadAsync([1, 2], "kernelVersion=9.9.4&architecture=arm64", "application/x-xz")).StatusCode);
    }

    [Fact]
    public async Task A_tar_xz_as_debian_ships_kernel_sources_builds_the_catalog()
    {
        var response = await api.Admin.CatalogUploadAsync(CatalogScenarios.CatalogTarballXz(SmallTree), "kernelVersion=9.9.5&architecture=arm64", "application/x-xz");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("symbolCount").GetInt32());
        Assert.Equal("Futexes.", (await api.Viewer.GetFromJsonAsync<JsonElement>("/api/catalogs/9.9.5/arm64/symbols/FUTEX")).GetProperty("help").GetString());
    }

    [Fact]
    public async Task A_broken_tar_xz_is_400_naming_xz_and_writes_nothing()
    {
        var before = await api.EventCountAsync();
        var xz = CatalogScenarios.CatalogTarballXz(SmallTree);
        xz[xz.Length / 2] ^= 0xFF;

        var response = await api.Admin.CatalogUploadAsync(xz, "kernelVersion=9.9.6&architecture=arm64", "application/x-xz");

        // Found broken only by decoding it whole, which is the build: its job fails (the helper's 422) with the reason.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(".tar.xz", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task Unknown_catalogs_and_symbols_are_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await api.Viewer.GetAsync("/api/catalogs/1.2.3/arm64/symbols/FUTEX")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Viewer.GetAsync("/api/catalogs/1.2.3/sparc/symbols/FUTEX")).StatusCode);
    }

    private static IKconfigSource CatalogTrees(string root) => Traceability.Api.Catalogs.CatalogTrees.Directory(root);
}
