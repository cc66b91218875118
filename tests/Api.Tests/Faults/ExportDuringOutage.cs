using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Traceability.Testing;

namespace Traceability.Api.Tests.Faults;

/// <summary>
/// Issue 13, item 5: PostgreSQL stopped while an audit export is reading the log. The export is held at its read by
/// a lock on Marten's events table (so "mid-export" is a state the test waits for, not a moment it guesses), then the
/// server stops: the answer must be a 503 problem document with Retry-After, never a reset or a cut-off zip.
/// </summary>
public sealed class ExportDuringOutage() : FaultApp("export", "trc_fault_admin_key_for_the_export_outage")
{
    [Fact]
    public async Task An_export_reading_the_log_when_PostgreSQL_stops_answers_a_503_problem_with_retry_after()
    {
        var admin = Client(AdminKey);
        await FaultSetup.ArrangePlatformAsync(admin, "outage-virt");
        await FaultSetup.ArrangeBaselineAsync(admin, "outage-export", "outage-virt");
        await using var blocker = new NpgsqlConnection(Postgres.ConnectionString);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockEvents = new NpgsqlCommand("LOCK TABLE traceability.mt_events IN ACCESS EXCLUSIVE MODE", blocker, transaction))
            await lockEvents.ExecuteNonQueryAsync();

        var export = admin.GetAsync("/api/baselines/outage-export/audit-export");
        await Eventually.True(async () => await WaitingOnTheLockAsync() > 0, "the export to wait on the lock of traceability.mt_events");
        await Postgres.StopAsync();
        var response = await export;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Database unavailable", (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("title").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
    }

    private async Task<long> WaitingOnTheLockAsync()
    {
        await using var observer = new NpgsqlConnection(Postgres.ConnectionString);
        await observer.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%traceability.mt_events%'", observer);
        return (long)(await command.ExecuteScalarAsync())!;
    }

}
