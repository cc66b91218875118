using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Traceability.Domain.Decisions;
using Traceability.Projections.ReadModels;
using Traceability.Projections.Trust;

namespace Traceability.Bench.Load;

public sealed record LoadCheck(string Name, bool Passed, string Detail);

/// <summary>After the load: the answers the clients got must be what the log and the read model hold.</summary>
public static class LoadChecks
{
    public static async Task<IReadOnlyList<LoadCheck>> RunAsync(ApiHost api, LoadStats stats)
    {
        var dataSource = api.Services.GetRequiredService<NpgsqlDataSource>();
        var serverErrors = stats.Statuses.Where(s => s.Key.Status >= 500).Sum(s => s.Value);
        return
        [
            new("no 5xx", serverErrors == 0, serverErrors == 0 ? "none" : $"{serverErrors} answers ≥ 500, e.g. {stats.ServerErrors.FirstOrDefault()}"),
            await AcknowledgedWritesAsync(dataSource, stats),
            await LogValidAsync(api),
            await MatrixEqualsRebuildAsync(api),
        ];
    }

    /// <summary>
    /// Every 2xx write's (stream, ETag version) is an event by the same key; and, because no client
    /// gave up on a request, the decision streams hold nothing that was not acknowledged either.
    /// </summary>
    private static async Task<LoadCheck> AcknowledgedWritesAsync(NpgsqlDataSource dataSource, LoadStats stats)
    {
        var stored = new Dictionary<(string, long), string>();
        await using (var command = dataSource.CreateCommand(
            "SELECT stream_id, version, user_name FROM traceability.mt_events WHERE stream_id LIKE $1"))
        {
            command.Parameters.Add(new() { Value = Decision.StreamId(LoadArrange.Baseline, "%") });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) stored[(reader.GetString(0), reader.GetInt64(1))] = reader.GetString(2);
        }
        var missing = stats.Acknowledged.Where(a => !stored.TryGetValue((a.StreamId, a.Version), out var actor) || actor != a.Actor).ToList();
        var detail = $"{stats.Acknowledged.Count:N0} acknowledged, {stored.Count:N0} decision events stored, {missing.Count} missing or by another actor";
        if (missing.Count > 0) detail += $", e.g. {missing[0]}";
        return new("every acknowledged write in the event log", missing.Count == 0 && stored.Count == stats.Acknowledged.Count, detail);
    }

    /// <summary>The whole log sealed and recomputed: positions gapless, links, and every append's signature by the service key.</summary>
    private static async Task<LoadCheck> LogValidAsync(ApiHost api)
    {
        var log = await api.Services.GetRequiredService<LogVerifier>().VerifyAsync();
        return new("chain valid, every event authenticated", log.Valid, log.Valid
            ? $"{log.EventsChecked:N0} positions, head link {log.HeadLink?[..16]}…"
            : $"position {log.FirstBrokenPosition} (sequence {log.UnchainedSequence}): {log.Problem}");
    }

    /// <summary>The live matrix (CSV over HTTP and the whole table) byte for byte against a rebuild from the log.</summary>
    private static async Task<LoadCheck> MatrixEqualsRebuildAsync(ApiHost api)
    {
        var path = $"/api/baselines/{LoadArrange.Baseline}/matrix?format=csv";
        var dataSource = api.Services.GetRequiredService<NpgsqlDataSource>();
        var csvBefore = await api.Client.GetByteArrayAsync(path);
        var tableBefore = await TableDigestAsync(dataSource);
        await api.Services.GetRequiredService<ReadModelRebuild>().RunAsync();
        var csvAfter = await api.Client.GetByteArrayAsync(path);
        var tableAfter = await TableDigestAsync(dataSource);
        var same = csvBefore.AsSpan().SequenceEqual(csvAfter) && tableBefore == tableAfter;
        return new("matrix equals a rebuild", same,
            $"CSV {csvBefore.Length:N0} bytes {(csvBefore.AsSpan().SequenceEqual(csvAfter) ? "identical" : "DIFFERENT")}; matrix_rows {tableBefore.Rows:N0} rows {(tableBefore == tableAfter ? "identical" : "DIFFERENT")}");
    }

    private static async Task<(long Rows, string Digest)> TableDigestAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT count(*), coalesce(md5(string_agg(m::text, E'\\n' ORDER BY m.baseline, m.symbol)), '') FROM traceability.matrix_rows m");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetString(1));
    }
}
