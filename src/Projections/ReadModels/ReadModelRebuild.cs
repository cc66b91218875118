using Marten;
using Npgsql;
using Traceability.Projections.Events;
using Traceability.Projections.Keys;
using Traceability.Projections.Links;
using Traceability.Projections.Matrix;

namespace Traceability.Projections.ReadModels;

/// <summary>
/// Rebuilds the inline read models (matrix, decision links, API keys) from the whole log in one
/// transaction that holds their tables exclusively: writers wait, then apply their own events on top.
/// The matrix comes out of <see cref="MatrixState"/>, the fold that also answers ?asOf=, so a rebuild
/// is by construction equal to a fresh fold.
/// </summary>
public sealed class ReadModelRebuild(EventLog log)
{
    public async Task<RebuildResult> RunAsync(CancellationToken ct = default)
    {
        await using var session = log.Store.LightweightSession();
        await session.BeginTransactionAsync(ct);
        await ExecuteAsync(session.Connection, """
            LOCK TABLE traceability.matrix_rows, traceability.decision_links, traceability.api_keys IN ACCESS EXCLUSIVE MODE;
            TRUNCATE traceability.matrix_rows, traceability.decision_links, traceability.api_keys
            """, ct);
        // Writers wait behind the lock from here on: what is sealed now is exactly what the rebuild reads.
        var head = await log.Sealer.SealAsync(ct);
        var matrix = await MatrixAsync(session.Connection, ct);
        var links = await LinksAsync(session.Connection, ct);
        var keys = await KeysAsync(session, session.Connection, ct);
        await session.SaveChangesAsync(ct);
        return new RebuildResult(matrix.Count, links, keys, head.Position);
    }

    private async Task<List<MatrixRow>> MatrixAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var states = new Dictionary<string, MatrixState>(StringComparer.Ordinal);
        foreach (var e in (await log.ReadStreamsByPrefixAsync(connection, "baseline/", ct)).Concat(await log.ReadStreamsByPrefixAsync(connection, "decision/", ct)))
        {
            var baseline = MatrixFold.DecisionKey(e.Data)?.Baseline ?? (e.Data as Domain.Baselines.ConfigImported)?.Baseline;
            if (baseline is null) continue;
            if (!states.TryGetValue(baseline, out var state)) states[baseline] = state = new MatrixState(baseline);
            state.Apply(e);
        }
        var rows = states.Values.SelectMany(s => s.Rows).ToList();
        await MatrixTable.InsertAsync(connection, rows, ct);
        return rows;
    }

    private async Task<int> LinksAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var latest = new Dictionary<string, LinkSet>(StringComparer.Ordinal);
        foreach (var e in await log.ReadStreamsByPrefixAsync(connection, "decision/", ct))
        {
            if (DecisionLinks.After(e.Data) is { } links) latest[e.StreamId] = links;
        }
        await DecisionLinksTable.InsertAsync(connection, latest, ct);
        return latest.Count;
    }

    private async Task<int> KeysAsync(IDocumentSession session, NpgsqlConnection connection, CancellationToken ct)
    {
        var events = await log.ReadStreamsByPrefixAsync(connection, "apikey/", ct);
        ApiKeysProjection.Apply(session, events);
        return events.Count(e => e.Data is ApiKeyIssued or ApiKeyIssuedToOwner);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>What a rebuild wrote, and the chain position it reflects.</summary>
public sealed record RebuildResult(int MatrixRows, int LinkedDecisions, int Keys, long Position);
