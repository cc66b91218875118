using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Api.Tests.Scenarios;

namespace Traceability.Api.Tests.Reference;

public sealed class HardwareFeatures(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private static readonly Dictionary<string, string> OnVirt = new() { ["hw-virt"] = "available" };

    public async Task InitializeAsync()
    {
        if ((await api.Viewer.GetAsync("/api/platforms/hw-virt")).StatusCode == HttpStatusCode.NotFound) await api.CreatePlatformAsync("hw-virt");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Symbols_are_accepted_with_or_without_config_prefix_and_stored_without()
    {
        var response = await api.Engineer.PostAsJsonAsync("/api/hardware-features", new
        {
            id = "arm64-pan", name = "Privileged Access Never", architecture = "arm64",
            protectsAgainst = "kernel access to user memory", governingSymbols = new List<string> { "CONFIG_ARM64_PAN", "ARM64_SW_TTBR0_PAN" },
            availability = OnVirt,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/hardware-features/arm64-pan", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);

        var get = await api.Viewer.GetAsync("/api/hardware-features/arm64-pan");
        Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        var feature = await get.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["ARM64_PAN", "ARM64_SW_TTBR0_PAN"], feature.GetProperty("governingSymbols").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("available", feature.GetProperty("availability").GetProperty("hw-virt").GetString());
        Assert.Equal("Privileged Access Never", feature.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_feature_without_governing_symbols_records_that_none_switches_it()
    {
        var smep = await api.CreateFeatureAsync("x86-smep");
        Assert.Empty(smep.GetProperty("governingSymbols").EnumerateArray());
        var list = await api.Viewer.GetFromJsonAsync<JsonElement>("/api/hardware-features");
        var ids = list.EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();
        Assert.Contains("x86-smep", ids);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task Availability_on_an_unknown_platform_is_400_naming_it_and_writes_nothing()
    {
        var before = await api.EventCountAsync();
        var response = await api.Engineer.PostAsJsonAsync("/api/hardware-features", new
        {
            id = "arm64-bti", name = "BTI", architecture = "arm64", protectsAgainst = "JOP",
            availability = new Dictionary<string, string> { ["no-such-board"] = "available" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("no-such-board", errors.GetProperty("availability")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task Bad_symbols_and_availability_values_are_400_with_fields_named()
    {
        var before = await api.EventCountAsync();
        var response = await api.Engineer.PostAsJsonAsync("/api/hardware-features", new
        {
            id = "arm64-mte", name = "MTE", architecture = "sparc", protectsAgainst = "",
            governingSymbols = new List<string> { "NOT A SYMBOL" }, availability = new Dictionary<string, string> { ["hw-virt"] = "maybe" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new List<string> { "architecture", "protectsAgainst", "governingSymbols", "availability" })
        {
            Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith(field, StringComparison.Ordinal));
        }
        Assert.Contains("hw-virt", errors.GetProperty("availability")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task A_viewer_cannot_register_a_feature_and_no_key_is_401()
    {
        var body = new { id = "arm64-pac", name = "PAC", architecture = "arm64", protectsAgainst = "ROP" };
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Viewer.PostAsJsonAsync("/api/hardware-features", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync("/api/hardware-features")).StatusCode);
    }

    [Fact]
    public async Task Registering_an_existing_feature_is_409()
    {
        await api.CreateFeatureAsync("dup-feature");
        var again = await api.Engineer.PostAsJsonAsync("/api/hardware-features",
            new { id = "dup-feature", name = "Dup", architecture = "arm64", protectsAgainst = "x" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_revision_answers_the_new_version_and_a_stale_if_match_is_412()
    {
        await api.CreateFeatureAsync("rev-feature", ["CONFIG_ARM64_BTI_KERNEL"]);
        var body = new { description = "now documented", protectsAgainst = "JOP", governingSymbols = new List<string> { "ARM64_BTI_KERNEL" }, availability = OnVirt, reason = "datasheet" };
        var revised = await api.Engineer.PutAsync("/api/hardware-features/rev-feature", body, "\"1\"");
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal("\"2\"", revised.Headers.ETag?.Tag);
        var json = await revised.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, json.GetProperty("feature").GetProperty("revision").GetInt32());

        var before = await api.EventCountAsync();
        var stale = await api.Engineer.PutAsync("/api/hardware-features/rev-feature", body with { description = "again" }, "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(before, await api.EventCountAsync());
    }

    [Fact]
    public async Task A_revision_that_changes_nothing_is_409_and_an_unknown_feature_is_404()
    {
        await api.CreateFeatureAsync("same-feature", ["ARM64_MTE"]);
        var same = new { description = "", protectsAgainst = "kernel access to user memory", governingSymbols = new List<string> { "ARM64_MTE" }, reason = "no-op" };
        Assert.Equal(HttpStatusCode.Conflict, (await api.Engineer.PutAsync("/api/hardware-features/same-feature", same, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Engineer.PutAsync("/api/hardware-features/missing", same, null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Viewer.GetAsync("/api/hardware-features/missing")).StatusCode);
    }

    [Fact]
    public async Task A_revision_without_a_reason_is_400_and_a_viewer_cannot_revise()
    {
        await api.CreateFeatureAsync("reasonless", ["ARM64_PTR_AUTH_KERNEL"]);
        var body = new { protectsAgainst = "ROP", governingSymbols = Array.Empty<string>(), reason = "" };
        var response = await api.Engineer.PutAsync("/api/hardware-features/reasonless", body, null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Viewer.PutAsync("/api/hardware-features/reasonless", body with { reason = "x" }, null)).StatusCode);
    }
}
