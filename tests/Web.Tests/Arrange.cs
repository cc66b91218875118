using System.Formats.Tar;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Traceability.Web.Tests;

/// <summary>What the pages are tried on, set up through the REST API like any client would.</summary>
public static class Arrange
{
    public const string KernelVersion = "6.1.192";
    private static readonly string[] Isa = ["FEAT_PAN"];
    private static readonly string[] Levels = ["EL0", "EL1"];

    /// <summary>A key per role (two engineers and two assessors for four-eyes), by key name.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> KeysAsync(HttpClient admin)
    {
        var keys = new Dictionary<string, string> { ["bootstrap-admin"] = WebFixture.AdminKey };
        foreach (var (name, role) in new[] { ("viewer-1", "viewer"), ("engineer-1", "engineer"), ("engineer-2", "engineer"), ("assessor-1", "assessor"), ("assessor-2", "assessor") })
        {
            var issued = await Json(await admin.PostAsJsonAsync("/api/keys", new { name, role, owner = name }));
            keys[name] = issued.GetProperty("key").GetString()!;
        }
        return keys;
    }

    /// <summary>
    /// An arm64 platform, a small Kconfig catalog of its kernel version (so symbols are suggested and checked),
    /// and a baseline with Debian's real 6.1 arm64 .config imported. Idempotent per baseline id.
    /// </summary>
    public static async Task BaselineAsync(HttpClient admin, string id)
    {
        await admin.PostAsJsonAsync("/api/platforms", new
        {
            id = "web-virt", architecture = "arm64", machine = "QEMU virt", isaExtensions = Isa, firmware = "EDK2",
            hypervisor = "KVM", exceptionLevels = Levels, description = "The web tests' platform",
        });
        await CatalogAsync(admin);
        var created = await admin.PostAsJsonAsync("/api/baselines", new { id, platform = "web-virt", kernelVersion = KernelVersion, variant = "debian" });
        if (created.StatusCode == System.Net.HttpStatusCode.Conflict) return;
        created.EnsureSuccessStatusCode();
        var config = await File.ReadAllBytesAsync(Path.Combine(Repository.Root, "samples", "kernel-configs", "linux-6.1.arm64_none_arm64.config"));
        var content = new ByteArrayContent(config) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } };
        (await admin.PutAsync($"/api/baselines/{id}/config", content)).EnsureSuccessStatusCode();
    }

    /// <summary>Drafts an AoU, has an assessor accept it, and returns its id (AOU-0001, ...).</summary>
    public static async Task<string> AgreedAssumptionAsync(WebFixture web, string text)
    {
        var drafted = await Json(await web.Admin.PostAsJsonAsync("/api/assumptions", new { category = "execution environment", text }));
        var id = drafted.GetProperty("id").GetString()!;
        (await web.Admin.PostAsJsonAsync($"/api/assumptions/{id}/accept", new { reason = "agreed" })).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>A proposal by the given key, over the API; returns the decision's version.</summary>
    public static async Task<long> ProposedAsync(WebFixture web, string keyName, string baseline, string symbol, string rationale = "Needed by userspace.")
    {
        using var client = web.ClientWithKey(keyName);
        var response = await client.PostAsJsonAsync($"/api/baselines/{baseline}/decisions", new { symbol, value = "y", rationale });
        response.EnsureSuccessStatusCode();
        return long.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static HttpClient ClientWithKey(this WebFixture web, string keyName)
    {
        var client = new HttpClient { BaseAddress = web.Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", web.Keys[keyName]);
        return client;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A few real arm64 symbols with their prompts; built once (a second build is a 409, ignored).</summary>
    private static async Task CatalogAsync(HttpClient admin)
    {
        var kconfig = string.Concat(Symbols.Select(s => $"config {s.Name}\n\tbool \"{s.Prompt}\"\n\thelp\n\t  {s.Prompt}.\n"));
        var tarball = Tarball(("Kconfig", "mainmenu \"Linux\"\n" + kconfig));
        var content = new ByteArrayContent(tarball) { Headers = { ContentType = new MediaTypeHeaderValue("application/gzip") } };
        var posted = await admin.PostAsync($"/api/catalogs?kernelVersion={KernelVersion}&architecture=arm64", content);
        // A build is a job (202, its resource in Location): the pages need the catalog, so wait until it ended.
        for (var tries = 0; posted.StatusCode == System.Net.HttpStatusCode.Accepted && tries < 20; tries++)
        {
            var job = await admin.GetFromJsonAsync<JsonElement>($"{posted.Headers.Location}?wait=30");
            if (job.GetProperty("state").GetString() is "succeeded" or "failed") break;
        }
    }

    private static readonly (string Name, string Prompt)[] Symbols =
    [
        ("FUTEX", "Fast user-space mutexes"), ("FUTEX_PI", "Priority-inheritance futexes"), ("ARM64_PAN", "Privileged Access Never"),
        ("ARM64_BTI_KERNEL", "Branch Target Identification for the kernel"), ("SLUB", "SLUB allocator"), ("MODULES", "Loadable module support"),
        ("KASAN", "Kernel address sanitizer"), ("STACKPROTECTOR_STRONG", "Strong stack protector"), ("SECCOMP", "Seccomp filters"),
    ];

    private static byte[] Tarball(params (string Path, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip))
        {
            foreach (var (path, text) in files)
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "linux/" + path) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
        }
        return buffer.ToArray();
    }
}
