using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Traceability.Api.Tests.KeyRules;
using Traceability.Api.Tests.Scenarios;

namespace Traceability.Api.Tests.Concurrency;

/// <summary>
/// Issue 13 item 8: writes by a key raced its revocation and four were accepted after it. Whatever the
/// interleaving, once the revocation is in the log no event of that key follows it. Nothing here depends on
/// timing: the writers run until the key is refused, and the revocation is sent once writes are flowing.
/// </summary>
public sealed class RevocationRace(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const int Writers = 16;

    [Fact]
    public async Task No_event_of_a_key_comes_after_its_revocation_in_the_log()
    {
        await api.ArrangeBaselineAsync("revocation-race");
        var writer = await api.KeyOfAsync("racing-engineer", "engineer", "Heidi");
        var accepted = 0;
        var flowing = new TaskCompletionSource();
        var tasks = Enumerable.Range(0, Writers).Select(i => Task.Run(async () =>
        {
            for (var n = 0; ; n++)
            {
                var response = await writer.PostAsJsonAsync("/api/baselines/revocation-race/decisions",
                    new { symbol = $"RACE_{i}_{n}", value = "y", rationale = DecisionScenarios.Rationale });
                if (response.StatusCode == HttpStatusCode.Unauthorized) return;
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                if (Interlocked.Increment(ref accepted) == Writers * 2) flowing.TrySetResult();
            }
        })).ToList();

        await flowing.Task;
        Assert.Equal(HttpStatusCode.NoContent, (await api.Admin.DeleteAsync("/api/keys/racing-engineer?reason=left")).StatusCode);
        await Task.WhenAll(tasks);

        await api.Store().Sealer.SealAsync();
        var revokedAt = await PositionAsync("e.stream_id = 'apikey/racing-engineer' AND e.type = 'api_key_revoked'", "max");
        var lastWrite = await PositionAsync("e.user_name = 'racing-engineer'", "max");
        Assert.True(lastWrite < revokedAt, $"an event of the key is at position {lastWrite}, after its revocation at {revokedAt}");
    }

    private async Task<long> PositionAsync(string where, string aggregate)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT {aggregate}(c.position) FROM traceability.event_chain c JOIN traceability.mt_events e ON e.seq_id = c.seq_id WHERE {where}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
