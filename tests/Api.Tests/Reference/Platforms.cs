using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Traceability.Api.Tests.Scenarios;

namespace Traceability.Api.Tests.Reference;

public sealed class Platforms(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_registered_platform_is_201_with_location_and_etag_and_reads_back_whole()
    {
        var response = await api.Admin.PostAsJsonAsync("/api/platforms", new
        {
            id = "aarch64-qemu-virt", architecture = "arm64", machine = "QEMU virt", isaExtensions = new List<string> { "v8.2a", "pauth" },
            firmware = "EDK2", hypervisor = "KVM", exceptionLevels = new List<string> { "EL0", "EL1" }, description = "WG reference",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/platforms/aarch64-qemu-virt", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);

        var get = await api.Viewer.GetAsync("/api/platforms/aarch64-qemu-virt");
        Assert.Equal("\"1\"", get.Headers.ETag?.Tag);
        var platform = await get.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("arm64", platform.GetProperty("architecture").GetString());
        Assert.Equal(["EL0", "EL1"], platform.GetProperty("exceptionLevels").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("pauth", platform.GetProperty("isaExtensions")[1].GetString());
        Assert.Equal("KVM", platform.GetProperty("hypervisor").GetString());
        Assert.Equal(1, platform.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task The_list_holds_every_platform_sorted_by_id()
    {
        await api.CreatePlatformAsync("zz-riscv-board", "riscv64");
        await api.CreatePlatformAsync("x86-64-kvm", "x86_64");
        var list = await api.Viewer.GetFromJsonAsync<JsonElement>("/api/platforms");
        var ids = list.EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Contains("x86-64-kvm", ids);
        Assert.Contains("zz-riscv-board", ids);
    }

    [Fact]
    public async Task Registering_the_same_id_twice_is_409()
    {
        await api.CreatePlatformAsync("twice");
        var again = await api.Admin.PostAsJsonAsync("/api/platforms", new { id = "twice", architecture = "arm64", machine = "QEMU virt" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_registers_platforms_and_a_key_is_needed_to_read_them()
    {
        var body = new { id = "by-engineer", architecture = "arm64", machine = "QEMU virt" };
        Assert.Equal(HttpStatusCode.Forbidden, (await api.Engineer.PostAsJsonAsync("/api/platforms", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.PostAsJsonAsync("/api/platforms", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.Anonymous.GetAsync("/api/platforms")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_platform_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await api.Viewer.GetAsync("/api/platforms/nowhere")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_400_naming_each_field_and_writes_nothing()
    {
        var before = await api.EventCountAsync();
        var response = await api.Admin.PostAsJsonAsync("/api/platforms", new
        {
            id = "Not A Slug", architecture = "mips", machine = "", description = "bell\u0007",
            exceptionLevels = new[] { new string('E', 201) },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new List<string> { "id", "architecture", "machine", "description" }) Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith("exceptionLevels", StringComparison.Ordinal));
        Assert.Equal(before, await api.EventCountAsync());
    }
}
