using System.Net;
using System.Net.Http.Json;
using System.Text;
using Npgsql;
using Traceability.Api.Tests.Scenarios;

namespace Traceability.Api.Tests.Hardening;

public sealed class SmallBodyLimits : TunedApiFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Limits:MaxRequestBytes"] = "4096",
        ["Limits:MaxConfigBytes"] = "400000",
    };
}

public sealed class BodySizeLimits(SmallBodyLimits api) : IClassFixture<SmallBodyLimits>
{
    [Fact]
    public async Task A_json_body_over_the_limit_is_refused_with_a_413_problem_before_it_is_read()
    {
        var body = JsonContent.Create(new { category = "platform", text = new string('x', 8000) });
        var response = await api.Admin.PostAsync("/api/assumptions", body);
        await Problem.Expect(response, HttpStatusCode.RequestEntityTooLarge, "Limits:MaxRequestBytes");
    }

    [Fact]
    public async Task The_largest_real_config_fits_under_the_config_limit_while_json_bodies_stay_small()
    {
        var platform = await api.Admin.PostAsJsonAsync("/api/platforms", new
        {
            id = "big-config-platform", architecture = "arm64", machine = "QEMU virt", isaExtensions = Array.Empty<string>(),
            firmware = "EDK2", hypervisor = "KVM", exceptionLevels = new List<string> { "EL1" }, description = "",
        });
        Assert.Equal(HttpStatusCode.Created, platform.StatusCode);
        var baseline = await api.Admin.PostAsJsonAsync("/api/baselines",
            new { id = "big-config", platform = "big-config-platform", kernelVersion = "6.12.117", variant = "debian" });
        Assert.Equal(HttpStatusCode.Created, baseline.StatusCode);
        var largest = Directory.GetFiles(SampleConfigs.Directory).Where(f => Path.GetFileName(f).Contains("arm64", StringComparison.Ordinal))
            .OrderByDescending(f => new FileInfo(f).Length).First();
        var import = await api.Admin.PutAsync("/api/baselines/big-config/config", new ByteArrayContent(File.ReadAllBytes(largest))
        {
            Headers = { ContentType = new("text/plain") },
        });
        Assert.Equal(HttpStatusCode.Created, import.StatusCode);
    }

    [Fact]
    public async Task A_config_over_its_own_limit_is_refused_with_a_413_problem()
    {
        var response = await api.Admin.PutAsync("/api/baselines/any/config", new ByteArrayContent(new byte[3 * 1024 * 1024])
        {
            Headers = { ContentType = new("text/plain") },
        });
        await Problem.Expect(response, HttpStatusCode.RequestEntityTooLarge, "Limits:MaxConfigBytes");
    }
}

public sealed class LowRateLimit : TunedApiFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["RateLimit:PermitPerMinute"] = "5",
        ["RateLimit:AnonymousPermitPerMinute"] = "3",
    };
}

public sealed class RateLimits(LowRateLimit api) : IClassFixture<LowRateLimit>
{
    [Fact]
    public async Task A_key_past_its_permits_gets_a_429_problem_with_retry_after_while_other_keys_go_on()
    {
        var busy = await api.DirectClientAsync("busy-viewer", "viewer");
        var calm = await api.DirectClientAsync("calm-viewer", "viewer");
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/platforms")).StatusCode);

        var refused = await busy.GetAsync("/api/platforms");
        await Problem.Expect(refused, HttpStatusCode.TooManyRequests, "requests per minute");
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal(HttpStatusCode.OK, (await calm.GetAsync("/api/platforms")).StatusCode);
    }

    [Fact]
    public async Task Calls_without_a_key_are_limited_by_address_and_health_probes_never()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add((await api.Anonymous.GetAsync("/api/platforms")).StatusCode);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await api.Anonymous.GetAsync("/health/live")).StatusCode);
    }
}

public sealed class ShortTimeout : TunedApiFixture
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["Limits:RequestTimeoutSeconds"] = "1" };
}

public sealed class RequestTimeouts(ShortTimeout api) : IClassFixture<ShortTimeout>
{
    [Fact]
    public async Task A_request_stuck_behind_a_lock_is_answered_with_a_504_problem_and_the_service_goes_on()
    {
        var viewer = await api.DirectClientAsync("patient-viewer", "viewer");
        await using (var blocker = new NpgsqlConnection(api.ConnectionString))
        {
            await blocker.OpenAsync();
            await using var tx = await blocker.BeginTransactionAsync();
            await using (var lockStreams = new NpgsqlCommand("LOCK TABLE traceability.mt_streams IN ACCESS EXCLUSIVE MODE", blocker, tx))
                await lockStreams.ExecuteNonQueryAsync();
            var response = await viewer.GetAsync("/api/platforms");
            await Problem.Expect(response, HttpStatusCode.GatewayTimeout, "Limits:RequestTimeoutSeconds");
            await tx.RollbackAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/platforms")).StatusCode);
    }

    [Fact]
    public async Task A_write_that_times_out_after_its_changes_were_sent_says_the_outcome_is_unknown()
    {
        var admin = await api.DirectClientAsync("patient-admin", "admin");
        await using (var blocker = new NpgsqlConnection(api.ConnectionString))
        {
            await blocker.OpenAsync();
            await using var tx = await blocker.BeginTransactionAsync();
            // Reads of the log go on; the append's INSERT waits.
            await using (var lockEvents = new NpgsqlCommand("LOCK TABLE traceability.mt_events IN EXCLUSIVE MODE", blocker, tx))
                await lockEvents.ExecuteNonQueryAsync();
            var response = await admin.PostAsJsonAsync("/api/platforms", new { id = "patient-late", architecture = "arm64", machine = "QEMU virt" });
            await Problem.Expect(response, HttpStatusCode.GatewayTimeout, "whether they were recorded is not known");
            Assert.Equal("unknown", (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("outcome").GetString());
            await tx.RollbackAsync();
        }
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/platforms/patient-late")).StatusCode);
    }
}

internal static class Problem
{
    public static async Task Expect(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detailContains, body, StringComparison.Ordinal);
    }
}
