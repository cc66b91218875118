using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Traceability.Projections.Keys;
using Traceability.Testing;

namespace Traceability.Api.Tests.Faults;

/// <summary>
/// A write whose connection breaks after its changes were sent may have committed: its 503 says the outcome is not
/// known (and to read back), where one cut off before sending anything still says nothing was changed. Each write is
/// held at a lock the test owns, so "before" and "after sending" are states the test waits for, and the backend is
/// then terminated (57P01, as in a server shutdown).
/// </summary>
public sealed class WriteOutcomeUnknown() : FaultApp("outcome", "trc_fault_admin_key_for_the_write_outcome")
{
    [Fact]
    public async Task A_write_cut_off_after_its_changes_were_sent_answers_that_the_outcome_is_unknown()
    {
        var admin = Client(AdminKey);
        await FaultSetup.ArrangePlatformAsync(admin, "outcome-first");
        await using var blocker = await OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await Execute(blocker, "LOCK TABLE traceability.mt_events IN EXCLUSIVE MODE");

        var write = admin.PostAsJsonAsync("/api/platforms", new { id = "outcome-sent", architecture = "arm64", machine = "QEMU virt" });
        await TerminateWhenWaitingAsync("relation");
        var response = await write;
        await transaction.RollbackAsync();

        var problem = await ProblemAsync(response);
        Assert.Equal("unknown", problem.GetProperty("outcome").GetString());
        Assert.Contains("whether they were recorded is not known", problem.GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/platforms/outcome-sent")).StatusCode);
    }

    [Fact]
    public async Task A_write_cut_off_before_it_sent_anything_still_answers_that_nothing_was_changed()
    {
        var admin = Client(AdminKey);
        var writer = Client(await FaultSetup.IssueSecretAsync(admin, "outcome-writer", "admin"));
        await using var blocker = await OpenAsync();
        // A revocation's lock: every write made with the key waits for it before it reads or sends anything.
        await Execute(blocker, $"SELECT pg_advisory_lock({ActiveKey.Revocation("outcome-writer").Key})");

        var write = writer.PostAsJsonAsync("/api/platforms", new { id = "outcome-unsent", architecture = "arm64", machine = "QEMU virt" });
        await TerminateWhenWaitingAsync("advisory");
        var response = await write;

        var problem = await ProblemAsync(response);
        Assert.False(problem.TryGetProperty("outcome", out _));
        Assert.Contains("nothing was changed", problem.GetProperty("detail").GetString());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Waits for the one client backend waiting on a lock of that kind, then terminates it.</summary>
    private async Task TerminateWhenWaitingAsync(string waitEvent)
    {
        await Eventually.True(async () =>
        {
            await using var observer = await OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = $1 AND pid <> pg_backend_pid()", observer)
            { Parameters = { new() { Value = waitEvent } } };
            return await command.ExecuteScalarAsync() is true;
        }, $"the write to wait on the {waitEvent} lock");
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(Postgres.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }


}
